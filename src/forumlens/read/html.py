"""HTML pages of transcripts → text, markup, scripts and navigation dropped.

The IGF publishes many transcripts as web pages; the captions sit in paragraphs or a
<pre> block. Block elements become line breaks so `>>` markers start lines again.
"""

from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING

from .blocks import Block

if TYPE_CHECKING:  # bs4 (≈ 0.1 s to import) only when a page is read: a .txt report never needs it
    from bs4 import BeautifulSoup

__all__ = ["html_blocks", "html_to_text", "looks_like_html"]

_DROP = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "form", "iframe", "head")
_BLOCK = (
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "section",
    "article",
    "blockquote",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
)
_HTML_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.IGNORECASE | re.DOTALL
)


def looks_like_html(data: bytes) -> bool:
    """Sniffed from the bytes: the document opens with an HTML doctype or element."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    if b"\x00" in head[:200]:  # UTF-16 HTML
        try:
            head = data[:4096].decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return False
    return bool(_HTML_START.match(head))


def _soup(markup: str) -> BeautifulSoup:
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(markup, "html.parser")


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block element per line."""
    soup = _soup(markup)
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    text = "\n".join(_visible_lines(soup)).strip()
    if title and not text.startswith(title):
        text = title + "\n\n" + text
    return text + "\n"


_HEADING_MARK = "\ue000"
_META_NAMES = {
    "dc.title": "title",
    "citation_title": "title",
    "dcterms.title": "title",
    "dc.date": "created",
    "citation_date": "created",
    "citation_publication_date": "created",
    "dcterms.created": "created",
    "date": "created",
    "author": "author",
    "dc.creator": "author",
    "article:published_time": "created",
    "og:title": "title",
}


def html_blocks(markup: str) -> tuple[list[Block], dict[str, str]]:
    """Headings (h1–h6) and paragraphs of an HTML document, and what its <head> declares.

    Block elements are separated by blank lines in the visible text; a heading is
    marked before the text is flattened so it stays one block with its level.
    """
    soup = _soup(markup)
    info: dict[str, str] = {}
    if soup.title and soup.title.get_text(strip=True):
        info["title"] = soup.title.get_text(" ", strip=True)
    for meta in soup.find_all("meta"):
        name = str(meta.get("name") or meta.get("property") or "").lower()
        content = str(meta.get("content") or "").strip()
        if name in _META_NAMES and content and _META_NAMES[name] not in info:
            info[_META_NAMES[name]] = content
    html_tag = soup.find("html")
    if html_tag is not None and html_tag.get("lang"):
        info["language"] = str(html_tag.get("lang"))
    for level in range(1, 7):
        for tag in soup.find_all(f"h{level}"):
            tag.insert(0, f"{_HEADING_MARK}{level}")
    blocks: list[Block] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(Block("paragraph", "\n".join(current)))
            current.clear()

    for line in _visible_lines(soup):
        if not line:
            flush()
        elif line.startswith(_HEADING_MARK):
            flush()
            blocks.append(Block("heading", line[2:].strip(), level=int(line[1])))
        else:
            current.append(line.replace(_HEADING_MARK, ""))
    flush()
    return blocks, info


def _visible_lines(soup: BeautifulSoup) -> list[str]:
    """Lines of visible text, one block element per line, one blank line between blocks."""
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for tag in soup.find_all(_BLOCK):
        if tag.name == "br":
            tag.replace_with("\n")
        else:
            tag.insert_before("\n")
            tag.insert_after("\n")
    body = soup.body or soup
    text = body.get_text()
    lines = [re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return out
