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
_TITLE_FIELD = re.compile(r"(?:session[ \t]+)?title[ \t]*:[ \t]*(\S.{3,})", re.IGNORECASE)


def find_title(header: str) -> str:
    """The session title from the lines before the first turn.

    The title is the value of a `Title:` field line when the header has one, else the line just
    before the captioning disclaimer when there is one (site boilerplate may precede it),
    otherwise the first substantive line.
    """
    # a Markdown heading's `#` marks are no part of the title ("# Main Session: …")
    lines = [_MD_HEADING.sub("", ln.strip().replace("\u00a0", " ")) for ln in header.split("\n")]
    # a header of metadata fields names the title in one of them (a subtitle script's
    # `Title: …` under `[Script Info]`, a captioning service's `Title: …` under the event line)
    field = next((m.group(1) for ln in lines if (m := _TITLE_FIELD.match(ln))), None)
    if field:
        return _short(field)
    lines = _joined_wraps(lines)
    candidates = [
        (i, ln)
        for i, ln in enumerate(lines)
        if ln and not BOILERPLATE.search(ln) and not _DATE_LINE.match(ln) and any(c.isalpha() for c in ln)
    ]
    disclaimer = next((i for i, ln in candidates if DISCLAIMER.search(ln) and len(ln) > 60), None)
    # the event, its venue and the caption copy's status name no session: a title is what is
    # left, unless nothing is ("INTERNET GOVERNANCE FORUM" above a turn is still the best name)
    later_session = [
        any(
            _SESSION_WORD.search(ln) and not _FIELD_LINE.match(ln) and not _slot_line(ln)
            for _, ln in candidates[k + 1 :]
        )
        for k in range(len(candidates))
    ]
    naming = [
        (i, ln) for k, (i, ln) in enumerate(candidates) if not _names_no_session(ln, later_session[k])
    ] or candidates
    if disclaimer is not None:
        before = [ln for i, ln in naming if i < disclaimer]
        if before:  # of the lines naming a session's kind, the one nearest the disclaimer; else the nearest
            k = max((k for k, ln in enumerate(before) if _kind_line(ln)), default=len(before) - 1)
            return _short(_with_subject(before, k))
    rest = [ln for i, ln in naming if i != disclaimer]
    return _short(_with_subject(rest, 0)) if rest else ""


# a session's kind and number alone ("WORKSHOP 118", "OPEN FORUM", "Open Forum #12")
_BARE_KIND = re.compile(
    r"(workshop|session|main\s+session|open\s+forum|town\s*hall|panel|round\s*table|roundtable|ws|of)"
    r"(\s*(no\.?|#)?\s*[\dIVX]+)?\W*",
    re.IGNORECASE,
)


# a line that a wrapped heading breaks after a word that cannot end a title ("DYNAMIC COALITION ON"
# above "ACCESSIBILITY AND DISABILITY", "NINTH ANNUAL MEETING OF THE" above "INTERNET GOVERNANCE FORUM")
# (not "a": "HALL A" is a room)
_DANGLING = re.compile(r"\b(of|the|on|for|and|in|to|at|with|an|de|du|des|la|le|el|del)$", re.IGNORECASE)


def _joined_wraps(lines: list[str]) -> list[str]:
    """The header's lines with a line cut after a word that cannot end a title joined to the next
    (which is left empty, so the indices of the other lines stay)."""
    out = list(lines)
    for i in range(len(out) - 1):
        following = out[i + 1]
        if not (out[i] and following and _DANGLING.search(out[i])):
            continue
        if not (_DATE_LINE.match(following) or BOILERPLATE.search(following) or DISCLAIMER.search(following)):
            out[i], out[i + 1] = f"{out[i]} {following}", ""
    return out


# the slot a session took, not its name: "DAY 1, MORNING", "AFTERNOON SESSION", "ROOM XXIV",
# "IGF 2025 - Day 1 - Hall B", "IGF 2016 -- DAY 2" (the session's name is another line)
_SLOT_WORDS = frozenset(
    {"igf", "day", "room", "hall", "salle", "raum", "saal", "sala", "morning", "afternoon", "evening", "am", "pm"}
)
_PART_OF_DAY = frozenset({"morning", "afternoon", "evening"})
_ROOM_WORDS = frozenset({"room", "hall", "salle", "raum", "saal", "sala"})


def _slot_line(line: str) -> bool:
    """Whether a header line gives only the day, room or time of a session (and the event's year):
    every word a slot word, a number, a date word, a Roman numeral or one letter, with a day or
    a room in it; "session" counts with a part of the day ("AFTERNOON SESSION")."""
    words = re.findall(r"[^\W_]+", line.lower())
    if not words:
        return False
    # the word naming a room's kind is part of the room ("WORKSHOP ROOM 6", "Banquet Hall B", "Main Hall")
    words = [w for k, w in enumerate(words) if not (k + 1 < len(words) and words[k + 1] in _ROOM_WORDS)]
    part_of_day = any(w in _PART_OF_DAY for w in words)
    if not any(w in _SLOT_WORDS and w not in ("igf", "am", "pm") for w in words):
        return False
    return all(
        w in _SLOT_WORDS
        or (part_of_day and w in ("session", "sessions"))
        or w.isdigit()
        or _DATE_WORD.fullmatch(w)
        or re.fullmatch(r"[ivxlc]+|[a-z]\d?|\d+[a-z]?", w)
        for w in words
    )


# a note about the captions in brackets or parentheses ("(Captioner standing by)", "[auto-generated
# captions]", "[From the U.S. Government Publishing Office]"): the file's, not the session's
_BRACKETED = re.compile(r"^[(\[][^()\[\]]*[)\]]$")


def _with_subject(lines: list[str], k: int) -> str:
    """Line `k`, joined to the next line when it gives only the session's kind and number
    ("WORKSHOP 118" above "MOBILE MONEY AND THE UNBANKED")."""
    line = lines[k]
    if _BARE_KIND.fullmatch(line.strip()) and k + 1 < len(lines):
        subject = lines[k + 1].strip()
        if not _BARE_KIND.fullmatch(subject) and not _names_no_session(subject):
            return f"{line.strip().rstrip(':')}: {subject}"
    return line


def _kind_line(line: str) -> bool:
    """Whether a line names a session's kind or subject; a line wholly in quotes is the
    meeting's theme ('"BUILDING BRIDGES: …"'), not a session."""
    quoted = line[:1] in "\"“'‘" and line[-1:] in "\"”'’"
    return bool(_SESSION_WORD.search(line)) and not quoted


# "INTERNET GOVERNANCE FORUM", "EIGHTH ANNUAL MEETING OF THE INTERNET GOVERNANCE FORUM", "IGF 2010 Vilnius"
_EVENT = re.compile(
    r"^(the\s+)?(\w+\s+(annual\s+)?meeting\s+of\s+the\s+|[a-z]+(th|st|nd|rd)\s+)?(internet\s+governance\s+forum|igf)\b",
    re.IGNORECASE,
)
# what makes a line about one session: its kind, or a colon before its subject
_SESSION_WORD = re.compile(
    r"\b(workshops?|sessions?|open\s+forums?|town\s*hall|panels?|tracks?|round\s*tables?|roundtables?|debates?"
    r"|lightning|launch|consultations?|dynamic\s+coalitions?|ws|bpf|dc|of\s*#?\s*\d+|day\s+\d+|#\s*\d+)\b|(?<!\d):(?!\d)",
    re.IGNORECASE,
)
_COPY_STATUS = re.compile(
    r"^(rough(ly)?\s+edited\s+(copy|version)|finished\s+(copy|file)|raw\s+(file|copy|transcript)|unedited(\s+\w+)?"
    r"|((un)?official\s+|provisional\s+|uncorrected\s+|draft\s+)?(edited\s+|verbatim\s+)?transcript(ion)?\b.*"
    r"|captions?|\[?auto-generated captions\]?)\W*$",
    re.IGNORECASE,
)
# a header field that is not the session's name ("Room: Studio B", "Services provided by: …")
_FIELD_LINE = re.compile(
    r"^\W*(room|venue|location|place|date|time|moderators?|speakers?|panell?ists?|organi[sz]ers?|rapporteurs?|chair"
    r"|host|language|theme|captions?|captioning|(services\s+)?provided\s+by|transcript(ion)?\s+by|caption(ing)?\s+by)\s*:",
    re.IGNORECASE,
)
_PARTICLES = frozenset({"de", "del", "da", "do", "dos", "das", "el", "la", "es", "di", "von", "van"})
# words of a subject, never of a place name ("SECURITY, OPENNESS AND PRIVACY" is a title)
_SUBJECT_WORDS = frozenset({"and", "or", "for", "in", "on", "with", "to", "of", "the", "a", "an"})
_DATE_WORD = re.compile(
    r"\d[\d./-]*|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
    r"|(mon|tues|wednes|thurs|fri|satur|sun)day",
    re.IGNORECASE,
)


def _names_no_session(line: str, session_follows: bool = False) -> bool:
    """Whether a header line names only the event ("IGF 2010 VILNIUS, LITHUANIA"), a venue
    ("RIO DE JANEIRO, BRAZIL", "Estrel, Saal B, 26 November 2019"), a date or the caption copy
    ("ROUGH EDITED COPY"), not a session. A short capitalised line with no comma ("RIO DE
    JANEIRO") counts as a venue only above a line that names a session's kind."""
    if _COPY_STATUS.match(line) or _FIELD_LINE.match(line) or _slot_line(line) or _BRACKETED.match(line.strip()):
        return True
    if session_follows and line.rstrip().endswith("!") and not _SESSION_WORD.search(line):
        # an exclamation naming no session is the software's or the site's greeting ("Welcome to <pad
        # software>!", its "… documents!" instructions) when a line below names the session; a
        # greeting that names one ("Welcome to the Youth Track, room 2!") may still be the title
        return True
    if session_follows and not _kind_line(line) and _SESSION_WORD.search(line):
        return True  # the meeting's quoted theme above the session's line
    if _SESSION_WORD.search(line):
        return False
    event = _EVENT.match(line)
    rest = line[event.end() :] if event else line
    words = re.findall(r"[^\W_][\w'’.-]*", rest)
    named = [w for w in words if not _DATE_WORD.fullmatch(w)]
    if not named:
        return True  # a date, or the event and its date
    if any(w.lower() in _SUBJECT_WORDS for w in named):
        return False
    if not all(w[0].isupper() or w.lower() in _PARTICLES for w in named) or len(named) > 4:
        return False
    return bool(event) or "," in rest or len(named) < len(words) or session_follows


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
