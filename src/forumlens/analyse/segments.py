"""Agenda segments from the moderators' own announcements.

Chairs mark the agenda out loud: "we're moving to issue area 2, environmental
sustainability and climate change", "let's go to section 2", "Now I can move to the
last subject matter which is …", "I would like to wrap it up". A segment starts at an
announcement by a moderator that names an agenda unit (issue area, section, part,
topic, theme, subject matter…) after a verb of moving on; its title is what follows.

Announcements of the same unit ("the second issue area" then "issue area 2, …", or
"the second part" then "section 2") or with the same title words merge into one
segment, which starts at the first announcement that carries a title. A "next issue"
that is only a coalition's or a person's name is a speaker's slot, not an agenda item.
Text before the first announcement is the "Opening"; a moderator's wrap-up late in the
session starts "Closing".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._regex import compile_cue
from .context import AnalysisContext
from .cues import content_words
from .models import Segment

__all__ = ["Announcement", "find_segments", "segment_boundaries"]

_ORDINALS = {
    "first": 1,
    "one": 1,
    "second": 2,
    "two": 2,
    "third": 3,
    "three": 3,
    "fourth": 4,
    "four": 4,
    "fifth": 5,
    "five": 5,
    "sixth": 6,
    "six": 6,
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
}
_UNIT = {
    "issue area": "area",
    "issue": "area",
    "topic": "area",
    "theme": "area",
    "subject matter": "area",
    "subject": "area",
    "pillar": "area",
    "policy question": "area",
    "agenda item": "area",
    "item": "area",
    "block": "area",
    "section": "part",
    "part": "part",
    "segment": "part",
    "round": "part",
    "half": "part",
}
_ANNOUNCE = compile_cue(
    r"\b(?:start(?:ing)? with|begin(?:ning)? with|mov(?:e|ing)(?: now| on)? to|go(?:ing)?(?: on)? to|jump(?:ing)? to"
    r"|turn(?:ing)? to|come to|proceed(?:ing)? to|talk about|now to|open|(?:now|then),?(?=\s+the\s+(?:first|second|third|fourth|fifth|next|last|final)))\s+(?:the\s+|our\s+|one of the\s+)?"
    r"(?:(?P<ord>first|second|third|fourth|fifth|sixth|next|last|final)\s+)?(?:(?!issue|topic|theme|section|part)[a-z]+\s+)?"
    r"(?P<unit>issue areas?|issues|issue(?=,)|sections?|parts?|segments?|subject matters?|topics?|themes?|agenda items?"
    r"|policy questions?|items?|rounds?|pillars?|blocks?|half)\b(?:\s+(?P<num>\d+|one|two|three|four|five|six|[IVX]+)\b)?(?P<rest>[^.?!]*)",
    re.I,
)
_TITLE_LEAD = re.compile(
    r"^(?:\W+|(?:of|on) (?:this|the|our)(?: main)? (?:session|meeting|workshop|forum|agenda)\W*|which is\W*|it is\W*"
    r"|that is\W*|namely\W*|on\W+|about\W+|where (?:we(?:'re| are| will|'ll)?(?: going to)? )?"
    r"(?:discuss|talk about|look at|hear about)\W*|to\W+)+",
    re.I,
)
_CUT = re.compile(r"\s+(?:and (?:come|then|we)|where most|now,|so that)\b.*$", re.I)
_FOLLOW = compile_cue(r"\b(?:talk about|discuss|look at|focus on|hear about)\s+(?P<t>[^.?!]{5,})", re.I)
_CLOSING = compile_cue(
    r"\b(wrap (?:it |this |things )?up|closing (?:remarks|words)|final (?:remarks|words)|last (?:words|remarks)"
    r"|concluding remarks|to close the session|before we close)\b",
    re.I,
)
_OPEN_FLOOR = re.compile(r"\b(now\b[^.?!]{0,25}|let'?s |let us |i('d| would) like to |time to )open the floor\b", re.I)
_MAX_TITLE_WORDS = 14


@dataclass(frozen=True)
class Announcement:
    turn: int
    line: int
    unit: str | None
    number: int | None
    title: str
    titled: bool = True


def _number(match: re.Match[str]) -> int | None:
    for key in ("num", "ord"):
        value = (match.group(key) or "").lower()
        if value.isdigit():
            return int(value)
        if value in _ORDINALS:
            return _ORDINALS[value]
    return None


def _clean_title(text: str) -> str:
    title = _CUT.sub("", _TITLE_LEAD.sub("", text.strip())).strip(" ,;:-–—‑")
    if re.match(r"(where|and|if|when|because|so|but|then|which|who|as|for)\b", title, re.I):
        return ""
    words = title.split()
    return " ".join(words[:_MAX_TITLE_WORDS]).rstrip(" ,;:")


def _announcements(ctx: AnalysisContext) -> list[Announcement]:
    found: list[Announcement] = []
    for turn in ctx.turns:
        if turn.kind != "speech" or not ctx.is_moderator(turn.index):
            continue
        sents = ctx.sentences[turn.index]
        for i, s in enumerate(sents):
            if _OPEN_FLOOR.search(s.text):
                found.append(Announcement(turn.index, s.line, "floor", None, "Open floor"))
                continue
            match = _ANNOUNCE.search(s.text)
            if not match:
                continue
            title = _clean_title(match.group("rest"))
            rest_at = s.start + match.start("rest")
            if title and ctx.coalitions_in(rest_at, s.end):
                continue  # "the next issue, to Network Neutrality": a coalition's slot
            if title and any(p.name and p.name.lower() in title.lower() for p in ctx.people):
                continue
            if not title and i + 1 < len(sents) and (follow := _FOLLOW.search(sents[i + 1].text)):
                title = _clean_title(follow.group("t"))
            unit_word = re.sub(r"s$", "", match.group("unit").lower())
            number = _number(match)
            if not title and number is None:
                continue
            label = f"{unit_word} {match.group('num')}" if match.group("num") else ""
            full = f"{label.capitalize()}: {title}" if label and title else (label.capitalize() or title)
            found.append(Announcement(turn.index, s.line, _UNIT.get(unit_word, "area"), number, full, bool(title)))
    return found


def _same(a: Announcement, b: Announcement) -> bool:
    if a.unit != b.unit:
        return False
    if a.number is not None and b.number is not None:
        return a.number == b.number
    wa, wb = content_words(a.title), content_words(b.title)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.6


def _closing(ctx: AnalysisContext, after_turn: int) -> tuple[int, int] | None:
    floor = max(after_turn + 1, int(len(ctx.turns) * 0.7))
    for turn in ctx.turns[floor:]:
        if turn.kind == "speech" and ctx.is_moderator(turn.index):
            for s in ctx.sentences[turn.index]:
                if _CLOSING.search(s.text):
                    return turn.index, s.line
    return None


def find_segments(ctx: AnalysisContext) -> list[Segment]:
    """The session's agenda segments, in order, covering it from first to last turn."""
    speech = [t for t in ctx.turns if t.kind == "speech"]
    if not speech:
        return []
    groups: list[list[Announcement]] = []
    for a in _announcements(ctx):
        if groups and any(_same(a, b) for b in groups[-1]):
            groups[-1].append(a)
        elif len(groups) >= 2 and any(_same(a, b) for b in groups[-2]) and a.number is None:
            continue  # a late re-announcement of the previous item
        else:
            groups.append([a])
    starts: list[tuple[int, int, str, str | None]] = []  # line, turn, title, by
    for g in groups:
        start = next((a for a in g if a.titled), g[0])
        title = max((a.title for a in g), key=lambda t: (":" in t, len(t)))
        starts.append((start.line, start.turn, title, ctx.people[start.turn].name))
    closing = _closing(ctx, starts[-1][1] if starts else 0)
    if closing:
        starts.append((closing[1], closing[0], "Closing", ctx.people[closing[0]].name))
    starts.sort()
    first_line = speech[0].line
    if not starts or starts[0][0] > first_line:
        starts.insert(0, (first_line, speech[0].index, "Opening", ctx.people[speech[0].index].name))
    last_line = max(t.end_line or t.line for t in ctx.turns)
    segments = []
    for k, (line, _turn, title, by) in enumerate(starts):
        to_line = starts[k + 1][0] - 1 if k + 1 < len(starts) else last_line
        segments.append(Segment(title=title, from_line=line, to_line=max(line, to_line), announced_by=by))
    return segments


def segment_boundaries(ctx: AnalysisContext, segments: list[Segment]) -> list[int]:
    """Turn indexes where segments after the first begin (they close open exchanges)."""
    out = []
    for seg in segments[1:]:
        for turn in ctx.turns:
            if turn.line <= seg.from_line <= (turn.end_line or turn.line):
                out.append(turn.index)
                break
    return out
