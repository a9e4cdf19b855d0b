"""The IGF website (intgovforum.org): where a year's transcripts are listed, what its pages look like.

All that forumlens knows about the site is here, as pure functions over HTML, so a change
of the site is a change of this module and its tests. Learned from public copies of its
pages (no page of the site is copied into this project):

- **Listing pages**: one per year and kind, `/multilingual/igf-YYYY-transcripts` (2016's is
  `igf-2016-transcripts-videos-reports`); older addresses redirect to the current site,
  and `forumlens fetch igf --listing URL` takes any other. A listing is a Drupal view:
  links to `…/content/SLUG` pages inside the main content, a pager whose next link is
  `rel="next"` (`pager__item--next`, `pager-next` on the older theme), `?page=N`.
- **Transcript pages**: `/en/content/SLUG` (the site since 2021) or
  `/multilingual/content/SLUG` (the legacy site). The title is the `<h1>`; the captions sit
  in the node body (`field--name-body`, `field-name-body`, often a Word export
  `div.WordSection1`), opening with the notice "The following are the outputs of the
  (real-time) captioning taken during …" and then `>> NAME:` turns. Around them: menus,
  a breadcrumb ("You are here"), a "legacy site" banner, sidebars, share links, a footer.

A page is kept as its title and body only (`clean_page`), so its content hash, and thus
forumlens's idempotent ingest, does not change when the site's menus or banners do.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, Tag

from ..errors import ConfigError
from ..read.html import html_to_text

__all__ = [
    "KINDS",
    "SITE",
    "Listing",
    "SitePage",
    "Verdict",
    "clean_page",
    "is_site_url",
    "judge",
    "listing_links",
    "listing_url",
    "next_page",
    "read_listing",
]

SITE = "https://www.intgovforum.org"
KINDS = ("transcripts", "reports")
FIRST_YEAR = 2006  # the first IGF, Athens

_CONTENT_PATH = re.compile(r"/content/[^/]+/?$")
_DOCUMENT_PATH = re.compile(r"\.(?:pdf|docx?)$", re.IGNORECASE)
_BODY = (
    ".field--name-body",
    ".field-name-body",
    ".WordSection1",
    ".node__content",
    "article",
    "main",
    "[role=main]",
    "#content",
)
_MAIN = ("main", "[role=main]", "#content", ".region-content", ".view-content")
_NEXT = ("a[rel=next]", ".pager__item--next a", ".pager-next a", "link[rel=next]")
_CHROME_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "form",
    "nav",
    "header",
    "footer",
    "aside",
    "button",
    "svg",
)
_CHROME_CLASS = re.compile(r"breadcrumb|share|social|pager|sidebar|menu|tabs|legacy|skip-link|visually-hidden")
_CHROME_TEXT = re.compile(r"^\s*(?:this is now a legacy site\b.*|you are here\s*)$", re.IGNORECASE | re.DOTALL)
_KEEP_ATTRS = frozenset({"href", "colspan", "rowspan"})
_TITLE_SUFFIX = re.compile(r"\s*[|–—-]\s*(?:Internet Governance Forum|IGF)\s*$", re.IGNORECASE)
_TURN = re.compile(r"^\s*>>", re.MULTILINE)
_NOTICE = re.compile(r"outputs? of the (?:real[- ]?time )?captioning", re.IGNORECASE)
_MIN_TURNS = 2
_MIN_REPORT_WORDS = 40


def listing_url(year: int, kind: str = "transcripts", base: str = SITE) -> str:
    """The first listing page of a year's transcripts or reports."""
    if kind not in KINDS:
        raise ConfigError(f"unknown page type {kind!r}", hint=f"use one of: {', '.join(KINDS)}")
    if not FIRST_YEAR <= year <= 2100:
        raise ConfigError(f"no IGF in {year}", hint=f"the IGF has met every year since {FIRST_YEAR}")
    return f"{base.rstrip('/')}/multilingual/igf-{year}-{kind}"


def is_site_url(url: str, base: str = SITE) -> bool:
    """A page of the IGF site (any of its hosts), or of `base` (a mirror, a test server)."""
    host = _host(url)
    return host == _host(base) or host == "intgovforum.org" or host.endswith(".intgovforum.org")


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _soup(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "html.parser")


_SIMPLE = re.compile(
    r"(?P<tag>[a-z0-9]+)?(?:\.(?P<cls>[\w-]+))?(?:#(?P<id>[\w-]+))?(?:\[(?P<attr>\w+)~?=(?P<value>[\w-]+)\])?"
)


def _select(root: BeautifulSoup | Tag, selector: str) -> Tag | None:
    """The first match of a simple selector (`tag.class`, `#id`, `[attr=value]`, `A B`).

    A few `find` calls: the site's shapes need no more than this, and a full CSS engine
    costs more than the parse itself on a long transcript.
    """
    node: BeautifulSoup | Tag | None = root
    for part in selector.split():
        match = _SIMPLE.fullmatch(part)
        if match is None or node is None:
            raise ValueError(f"unsupported selector {selector!r}")
        found = node.find(_predicate(match))
        node = found if isinstance(found, Tag) else None
        if node is None:
            return None
    return node if isinstance(node, Tag) else None


def _predicate(match: re.Match[str]) -> Callable[[Tag], bool]:
    name, cls, ident, attr, value = match["tag"], match["cls"], match["id"], match["attr"], match["value"]

    def matches(tag: Tag) -> bool:
        return (
            (not name or tag.name == name)
            and (not cls or cls in (tag.get_attribute_list("class") or []))
            and (not ident or tag.get("id") == ident)
            and (not attr or value in (tag.get_attribute_list(attr) or []))
        )

    return matches


def _first(soup: BeautifulSoup | Tag, selectors: tuple[str, ...]) -> Tag | None:
    for selector in selectors:
        found = _select(soup, selector)
        if found is not None:
            return found
    return None


def _strip_chrome(root: BeautifulSoup | Tag) -> None:
    """Remove menus, banners, pagers, share links and the like from `root`, in place."""
    for tag in root.find_all(_CHROME_TAGS):
        tag.decompose()
    for tag in root.find_all(True):
        if tag.decomposed:
            continue
        classes = " ".join(tag.get_attribute_list("class") or []) + " " + str(tag.get("id") or "")
        if _CHROME_CLASS.search(classes):
            tag.decompose()
    for text in root.find_all(string=_CHROME_TEXT):
        parent = text.parent
        if parent is not None and not parent.decomposed and parent is not root and len(parent.get_text()) < 300:
            parent.decompose()


def _canonical(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path, parts.query, ""))


@dataclass(frozen=True)
class Listing:
    """One listing page: the pages it lists, in order, and its next page (None on the last)."""

    links: list[str]
    next: str | None


def read_listing(markup: str, page_url: str, kind: str = "transcripts") -> Listing:
    """The links of a listing page and its pager's next page, from one parse."""
    soup = _soup(markup)
    following = _next(soup, page_url)  # before the pager is stripped as chrome
    return Listing(_links(soup, page_url, kind), following)


def listing_links(markup: str, page_url: str, kind: str = "transcripts") -> list[str]:
    """Addresses of the pages a listing lists, in its order, each once.

    Only links inside the main content count (menus, sidebars and footers link to
    pages of every year); only the listing's own site; for reports also PDF and Word
    files, which is how many reports are published.
    """
    return _links(_soup(markup), page_url, kind)


def _links(soup: BeautifulSoup, page_url: str, kind: str) -> list[str]:
    main = _first(soup, _MAIN) or soup.body or soup
    _strip_chrome(main)
    own, here = _host(page_url), _canonical(page_url)
    found: list[str] = []
    for anchor in main.find_all("a", href=True):
        url = _canonical(urljoin(page_url, str(anchor["href"]).strip()))
        path = urlsplit(url).path
        wanted = _CONTENT_PATH.search(path) or (kind == "reports" and _DOCUMENT_PATH.search(path))
        if wanted and _host(url) == own and url != here and url not in found:
            found.append(url)
    return found


def next_page(markup: str, page_url: str) -> str | None:
    """The listing's next page (Drupal pager), or None on the last one."""
    return _next(_soup(markup), page_url)


def _next(soup: BeautifulSoup, page_url: str) -> str | None:
    anchor = _first(soup, _NEXT)
    if anchor is None or not anchor.get("href"):
        return None
    url = _canonical(urljoin(page_url, str(anchor["href"]).strip()))
    return None if url == _canonical(page_url) else url


@dataclass(frozen=True)
class SitePage:
    """A page reduced to what it says: its title and the HTML of its body."""

    title: str
    html: str

    @cached_property
    def text(self) -> str:
        """The text the HTML reader will see when the page is ingested."""
        return html_to_text(self.html)

    def to_bytes(self) -> bytes:
        return self.html.encode("utf-8")


def clean_page(markup: str) -> SitePage:
    """The title and body of a site page, without the site's menus, banners and footer.

    The result is a small HTML document, the same for the same title and body whatever
    the site wraps around them (attributes such as class names are dropped too).
    """
    soup = _soup(markup)
    title = _title(soup)
    lang = ""
    root = soup.find("html")
    if isinstance(root, Tag) and root.get("lang"):
        lang = f' lang="{html.escape(str(root.get("lang")))}"'
    body = _first(soup, _BODY) or soup.body or soup
    _strip_chrome(body)
    top = body.find("h1")
    if isinstance(top, Tag) and top.get_text(" ", strip=True) == title:
        top.decompose()
    for tag in [body, *body.find_all(True)]:  # a new theme's class names must not change the content hash
        tag.attrs = {k: v for k, v in tag.attrs.items() if k in _KEEP_ATTRS}
    inner = body.decode_contents().strip() if body.name in ("body", "[document]") else body.decode().strip()
    escaped = html.escape(title)
    document = (
        f'<!DOCTYPE html>\n<html{lang}>\n<head><meta charset="utf-8"><title>{escaped}</title></head>\n'
        f"<body>\n<h1>{escaped}</h1>\n{inner}\n</body>\n</html>\n"
    )
    return SitePage(title, document)


def _title(soup: BeautifulSoup) -> str:
    heading = _first(soup, ("h1.page-title", "main h1", "article h1", "h1"))
    if heading is not None and heading.get_text(strip=True):
        return heading.get_text(" ", strip=True)
    if soup.title and soup.title.get_text(strip=True):
        return _TITLE_SUFFIX.sub("", soup.title.get_text(" ", strip=True))
    return ""


@dataclass(frozen=True)
class Verdict:
    """Whether a page is what the run is after, and if not, why (shown to the user)."""

    wanted: bool
    reason: str = ""


def judge(page: SitePage, kind: str = "transcripts") -> Verdict:
    """Is this cleaned page a transcript (or, for `reports`, a report)?

    A transcript has caption turns (`>> NAME:` lines); the site's captioning notice
    alone is not enough (an announced transcript may still be empty). A report is a page
    with some prose that is not a transcript.
    """
    turns = len(_TURN.findall(page.text))
    words = len(page.text.split())
    is_transcript = turns >= _MIN_TURNS
    if kind == "transcripts":
        if is_transcript:
            return Verdict(True)
        if _NOTICE.search(page.text):
            return Verdict(False, f"has the captioning notice but {turns} caption turns: the transcript is empty")
        return Verdict(False, f"not a transcript: no caption turns (>> NAME:) in its {words} words")
    if is_transcript:
        return Verdict(False, "a transcript, not a report (use --type transcripts)")
    if words < _MIN_REPORT_WORDS:
        return Verdict(False, f"not a report: only {words} words of text")
    return Verdict(True)
