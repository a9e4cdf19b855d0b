"""From a chosen sentence unit to a bullet that reads as a sentence (`rewrite`), with its citations.

`rewrite.render_sentence` works on strings; this module supplies what it needs from the
session: who spoke and for whom (`Voice`, from the resolve stage's cast and the
`attribution` credits — an inferred credit never lends its body a voice) and the
speaker's previous sentence in the same turn (for a dangling subject). A bullet whose
text puts that previous sentence first cites it too, so every word still has a verbatim
source. `accept` is what the selectors filter their pools with, so a sentence that cannot
be rendered (a question, a vocative, procedure, a fragment, an unresolved "this") is
never chosen and the next best one is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..resolve.voice import speaker_body
from .attribution import UNNAMED, Credits
from .compress import NOTE_WORDS
from .labels import label_role
from .models import Bullet
from .naming import Named, name_once
from .rank import Scored
from .rewrite import Rendered, Voice, attribution_prefix, other_body, render_sentence
from .units import Unit

if TYPE_CHECKING:
    from .context import SummaryContext

__all__ = ["SPEAKING_ROLES", "Wording", "distinct", "named_section", "voice_for"]

# Roles whose "we" is their body's: a coalition's representative, a guest for their office.
SPEAKING_ROLES = frozenset({"dc-representative", "guest"})


_NAME_WORD = re.compile(r"[^\W\d_]{2,}")
# A clause, not a name: a value that opens on an auxiliary verb or a question word ("Is the
# Myanmar", cut from "asks Thura: Is the Myanmar hackathon guide …") was read from a question,
# not from what someone said they work for. Case kept: "WHO" is a body.
_CLAUSE_OPENING = re.compile(
    r"(?:Is|Are|Was|Were|Do|Does|Did|Can|Could|Will|Would|Should|Shall|May|Might|Must|Has|Have|Had|What|Who|Why|"
    r"How|When|Where|Which)\b(?!['’‑-])"
)


# A captioner's stage note read as an affiliation: "LUCINDA (Laughter):" gives no institution.
# The whole value is note words (`compress.NOTE_WORDS`), brackets and stops aside; no annotated
# affiliation of the intel sets is.
_NOTE_VALUE = re.compile(r"\W*(?:(?:" + NOTE_WORDS + r")\b\W*)+", re.IGNORECASE)


def institution(affiliation: str | None) -> str | None:
    """The affiliation as a reader can take it, or None: a value with no word of two letters
    ("G", "G.", "3") is a stray letter of a label or a group card, not an institution, and
    "Name, G." under Speakers reads as an error; a value that opens as a question or a clause
    does ("Name (Is the Myanmar)": `_CLAUSE_OPENING`; no annotated affiliation of the intel
    sets opens so), and so does a captioner's note ("Name, Laughter": `_NOTE_VALUE`).

    >>> institution("G."), institution("Kaltstart"), institution("UN DESA"), institution("Is the Myanmar")
    (None, 'Kaltstart', 'UN DESA', None)
    >>> institution("Laughter"), institution("(inaudible)"), institution("Sound Check Foundation")
    (None, None, 'Sound Check Foundation')
    """
    if not affiliation or _NOTE_VALUE.fullmatch(affiliation):
        return None
    if _NAME_WORD.search(affiliation) and not _CLAUSE_OPENING.match(affiliation):
        return affiliation
    return None


def voice_for(name: str | None, role: str | None, affiliation: str | None, inferred: bool = False) -> Voice:
    """The voice of a credited speaker: the body they speak for only when the cast says so
    (a representative or guest with a named affiliation) and the credit is not a guess."""
    affiliation = institution(affiliation)
    body = affiliation if affiliation and role in SPEAKING_ROLES and not inferred else None
    return Voice(name=name or None, body=body, org=affiliation or None, role=role or None)


class Wording:
    """Renders the units of one session as bullets (see the module docstring)."""

    def __init__(
        self,
        units: Iterable[Unit],
        credits: Credits,
        person: Callable[[str], Any] | None = None,
        speaks_for: dict[str, str] | None = None,
        chairs: Iterable[str] = (),
    ) -> None:
        self.credits = credits
        self._person = person or (lambda _name: None)
        self._speaks_for = speaks_for or {}
        self._chairs = frozenset(chairs)
        self._sentences: dict[tuple[str, int, int], Unit] = {}
        self._turns: dict[tuple[str, int], list[str]] = {}
        # (session, turn, body) -> whether the turn names another body: a summary asks the
        # voice of ~1,000 units from ~150 turns, and the scan of the whole turn was ~0.1 s
        self._other_body: dict[tuple[str, int, str], bool] = {}
        # (unit, attributed, text) -> its rendering: the selectors ask about the same units again
        # (takeaways, calls to action, speaker points), and each ask read the cast and the credits
        self._rendered: dict[tuple[Unit, bool, str | None], Rendered | None] = {}
        for u in units:
            if (u.session, u.turn, u.sent_index) not in self._sentences:
                self._sentences[(u.session, u.turn, u.sent_index)] = u
                self._turns.setdefault((u.session, u.turn), []).append(u.text)

    @classmethod
    def of(cls, ctx: SummaryContext, credits: Credits) -> Wording:
        """The wording of a session's context (its units, cast and chairs)."""
        return cls(ctx.units, credits, ctx.person, ctx.speaks_for, ctx.chairs)

    def voice(self, unit: Unit) -> Voice:
        credit = self.credits.at(unit.line)
        if credit is not None and credit.name is None and credit.author:
            # a document's paragraph speaks for its author: a coalition's "we" is the coalition
            return Voice(credit.author, credit.author if self.credits.author_is_body else None)
        name = (credit.name if credit is not None else unit.who) or None
        if name == UNNAMED:
            name = None
        person = self._person(name) if name else None
        role = getattr(person, "role", None) or ("moderator" if unit.who in self._chairs else None)
        generic = label_role(name) if person is None else None
        if generic is not None:  # "AUDIENCE", "INTERPRETER": a role, never shown as a name
            name, role = None, role or generic
        affiliation = getattr(person, "affiliation", None) or self._speaks_for.get(unit.who)
        # a coalition inferred from a hand-off (no cast) is shown, never spoken for; "our coalition"
        # is the coalition the speaker speaks for, not her employer (`resolve.voice.speaker_body`)
        own = getattr(person, "affiliation", None)
        body_affiliation = speaker_body(unit.text, own, getattr(person, "speaks_for", None))
        voice = voice_for(name, role, body_affiliation, bool(credit is not None and credit.inferred))
        body = voice.body
        if body and self._turn_names_other_body(unit, body):
            body = None  # "I'm involved in the Platform Responsibility coalition": whose "we" is unsure
        return Voice(voice.name, body, institution(affiliation), voice.role)

    def _turn_names_other_body(self, unit: Unit, body: str) -> bool:
        """`other_body` (with membership) over the unit's whole turn, once per turn and body."""
        key = (unit.session, unit.turn, body)
        known = self._other_body.get(key)
        if known is None:
            turn = " ".join(self._turns.get((unit.session, unit.turn), ()))
            known = self._other_body[key] = other_body(turn, body, membership=True)
        return known

    def before(self, unit: Unit) -> Unit | None:
        """The speaker's previous sentence in the same turn, when `unit` starts its own sentence."""
        own = self._sentences.get((unit.session, unit.turn, unit.sent_index))
        if own is None or own.start != unit.start:
            return None  # a clause window inside a sentence: what precedes it is not a sentence
        return self._sentences.get((unit.session, unit.turn, unit.sent_index - 1))

    def render(self, unit: Unit, attributed: bool = False, text: str | None = None) -> Rendered | None:
        """The rendered text of `unit` (or of `text`, a quote inside it), None when it is no point."""
        key = (unit, attributed, text)
        if key in self._rendered:
            return self._rendered[key]
        prior = self.before(unit) if text is None or text == unit.text else None
        out = self._rendered[key] = render_sentence(
            unit.text if text is None else text, self.voice(unit), prior.text if prior else None, attributed
        )
        return out

    def accept(self, unit: Unit) -> bool:
        """Whether the unit can be a point at all (the selectors' filter)."""
        return self.render(unit, attributed=True) is not None

    def reading(self, unit: Unit) -> str | None:
        """What a reader sees of the unit as a point, without attribution (None: no point);
        the window scorer (`spans.best_version`) scores this, not the raw caption."""
        rendered = self.render(unit, attributed=True)
        return rendered.text if rendered is not None else None

    def sources(self, unit: Unit) -> tuple[str, ...]:
        """The texts other than the unit's own whose words its reading (`reading`) may show:
        the speaker's sentence before it (a context merge) and the body its "we" becomes
        (`rewrite.third_person`); every other word a rendering adds is a fixed one
        (`wordingbound` lists them). Why: a clause window is rendered only when these words
        leave it a chance to win (`spans.best_version`)."""
        prior = self.before(unit)
        body = self.voice(unit).body
        return tuple(t for t in (prior.text if prior else None, body) if t)

    def keep(self, pool: Iterable[Scored]) -> list[Scored]:
        return [s for s in pool if self.accept(s.unit)]

    def bullets(self, items: Iterable[Scored], *, attributed: bool = False, with_session: bool = False) -> list[Bullet]:
        """The rendered bullets of `items` (those that render), without repeats (`distinct`),
        as one section: each body and each speaker's affiliation named once (`named`)."""
        made = [(s.unit, b) for s in items if (b := self.bullet(s, with_session=with_session, attributed=attributed))]
        kept = {id(b) for b in distinct(b for _u, b in made)}
        return self.named([(u, b) for u, b in made if id(b) in kept])

    def named(self, section: Sequence[tuple[Unit, Bullet]]) -> list[Bullet]:
        """A section's bullets (in order, each with the unit it renders) with every body named
        in full once and by its short form after, and each "Name (Org): " shown once
        (`naming.name_once`, the ``short-form`` transformation); citations unchanged."""
        return named_section([(self, unit, b) for unit, b in section])

    def bullet(
        self,
        item: Scored,
        kind: str = "",
        *,
        with_session: bool = False,
        attributed: bool = False,
        cite: Any = None,
    ) -> Bullet | None:
        """A bullet of the rendered unit, citing it (and the previous sentence a context merge put first).

        `cite`: a citation already verified for a quote inside the unit (an ask), used
        instead of the unit's own; its quote is what is rendered.
        """
        unit = item.unit
        quote = cite.quote if cite is not None else None
        rendered = self.render(unit, attributed, None if quote is None or quote == unit.text else quote)
        if rendered is None:
            return None
        own = cite if cite is not None else unit.citation(with_session=with_session)
        cites: tuple[Any, ...] = (own,)
        if rendered.context:
            prior = self.before(unit)
            if prior is not None:
                cites = (prior.citation(with_session=with_session), own)
        return Bullet(rendered.text, cites, kind, round(item.score, 4))


def _keys(b: Bullet) -> frozenset[tuple[str | None, int, str]]:
    return frozenset((c.session, c.line, c.quote) for c in b.citations)


def distinct(bullets: Iterable[Bullet]) -> list[Bullet]:
    """The bullets without one whose quotes another bullet already says.

    A dangling sentence is shown after its context sentence (`rewrite`); when that context
    sentence was itself chosen, the pair says it already, so the lone one is dropped (of
    two bullets on the same quotes, the first stays). Order is kept.
    """
    items = list(bullets)
    keys = [_keys(b) for b in items]
    out = []
    for i, b in enumerate(items):
        covered = any(j != i and (keys[i] < keys[j] or (keys[i] == keys[j] and j < i)) for j in range(len(items)))
        if not covered:
            out.append(b)
    return out


def named_section(section: Sequence[tuple[Wording, Unit, Bullet]]) -> list[Bullet]:
    """`Wording.named` for a section whose bullets come from several sessions (a topic
    brief's theme): each bullet's voice is read from its own session's wording."""
    entries = []
    for wording, unit, b in section:
        voice = wording.voice(unit)
        prefix = attribution_prefix(voice)
        entries.append(Named(b.text, voice.body, prefix if b.text.startswith(prefix) else None))
    texts = name_once(entries)
    return [b if t == b.text else replace(b, text=t) for (_w, _u, b), t in zip(section, texts, strict=True)]
