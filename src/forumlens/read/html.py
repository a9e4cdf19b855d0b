"""HTML pages of transcripts → text, markup, scripts and navigation dropped.

The IGF publishes many transcripts as web pages; the captions sit in paragraphs or a
<pre> block. Block elements become line breaks so `>>` markers start lines again.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

__all__ = ["html_to_text", "looks_like_html"]

_DROP = ("script", "style", "noscript", "template", "svg", "nav", "header", "footer", "form", "iframe", "head")
_BLOCK = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "section", "article",
          "blockquote", "table", "ul", "ol", "dd", "dt")
_HTML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(data: bytes) -> bool:
    """Sniffed from the bytes: the document opens with an HTML doctype or element."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    if b"\x00" in head[:200]:  # UTF-16 HTML
        try:
            head = data[:4096].decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return False
    return bool(_HTML_START.match(head))


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block element per line."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
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
    text = "\n".join(out).strip()
    if title and not text.startswith(title):
        text = title + "\n\n" + text
    return text + "\n"
