"""The label-line model's part in a parse: where it is asked, and how its reading is merged.

The rules decide first; the model (`labellines.py`) is asked only where they are silent or
doubtful (`asked_lines`), and `learned_markers` merges its readings into the rules' markers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from ..models import Turn
from .header import header_end
from .labellines import LabelModel, candidates
from .markers import Marker, line_of, line_starts
from .speakers import name_key

__all__ = ["asked_lines", "learned_markers"]


def _doubtful(turn: Turn) -> bool:
    """A label the rules read at a split no label shape explains: brackets left open in the label
    ("HIWOT TESFAYE [10" before the colon of a time), or speech that opens with a digit or with
    separator punctuation (": Thank you" after a doubled colon) or a bracket ("(she/her): Kia ora"
    after a name read without its display-name brackets); the model may still confirm it."""
    label = turn.label or ""
    return (
        label.count("(") != label.count(")")
        or label.count("[") != label.count("]")
        or turn.text[:1].isdigit()
        or turn.text[:1] in ":;.-])("
    )


# Lines per turn the rules found (blank lines included), above which the rules missed the file's turns: every
# line they left open is asked about (a file with no `>>`, WebVTT cues). Below it the rules found
# the structure, and only the marked lines whose label they could not read are asked.
_SPARSE = 16


def asked_lines(
    text: str, turns: Sequence[Turn], starts: Sequence[int] | None = None
) -> tuple[frozenset[int], Counter[str]]:
    """(line offsets the label-line model is asked about, the labels the rules read soundly, as
    `name_key` counts for the model's recurrence features). Asking only where the rules are
    silent or doubtful keeps parsing fast and leaves the rules' readings alone."""
    starts = starts if starts is not None else line_starts(text)
    sound = [t for t in turns if t.label is not None and not _doubtful(t)]
    known = Counter(name_key(t.label) for t in sound if t.label)
    settled = {starts[t.line - 1] for t in sound}
    if len(starts) > _SPARSE * max(1, len(turns)):
        return frozenset(at for at in starts if at not in settled), known
    unread = {starts[t.line - 1] for t in turns if t.label is None or _doubtful(t)}
    return frozenset(at for at in unread if text[at : at + 40].lstrip(" \t").startswith(">>")), known


# A label the rules read is replaced only when the model gives the rules' split less than this:
# a split no label shape explains (inside a time stamp "[10:", between doubled colons).
_RULE_DOUBT = 0.1


def learned_markers(
    text: str, markers: list[Marker], turns: list[Turn], starts: list[int], model: LabelModel
) -> list[Marker] | None:
    """The markers with the label-line model's reading (`labellines.py`) on the lines
    `asked_lines` gives it: a line no rule marked (in a file whose turns the rules mostly missed),
    or a `>>` line whose label the rules could not read (none, or `_doubtful`). A doubtful label
    the model finds plausible (P ≥ `_RULE_DOUBT`) stands. None when the model changes nothing."""
    best: dict[int, tuple[float, int, str, int, tuple[str, ...]]] = {}  # line offset -> (P, at, label, body, template)
    prob_of: dict[tuple[int, int], float] = {}  # (line offset, body) -> P
    asked, known = asked_lines(text, turns, starts)
    if not asked:
        return None
    for c in candidates(text, asked, known):
        p = model.probability(c.feats)
        prob_of[(c.line_at, c.body)] = max(p, prob_of.get((c.line_at, c.body), 0.0))
        if p >= model.threshold and p > best.get(c.line_at, (0.0,))[0]:
            best[c.line_at] = (p, c.at, c.label, c.body, c.template)
    if not best:
        return None
    line_at = {m.at: starts[line_of(starts, m.at) - 1] for m in markers}
    first = min((line_at[m.at] for m in markers if not m.implicit), default=None)
    head_end = header_end(text, first) if first is not None else 0
    # before the rules' first turn, a label line must sit below the page header and share its
    # template with two more label lines there (WebVTT cues `Name: …` before the first `>>`): the
    # lines there are mostly title, date and an agenda ("Speakers: …", "Rapporteur: …")
    early = Counter(b[4] for at_line, b in best.items() if first is not None and head_end <= at_line < first)
    turn_on = {starts[t.line - 1]: t for t in turns}
    by_line: dict[int, Marker] = {}
    for m in markers:
        by_line.setdefault(line_at[m.at], m)
    changed = False
    taken: set[int] = set()  # lines holding the speech of a label alone on the line above
    out = list(markers)
    for at_line, (_p, at, label, body, template) in sorted(best.items()):
        if at_line in taken or (first is not None and at_line < first and (at_line < head_end or early[template] < 3)):
            continue
        below = starts[line_of(starts, body) - 1]
        if below != at_line and (below_turn := turn_on.get(below)) is not None and below_turn.label is not None:
            continue  # the line below opens a labelled turn of its own: this line is no label
        rule = by_line.get(at_line)
        if rule is not None and not rule.implicit:
            turn = turn_on.get(at_line)
            if turn is None or turn.start == body:
                continue
            if turn.label is not None and prob_of.get((at_line, turn.start), 0.0) >= _RULE_DOUBT:
                continue  # the rules read a label the model finds plausible: the rules stand
        if rule is not None:
            out.remove(rule)
        out.append(Marker(at, body, label=label))
        changed = True
        nxt = text.find("\n", at)
        if nxt != -1 and body > nxt:
            taken.add(starts[line_of(starts, body) - 1])
    if not changed:
        return None
    # an unmarked turn the rules guessed (the first spoken paragraph) gives way to a label line
    # the model found in the same paragraph
    learned_at = sorted(m.at for m in out if m.label is not None and m.at not in line_at)
    for m in [m for m in out if m.implicit]:
        k = bisect_right(learned_at, m.at)
        if k < len(learned_at) and not re.search(r"\n[ \t\r]*\n", text[m.at : learned_at[k]]):
            out.remove(m)
    drop = {m.at for m in out if m.at in line_at and line_at[m.at] in taken}
    return sorted((m for m in out if m.at not in drop), key=lambda m: m.at)
