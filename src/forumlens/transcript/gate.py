"""Whether a file's learned template (`templates.py`) reads it better than the caption rules did.

Both readings are judged without gold, by three signs the file itself gives:

- *agreement*: the turns the rules found that the template reads the same way (same line, same
  label). A template that reads the rules' own turns as they did, and more turns besides, has
  found the file's marking of which the rules saw a part (a focus group's `I:` read, its `B1:`,
  `B3:` missed); a template that reads them otherwise (`Dialogue:` where the rules read the
  cue's speaker field, `MR. ANSELMO` where they read the whole two-column name) has found
  something else that repeats, fields or wrapped names, not the speakers.
- *gain*: how many times as many turns the template reads. A few more turns in agreement are
  as often header fields (`Title:`, `Language:`) or a quoted label as missed speakers; many more are
  a marking the rules did not know.
- *recurrence*: the share of the added turns whose label comes back. Voices take the floor again
  (`B1:`, a handle); a forwarded mail's header fields (`Date:`, `To:`) come once a message.

The first gate (few turns for the file's size, three times as many from the template) kept the
template out of a focus group whose rules read a third of its turns; it stays beside the
agreement gate for files whose rules read almost nothing. The thresholds are fitted on the pooled
development sets and scored leave-one-set-out (`bench/parse_gate.py`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Turn

__all__ = ["GATE", "GateRule", "agreement", "few_turns", "prefer_template", "recurring", "short_record"]


@dataclass(frozen=True)
class GateRule:
    """The template wins when it reads at least `agree` of the rules' turns as they did, at
    least `gain` times as many turns and at least
    `recur` of the turns it adds carry a label that comes back (`recurring`); or, the first
    gate, when the rules found under one turn per `few_lines` non-blank lines and the
    template `few_gain` times as many (`few_lines` 0: that gate off). When the rules found no turn
    only the first gate can let the template in: agreeing with nothing proves nothing."""

    agree: float
    gain: float
    recur: float = 0.0
    few_lines: int = 0
    few_gain: float = 3.0

    def least(self) -> float:
        """The smallest gain either gate accepts: below it the template need not be read."""
        return min(self.gain, self.few_gain) if self.few_lines else self.gain


# Fitted on the pooled development sets (`bench/parse_gate.py`): every gain from 1.5 to 2.5, every
# agreement from 0.5 to 1 and every recurrence up to 0.75 score the same there; the strictest
# agreement and recurrence and the middle gain are kept, with the first gate (few turns, three
# times as many) beside it: it now reads an IRC log's scribed lines (`templates._relayed`).
GATE = GateRule(agree=1.0, gain=2.0, recur=0.75, few_lines=12)


def _key(turn: Turn) -> tuple[int, str]:
    """A turn as both readings are compared: its line and its label with spacing and case folded
    (a template's `JO  LI` and the rules' `Jo Li` on one line are the same reading), and a full
    stop closing it dropped (the rules may keep the separator a record writes, `PRESIDENTE.`,
    where a template reads it as its separator: one label)."""
    return turn.line, " ".join((turn.label or "").split()).casefold().removesuffix(".")


def agreement(rules: Sequence[Turn], template: Sequence[Turn]) -> float:
    """The share of the rules' turns the template reads on the same line with the same label."""
    if not rules:
        return 1.0
    read = {_key(t) for t in template}
    return sum(_key(t) in read for t in rules) / len(rules)


def few_turns(text: str, turns: int, few_lines: int) -> bool:
    """Whether the rules found under one turn per `few_lines` non-blank lines (the first gate)."""
    if not few_lines or (turns and text.count("\n") < few_lines * turns):  # cheap: most files stop here
        return False
    return sum(1 for line in text.split("\n") if line.strip()) >= few_lines * max(1, turns)


def recurring(rules: Sequence[Turn], template: Sequence[Turn]) -> float:
    """The share of the turns the template adds (those the rules did not read) whose label comes
    back in the template's reading: voices take the floor again (`B1:`, a handle), a mail's
    header fields (`Date:`, `To:`) once a message."""
    read = {_key(t) for t in rules}
    added = [t for t in template if _key(t) not in read]
    if not added:
        return 0.0
    labels = Counter(_key(t)[1] for t in template)
    return sum(labels[_key(t)[1]] >= 2 for t in added) / len(added)


def prefer_template(text: str, rules: Sequence[Turn], template: Sequence[Turn], rule: GateRule = GATE) -> bool:
    """Whether the template's turns replace the rules' turns in `text` (see the module doc)."""
    base = max(1, len(rules))
    if (
        rules  # agreement with no turn of the rules is no evidence: lower-case prose (`note: …`) recurs too
        and len(template) >= rule.gain * base
        and agreement(rules, template) >= rule.agree
        and recurring(rules, template) >= rule.recur
    ):
        return True
    if len(template) < rule.few_gain * base:
        return False
    return few_turns(text, len(rules), rule.few_lines) or short_record(text, rules, template, rule)


def short_record(text: str, rules: Sequence[Turn], template: Sequence[Turn], rule: GateRule = GATE) -> bool:
    """Whether a file too short for the first gate (under `few_lines` non-blank lines) is a record
    its template reads and the rules do not: the rules found no turn, and the voices the template
    reads come back (`recur`), as speakers take the floor again, and open with a capital, as names
    do (lower-case prose recurs too: `note: …`, `so: …`). A six-turn record whose paragraphs open
    `Ms. OKAFOR.-- …` was kept as a document of two paragraphs for its length alone."""
    if rules or not rule.few_lines or len(template) < rule.few_gain:
        return False
    if any((t.label or "")[:1].islower() for t in template):
        return False
    if sum(1 for line in text.split("\n") if line.strip()) >= rule.few_lines:
        return False  # long enough: the first gate judged it
    return recurring(rules, template) >= rule.recur
