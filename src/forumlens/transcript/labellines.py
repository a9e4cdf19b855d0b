"""A learned label-line detector: which line starts open a turn, and where its label ends.

Why: the parse rules read one label shape at a time, and every unseen set brought shapes none of
them knew (an automatic-transcription `Speaker 1  0:04` line, a name and affiliation alone on
their line, a time stamp between the name and the colon, a mis-keyed `;` or `.` for the colon,
pronouns in a display name). What the shapes share is not a string but a pattern of evidence:
a short name-like span at a line start, a separator or a line break after it, and above all the
same label and the same line template recurring across the file — a file's own label format is
learned from the file itself.

`candidates` proposes, for every line, the splits a captioner could mean: the span before each
separator (`:` `::` `;` `.` a spaced dash, with `>>` and time stamps before or after the name
set aside), and the whole line as a label when the speech follows on the next line. Each split
gets binary shape features (`_features`): its position, form, the file-wide recurrence of its
label and of its line template, and its context. A logistic model over those features
(`LabelModel`, trained by `bench/train_parse.py`, weights in `transcript/data/label_lines.json`)
gives P(the split opens a gold turn). The parser keeps its rules where they read a label, and
asks the model only where they did not (`learned.learned_markers`). Pure Python, linear in the
text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from ..shipped import load_shipped
from .clock import CLOCK
from .shapes import title_rest
from .speakers import display_name, generic_label, looks_like_label, name_key, sentence_word

__all__ = ["LabelCandidate", "LabelModel", "candidates", "load_label_model"]

_TIME = rf"\[?\(?{CLOCK}\)?\]?"
_HEAD = re.compile(r"(?P<indent>[ \t]*)(?P<marker>>>+)?[ \t]*(?P<time>" + _TIME + r"[ \t]+)?")
_TIME_TAIL = re.compile(r"[ \t]*" + _TIME + r"[ \t]*$")
# A separator after a label: a colon (doubled, or with no space after it; never the colon inside
# a time "10:02", `_raw_candidates` skips it), a semicolon or a full stop (mis-keyed colons), a
# spaced dash.
# A full stop for a colon only after a `>>` marker: after an unmarked name it reads as a sentence.
_SEP_MARKED = re.compile(r"::|:|;(?=[ \t]|$)|\.(?=[ \t]|$)|[ \t]+(?:--?|\u2013|\u2014)[ \t]+")
_SEP = re.compile(r"::|:|;(?=[ \t]|$)|[ \t]+(?:--?|\u2013|\u2014)[ \t]+")
# Both start with a literal newline so the regex engine scans for it fast (run on "\n" + text:
# a match's start is then the offset of its line).
_MAYBE_SEP = re.compile(r"\n(?=[^\n:;\u2013\u2014-]{0,100}[:;\u2013\u2014-]|[ \t]*>>[^\n.]{0,100}\.)")
_MAYBE_OWN = re.compile(r"\n(?=[^\n]{2,100}\n[ \t]*\S)")
_FEW = 64  # asked lines read one by one; more are first sifted by `_MAYBE_SEP`/`_MAYBE_OWN`
_MAX_WORDS = 8  # a label alone on its line
_MAX_CARD_WORDS = 12  # a label before a separator may be a name card ("MODERATOR — Jo Li, Institute of Law:")
_MAX_LABEL = 90
_TIME_ENDS = frozenset("0123456789])")
_SENTENCE_END = re.compile(r"[.?!][\"”’)\]]?$")


@dataclass(frozen=True)
class LabelCandidate:
    """One way to read a line start as a label: `at` where the turn starts (its `>>` or its
    label), `label` as written (time stamps set aside), `body` where the speech starts,
    `line_at` the offset of the line, `feats` its shape features."""

    line_at: int
    at: int
    label: str
    body: int
    feats: tuple[str, ...]
    template: tuple[str, ...] = ()  # the line template (`_template`): what recurs on label lines


@dataclass(frozen=True)
class LabelModel:
    """A binary logistic regression over `_features`; a split opens a turn at P ≥ `threshold`."""

    bias: float
    weights: Mapping[str, float]
    threshold: float

    def probability(self, feats: Sequence[str]) -> float:
        get = self.weights.get
        z = self.bias + sum(get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> LabelModel:
        weights = {str(f): float(w) for f, w in data["weights"].items()}  # type: ignore[attr-defined]
        return cls(float(data["bias"]), weights, float(data["threshold"]))  # type: ignore[arg-type]

    def to_json(self) -> dict[str, object]:
        return {
            "bias": round(self.bias, 5),
            "threshold": round(self.threshold, 4),
            "weights": {f: round(w, 5) for f, w in sorted(self.weights.items()) if abs(w) >= 1e-5},
        }


@cache
def load_label_model() -> LabelModel | None:
    """The shipped model (`transcript/data/label_lines.json`), or None when none is shipped."""
    return load_shipped(
        "forumlens.transcript",
        "label_lines.json",
        LabelModel.from_json,
        what="label-line model",
        rebuild="python bench/train_parse.py",
    )


class _Raw(NamedTuple):  # a tuple: thousands are made per file, a frozen dataclass is slower
    line_at: int
    at: int
    label: str
    body: int
    kind: str  # "own" (the whole line), or the separator: "colon", "colon2", "tight", "semi", "stop", "dash"
    marker: bool
    glued: bool  # ">>NAME" with no space
    time_before: bool
    time_after: bool
    rest: str  # the rest of the line after the separator
    context: tuple[str, ...]  # `_context`: what comes before the line (and after, for "own")


def _sep_kind(sep: str, after: str) -> str:
    s = sep.strip()
    if s == "::":
        return "colon2"
    if s == ":":
        return "colon" if not after or after[:1] in " \t\r" else "tight"
    return {";": "semi", ".": "stop"}.get(s, "dash")


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end == -1 else end


def _context(text: str, at: int) -> tuple[str, ...]:
    """What comes before a line: a blank line (or the file start), or a line that ends a
    sentence, or one that stops mid-sentence; and whether it is among the first three lines."""
    if at == 0 or not text[text.rfind("\n", 0, at - 1) + 1 : at - 1].strip():
        before = "blank-before"
    else:
        prev = text[text.rfind("\n", 0, at - 1) + 1 : at - 1].rstrip()
        before = "prev-end" if _SENTENCE_END.search(prev) else "prev-open"
    newline = -1
    for _ in range(3):
        newline = text.find("\n", newline + 1)
        if newline == -1 or newline >= at:
            return (before, "top")
    return (before,)


def _raw_candidates(text: str, asked: Collection[int] | None = None) -> list[_Raw]:
    """The splits of the line starts `asked` (offsets; None: every line). Lines are read by
    offset, never split out of the whole text, so asking about a few lines costs a few lines."""
    out: list[_Raw] = []
    if asked is not None and len(asked) <= _FEW:
        wanted: set[int] = set(asked)
    else:
        # only the lines that can hold a split, found by the regex engine: a separator near the
        # start, or a short line with text right below (most speech lines are neither)
        padded = "\n" + text
        wanted = {m.start() for m in _MAYBE_SEP.finditer(padded)}
        wanted.update(m.start() for m in _MAYBE_OWN.finditer(padded))
        if asked is not None:
            wanted.intersection_update(asked)
    for line_at in sorted(wanted):
        end = _line_end(text, line_at)
        line = text[line_at : min(end, line_at + _MAX_LABEL + 300)]
        if len(line) < 2 or line.isspace():
            continue
        head = _HEAD.match(line)
        assert head is not None
        indent, marks, time = head.group("indent", "marker", "time")
        k = head.end()
        whole = end - line_at - k  # the rest of the line is read only as far as a label and a look past it
        rest = line[k : k + _MAX_LABEL + 200].rstrip("\r")
        if len(rest) < 2 or not rest[:1].isalnum():
            continue
        below_at = end + 1 if end < len(text) else -1
        below = text[below_at : _line_end(text, below_at)] if below_at != -1 else ""
        below_body = below_at + len(below) - len(below.lstrip())
        context = _context(text, line_at)
        marker = marks is not None
        at = line_at + len(indent)
        glued = marker and head.end("marker") == k
        time_before = time is not None
        for sep in (_SEP_MARKED if marker else _SEP).finditer(rest, 0, min(len(rest), _MAX_LABEL + 4)):
            if (
                sep.group() == ":"
                and rest[sep.start() - 1 : sep.start()].isdigit()
                and rest[sep.end() : sep.end() + 1].isdigit()
            ):
                continue  # the colon of a time stamp ("10:02"), not a separator
            raw_label = rest[: sep.start()]
            if len(raw_label.split()) > _MAX_CARD_WORDS:
                break
            after = rest[sep.end() :]
            tail = _TIME_TAIL.search(raw_label) if raw_label.rstrip()[-1:] in _TIME_ENDS else None
            label = raw_label[: tail.start()] if tail else raw_label
            label = label.strip()
            if not label or not any(ch.isalpha() for ch in label):
                continue
            stripped = after.lstrip()
            body = line_at + k + sep.end() + (len(after) - len(stripped))
            if not stripped.strip():  # "CHAIR:" alone on its line: the speech below
                if not below.strip():
                    continue
                body = below_body
            kind = _sep_kind(sep.group(), after)
            out.append(
                _Raw(line_at, at, label, body, kind, marker, glued, time_before, tail is not None, stripped, context)
            )
        # the whole line as a label, the speech on the next line
        if whole <= _MAX_LABEL + 1 and below.strip():
            tail = _TIME_TAIL.search(rest) if rest.rstrip()[-1:] in _TIME_ENDS else None
            label = (rest[: tail.start()] if tail else rest).strip()
            if (
                label
                and any(ch.isalpha() for ch in label)
                and len(label.split()) <= _MAX_WORDS
                and label[-1] not in ".?!,;:"
            ):
                after_below = _line_end(text, below_at) + 1
                one_line = after_below >= len(text) or not text[after_below : _line_end(text, after_below)].strip()
                own_context = (*context, "own:one-line-speech") if one_line else context
                out.append(
                    _Raw(
                        line_at,
                        at,
                        label,
                        below_body,
                        "own",
                        marker,
                        glued,
                        time_before,
                        tail is not None,
                        "",
                        own_context,
                    )
                )
    return out


@lru_cache(maxsize=4096)
def _case(label: str) -> str:
    """ "caps", "title", "mixed" or "lower", read on the name: asides in brackets ("(she/her)",
    "(via Zoom)") do not count."""
    label = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", label).strip() or label
    letters = [ch for ch in label if ch.isalpha()]
    if sum(ch.isupper() for ch in letters) >= 0.8 * len(letters):
        return "caps"
    words = [w for w in re.split(r"[\s,()/]+", label) if w and w[:1].isalpha()]
    if label[:1].islower():
        return "lower"
    capital = sum(1 for w in words if w[:1].isupper())
    return "title" if capital >= max(1, len(words) - 1) and capital == len(words) else "mixed"


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3-4" if n <= 4 else "5+"


def _features(
    c: _Raw,
    label_count: Counter[str],
    template_count: Counter[tuple[str, ...]],
    first_marker: int | None,
) -> tuple[str, ...]:
    # "below": the speech starts on the next line (a label alone on its line, with or without a
    # separator); one family, so what the sets teach about `NAME:` alone on a line carries over to
    # a label line with no separator, a shape no development set had
    coarse = "below" if c.kind == "own" or not c.rest else "inline"
    core = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", c.label).split()
    case = _case(c.label)
    template = _template(c)
    base = [
        f"kind:{coarse}",
        f"case:{case}",
        f"words:{_bucket(len(core))}" if len(core) <= 4 else "words:5+",
        f"rep:{_bucket(label_count[name_key(c.label)])}",
        f"tpl:{_bucket(template_count[template])}",
    ]
    if c.marker:
        base.append("marker")
    if c.glued:
        base.append("glued")
    if c.time_before:
        base.append("time-before")
    if c.time_after:
        base.append("time-after")
    if generic_label(c.label):
        base.append("generic")
    if looks_like_label(c.label):
        base.append("looks")
    if display_name(c.label) is not None:
        base.append("named")
    if any(sentence_word(w.strip(",.()")) for w in core):
        base.append("sentence-word")
    if re.search(r"\d", c.label):
        base.append("digit")
    if "(" in c.label:
        base.append("paren")
    if "," in c.label:
        base.append("comma")
    if "[" in c.label or "]" in c.label:
        base.append("bracket")
    if c.label.count("(") != c.label.count(")") or c.label.count("[") != c.label.count("]"):
        base.append("unbalanced")
    if first_marker is not None and not c.marker:
        # a file that marks turns with `>>`: an unmarked label line is rare, and before the
        # first marker it is page furniture (a title, a date, a place)
        base.append("unmarked-in-marked" if c.line_at > first_marker else "before-first-marker")
    if coarse == "inline":  # a label alone on its line is one family, whatever ends it
        base.append(f"sep:{c.kind}")
        r = c.rest
        base.append(
            "rest:empty"
            if not r
            else "rest:upper"
            if r[:1].isupper()
            else "rest:lower"
            if r[:1].islower()
            else "rest:other"
        )
        if r and title_rest(r):
            base.append("rest:title")
    base.extend(c.context)
    crossed = [f"{f}&{coarse}" for f in base if not f.startswith("kind:")]
    crossed += [f"{f}&{case}" for f in base if f.startswith(("rep:", "tpl:", "rest:"))]
    return (*base, *crossed)


def _template(c: _Raw) -> tuple[str, ...]:
    """The line template: what a captioner repeats on every label line whatever the name —
    the separator, the case, a marker and time stamps, and a span short enough for a name."""
    return (
        c.kind,
        _case(c.label),
        str(c.marker),
        str(c.time_before),
        str(c.time_after),
        str(len(c.label.split()) <= 5),
    )


def candidates(
    text: str, lines: Collection[int] | None = None, known: Counter[str] | None = None
) -> list[LabelCandidate]:
    """Every split the line starts allow, with its features.

    `lines` (line offsets; None: every line) are the lines asked about — the parser asks only
    about the lines its rules left open (`learned.asked_lines`). A label's recurrence counts its
    splits on those lines and `known`, the labels (`name_key`) the rules read on the others; a
    template's recurrence counts the asked lines."""
    raw = _raw_candidates(text, lines)
    if not raw:
        return []
    label_count: Counter[str] = Counter(known or {})
    template_count: Counter[tuple[str, ...]] = Counter()
    first_marker = next((c.line_at for c in raw if c.marker), None)
    templates = [_template(c) for c in raw]
    for c, template in zip(raw, templates, strict=True):
        label_count[name_key(c.label)] += 1
        template_count[template] += 1
    return [
        LabelCandidate(c.line_at, c.at, c.label, c.body, _features(c, label_count, template_count, first_marker), t)
        for c, t in zip(raw, templates, strict=True)
    ]
