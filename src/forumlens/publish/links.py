"""Portal addresses → files of the static site, and the HTML rewriting that goes with it.

The portal links with absolute paths (`/sessions/ID#L12`, `/static/style.css`,
`/people/x`); a static copy must work from any sub-path and from disk (file://), where
`/` is the root of the file system and a folder does not open its `index.html`. So every
internal address is mapped to the file that holds it (`site_file`) and written relative
to the page it appears on (`../sessions/ID.html#L12`).

Rules, in the order `rewrite_html` applies them:

1. A form that needs the server (filters, the brief form, the graph threshold) is
   replaced by a one-line note; a search form without filters stays, pointed at the client-side search
   page (`search.html?q=…`).
2. The per-line "≈ similar turns" links of a transcript are dropped whole: each would
   need a server query, and their text is only a symbol.
3. A link to an address the site does not hold (the JSON API, `/sessions/ID/related`,
   a filtered list) keeps its text and loses its `href`; links to other sites,
   fragments (`#L12`) and `mailto:` are left alone.

Everything here is pure string work: the portal autoescapes every text it shows, so
`href="…"` and `<form` only ever occur in the markup the templates wrote.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Collection
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from ..transcript.speakers import name_key

__all__ = [
    "INTERNAL_ORIGIN",
    "SEARCH_PAGE",
    "absolute_url",
    "brief_slug",
    "relative_href",
    "rewrite_html",
    "rewrite_markdown",
    "rewrite_url",
    "site_file",
    "slug",
]

# the origin pages are rendered under: absolute URLs the portal builds from its request
# (pager links, brief downloads) start with it, and no real link can (.invalid is reserved)
INTERNAL_ORIGIN = "http://publish.invalid"
SEARCH_PAGE = "search.html"
FORM_NOTE = (
    '<p class="muted publish-note">This form needs the live portal (<code>forumlens serve</code>); '
    "this is a static copy of the record.</p>"
)
_FORM = re.compile(r"<form\b([^>]*)>.*?</form>", re.DOTALL | re.IGNORECASE)
_SIMILAR = re.compile(r'<a class="similar"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"<(a|link|script|img|form|area|source)\b[^>]*>", re.IGNORECASE)
_URL_ATTR = re.compile(r'(\s)(href|src|action)="([^"]*)"', re.IGNORECASE)
_HEAD_END = re.compile(r"</head>", re.IGNORECASE)
_FOOTER_END = re.compile(r"</footer>", re.IGNORECASE)


def slug(text: str) -> str:
    """The portal's URL id of a name (`web.views.slug`), without importing the web stack."""
    return name_key(text).replace(" ", "-")


def _page_number(query: dict[str, str]) -> int | None:
    raw = query.get("page", "1")
    return int(raw) if raw.isdigit() and int(raw) >= 1 else None


def site_file(path: str, query: str = "") -> str | None:
    """The site file that holds the portal page at `path?query`, or None if no file can.

    Only addresses the static site can answer are mapped: the list pages (the session
    and thread lists by page number), one page per session, person, coalition, topic
    and thread, the glossary, graph, record and briefs on saved topics. Whether a mapped file was
    actually published is for the caller to check.
    """
    params = dict(parse_qsl(query, keep_blank_values=True))
    parts = [unquote(p) for p in path.strip("/").split("/")] if path.strip("/") else []
    if any(p in ("", ".", "..") or "\\" in p for p in parts):
        return None
    head, rest = (parts[0], parts[1:]) if parts else ("", [])
    keys = set(params)
    if not parts:
        return "index.html" if not keys else None
    if head == "static" and rest and not keys:
        return "/".join(parts)
    if head == "search" and not rest:
        return SEARCH_PAGE if keys <= {"q", "mode", "page"} else None
    if head in ("sessions", "threads") and not rest:  # lists in pages; filtered lists need the server
        page = _page_number(params)
        if keys - {"page"} or page is None:
            return None
        return f"{head}/index.html" if page == 1 else f"{head}/page-{page}.html"
    if head == "briefs":
        return _brief_file(rest, params)
    if keys:
        return None
    if head in ("sessions", "people", "coalitions", "threads") and len(rest) <= 1:
        if not rest:
            return f"{head}/index.html"
        name = slug(rest[0]) if head in ("people", "coalitions") else rest[0]
        return f"{head}/{_file_name(name)}.html" if name else None
    if head == "topics" and len(rest) <= 2:
        if len(rest) < 2:
            return "/".join(["topics", *rest, "index.html"])
        return f"topics/{rest[0]}/{_file_name(rest[1])}.html"
    if head in ("glossary", "graph", "record") and not rest:
        return f"{head}.html"
    return None


def _file_name(name: str) -> str:
    """A record's file name that cannot take the place of a list page (`index`, `page-2`)."""
    return "_" + name if name == "index" or re.fullmatch(r"page-\d+", name) else name


def _brief_file(rest: list[str], params: dict[str, str]) -> str | None:
    topic = params.get("topic", "").strip()
    if not rest:
        if set(params) - {"topic"}:
            return None
        return f"briefs/{_file_name(brief_slug(topic))}.html" if topic else "briefs/index.html"
    if rest == ["download"] and topic and set(params) <= {"topic", "format"}:
        kind = params.get("format", "md")
        return f"briefs/{brief_slug(topic)}.{kind}" if kind in ("md", "json") else None
    return None


def brief_slug(topic: str) -> str:
    """File name of a saved topic's brief: its slug, cut to a length every file system takes."""
    return slug(topic)[:80] or "brief"


def relative_href(target: str, from_file: str) -> str:
    """`target` (a site file, maybe with `?query` and `#fragment`) as seen from the page `from_file`."""
    path, sep, fragment = target.partition("#")
    path, qsep, query = path.partition("?")
    if path == from_file and not qsep and sep:  # a line of the same page: the fragment alone
        return sep + fragment
    rel = posixpath.relpath(path, posixpath.dirname(from_file) or ".")
    return quote(rel, safe="/") + (qsep + query) + (sep + fragment)


def _internal_path(url: str) -> tuple[str, str, str] | None:
    """(path, query, fragment) of a portal address, or None for other sites, fragments and schemes."""
    if url.startswith(INTERNAL_ORIGIN + "/") or url == INTERNAL_ORIGIN:
        url = url[len(INTERNAL_ORIGIN) :] or "/"
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return None
    return parts.path, parts.query, parts.fragment


def rewrite_url(url: str, from_file: str, published: Collection[str]) -> str | None:
    """The href to write for `url` on the page `from_file`: relative, unchanged (external), or None (unpublished)."""
    found = _internal_path(url)
    if found is None:
        return url
    path, query, fragment = found
    target = site_file(path, query)
    if target is None or target not in published:
        return None
    keep = ""
    if target == SEARCH_PAGE:  # the client-side search reads q from the address
        q = dict(parse_qsl(query)).get("q", "")
        keep = "?" + urlencode({"q": q}) if q else ""
    return relative_href(target + keep + (("#" + fragment) if fragment else ""), from_file)


def _rewrite_tag(tag: str, name: str, from_file: str, published: Collection[str]) -> str:
    dropped = False

    def attr(match: re.Match[str]) -> str:
        nonlocal dropped
        space, key, value = match.group(1), match.group(2), match.group(3)
        new = rewrite_url(html.unescape(value), from_file, published)
        if new is None:
            dropped = True
            return ""  # unpublished: the link keeps its text and loses its target
        return f'{space}{key}="{html.escape(new, quote=True)}"'

    out = _URL_ATTR.sub(attr, tag)
    if dropped and name.lower() in ("link", "script", "img", "source"):
        return ""  # an asset the site does not hold is left out, not left broken
    return out


def _form(match: re.Match[str]) -> str:
    action = re.search(r'action="([^"]*)"', match.group(1))
    found = _internal_path(html.unescape(action.group(1))) if action else None
    # the site's search has no filters: a search form that carries one (a person page's
    # speaker) would search everything under its label, so it gets the note as well
    filtered = re.search(r'type="hidden"', match.group(0), re.IGNORECASE)
    if found is not None and found[0].rstrip("/") == "/search" and not filtered:
        return match.group(0)
    return FORM_NOTE


def rewrite_html(
    page: str,
    from_file: str,
    published: Collection[str],
    *,
    canonical: str | None = None,
    extra_head: str = "",
    extra_footer: str = "",
) -> str:
    """A rendered portal page as a page of the static site at `from_file` (see the module's rules).

    `extra_head` and `extra_footer` (markup with portal addresses, rewritten like the
    page) go at the end of `<head>` and of `<footer>`; `canonical` is the page's own
    absolute address where the site will be served.
    """
    if canonical:
        extra_head += f'<link rel="canonical" href="{html.escape(canonical, quote=True)}">\n'
    if extra_head:
        page = _HEAD_END.sub(lambda _m: extra_head + "</head>", page, count=1)
    if extra_footer:
        page = _FOOTER_END.sub(lambda _m: extra_footer + "</footer>", page, count=1)
    page = _FORM.sub(_form, page)
    page = _SIMILAR.sub("", page)
    return _TAG.sub(lambda m: _rewrite_tag(m.group(0), m.group(1), from_file, published), page)


_MD_LINK = re.compile(r"\]\((" + re.escape(INTERNAL_ORIGIN) + r"/[^)\s]*)\)")


def rewrite_markdown(text: str, from_file: str, published: Collection[str], base_url: str | None = None) -> str:
    """Links of a Markdown download (a brief) made relative, or absolute under `base_url` when given."""

    def link(match: re.Match[str]) -> str:
        new = rewrite_url(match.group(1), from_file, published)
        if new is None:
            return "](" + match.group(1)[len(INTERNAL_ORIGIN) :] + ")"
        if base_url:
            new = absolute_url(base_url, posixpath.normpath(posixpath.join(posixpath.dirname(from_file), new)))
        return f"]({new})"

    return _MD_LINK.sub(link, text)


def absolute_url(base_url: str, site_path: str) -> str:
    """`site_path` (a site file, maybe with a fragment) under the published site's `base_url`."""
    return base_url.rstrip("/") + "/" + site_path.lstrip("/")
