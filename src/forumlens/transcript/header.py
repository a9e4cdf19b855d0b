"""The page header of a caption file: where it ends, the session title and the year in it.

Lines before the first turn are site boilerplate, the title, the captioning disclaimer, a date,
separators; `furniture_end` finds the last of the page furniture (an unmarked first turn may
follow it, `unmarked.py`), `find_title` the title (the line above the disclaimer, else the first
substantive line), `guess_year` the first plausible IGF year (2006 on).
"""

from __future__ import annotations

import re

__all__ = ["BOILERPLATE", "DISCLAIMER", "find_title", "first_line_end", "furniture_end", "guess_year", "header_end"]

DISCLAIMER = re.compile(
    r"(output|outputs|raw|unedited).{0,40}(caption|transcri)|should not be treated as an authoritative record"
    r"|realtime|real-time captioning|CART",
    re.IGNORECASE,
)


BOILERPLATE = re.compile(
    r"^(warning|notice|deprecated|fatal error|parse error)\b.*\bon line \d+|legacy site|skip to (main )?content"
    r"|^(home|menu|search|login|log in|sign in|language|english|français|español)\s*(\||$)|cookie"
    r"|^\*+$|^[-=_~#]+$|javascript|^you are here"
    r"|^WEBVTT$|^(kind|language):\s*[\w-]+$",  # a WebVTT file's bare signature and header metadata
    re.IGNORECASE,
)


_DATE_LINE = re.compile(
    r"^\W*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)?,?\s*"
    r"(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}?,?\s*\d{4}\W*$"
    r"|^\W*\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\W*$",
    re.IGNORECASE,
)


# a year stands alone or ends a name's letters ("igf2019-berlin-….txt", "IGF2023"): no digit before it,
# no digit or letter after it ("Room 2025B" is no year)
_YEAR = re.compile(r"(?<![0-9])(200[6-9]|20[1-9]\d)(?![0-9A-Za-z])")


def header_end(text: str, stop: int) -> int:
    """Offset just after the last line of page furniture before `stop` (disclaimer, date,
    separator, site boilerplate), or after the first non-empty line (the title) if none."""
    return furniture_end(text, stop) or first_line_end(text, stop)


def first_line_end(text: str, stop: int) -> int:
    """Offset just after the first non-empty line before `stop` (0 when there is none)."""
    for m in re.finditer(r"[^\n]*", text[:stop]):
        if m.group().strip():
            return m.end()
    return 0


def furniture_end(text: str, stop: int) -> int:
    """Offset just after the last line of page furniture before `stop`, 0 when there is none."""
    end = 0
    for m in re.finditer(r"[^\n]*", text[:stop]):
        line = m.group().strip().replace("\u00a0", " ")
        if not line:
            continue
        if (
            (DISCLAIMER.search(line) and len(line) > 60)
            or _DATE_LINE.match(line)
            or BOILERPLATE.search(line)
            or re.fullmatch(r"[*\-=_~#]{3,}", line)
        ):
            end = m.end()
    return end


_MD_HEADING = re.compile(r"^#{1,6}[ \t]+")


def find_title(header: str) -> str:
    """The session title from the lines before the first turn.

    The title is the line just before the captioning disclaimer when there is one
    (site boilerplate may precede it), otherwise the first substantive line.
    """
    # a Markdown heading's `#` marks are no part of the title ("# Main Session: …")
    lines = [_MD_HEADING.sub("", ln.strip().replace("\u00a0", " ")) for ln in header.split("\n")]
    candidates = [
        (i, ln)
        for i, ln in enumerate(lines)
        if ln and not BOILERPLATE.search(ln) and not _DATE_LINE.match(ln) and any(c.isalpha() for c in ln)
    ]
    disclaimer = next((i for i, ln in candidates if DISCLAIMER.search(ln) and len(ln) > 60), None)
    if disclaimer is not None:
        before = [ln for i, ln in candidates if i < disclaimer]
        if before:
            return _short(before[-1])
    rest = [ln for i, ln in candidates if i != disclaimer]
    return _short(rest[0]) if rest else ""


def _short(line: str) -> str:
    line = re.sub(r"\s+", " ", line).strip()
    return line if len(line) <= 300 else line[:297].rstrip() + "…"


def guess_year(*texts: str) -> int | None:
    """The first plausible IGF year (2006 on) in the title, source name or header."""
    for text in texts:
        match = _YEAR.search(text or "")
        if match:
            return int(match.group(1))
    return None
