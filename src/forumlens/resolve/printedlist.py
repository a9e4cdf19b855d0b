"""Name cards printed outside the turns: a speaker list at the top of a transcript, one line per
speaker with a name, a post, a body and a country.

Why: a captioned session may open with the programme's list ("SPEAKERS (AS PRINTED IN THE
PROGRAMME):" then "MR. OLUMIDE FASHAKIN-OYEBANJO, COORDINATOR, LAGOS WIRELESS USERS GROUP,
NIGERIA"), and a speaker the chair says "needs no introduction" never says their body in the
turns: the list is the only place the session ties them to it. Each such line has the shape of a
name-card label (`cards`), so it is read the same way; only a line whose name is the person's whole
name counts (an absent panellist's line names nobody who speaks), and the country that closes it
is where the person is from, not part of the body.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from forumlens.resolve import cards, orgs
from forumlens.resolve.mentions import find_mentions
from forumlens.resolve.registry import Registry
from forumlens.resolve.roleview import Evidence, SessionView
from forumlens.resolve.titles import strip_titles
from forumlens.transcript.speakers import card_like, name_key, parse_name_card

__all__ = ["PrintedCard", "printed_cards", "printed_orgs"]

_MAX_LINE = 240  # a printed card is one short line, not a paragraph with commas


class PrintedCard(NamedTuple):
    """One printed line read as a name card: where it is, what it says and whose it is."""

    line: int  # 1-based line number
    text: str  # the line as written (stripped): the evidence's quote
    key: str  # the name's key without titles (`name_key`), what a speaker's name is matched by
    pieces: tuple[str, ...]  # the card's comma-separated pieces after the name


@lru_cache(maxsize=8)
def printed_cards(text: str, speech: tuple[tuple[int, int], ...]) -> tuple[PrintedCard, ...]:
    """The lines outside every speech turn (`speech`: sorted spans) shaped as a name card.

    Cached: `printed_orgs` asks once per speaker, and the lines are the session's, not theirs."""
    starts = [a for a, _ in speech]
    found: list[PrintedCard] = []
    at = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start, at = at, at + len(line) + 1
        k = bisect.bisect_right(starts, start) - 1
        if (k >= 0 and start < speech[k][1]) or "," not in line or len(line) > _MAX_LINE:
            continue
        if k + 1 < len(starts) and starts[k + 1] < at:
            continue  # a turn starts on this line, after its label (">> N:  (Laughter.)  A fair …"): speech
        card = parse_name_card(line.strip())
        key = name_key(strip_titles(card.name or "") or "")  # a card of titles alone has no name
        if card.pieces and len(key.split()) >= 2:
            found.append(PrintedCard(number, line.strip(), key, card.pieces))
    return tuple(found)


def _body(pieces: Sequence[str], registry: Registry, gazetteer: orgs.Gazetteer) -> orgs.Org | None:
    """The card's body: its first piece that is no session role, place, mode or office; a registry
    body by its mention, else the piece in reading case."""
    for piece in pieces:
        bare = piece.strip(" ()")
        if (
            not bare
            or cards.card_role(bare)
            or cards.card_mode(bare)
            or orgs.is_office(bare)
            or orgs.is_place(bare, gazetteer)
            or not card_like(bare)
        ):
            continue
        mention = next(iter(find_mentions(bare, registry=registry)), None)
        if mention is not None and mention.start == 0 and mention.end == len(bare):
            return orgs.Org(0, len(bare), mention.name, mention)
        return orgs.Org(0, len(bare), orgs.card_name(bare))
    return None


def printed_orgs(view: SessionView, name: str, registry: Registry) -> list[tuple[orgs.Org, Evidence]]:
    """The bodies the printed lines outside the turns give the person of this whole name, each with
    its line as the evidence."""
    speech = tuple((t.start, t.end) for t in view.session.turns if t.kind == "speech")
    want = name_key(name)
    found: list[tuple[orgs.Org, Evidence]] = []
    for card in printed_cards(view.text, speech):
        if card.key != want:
            continue
        org = _body(card.pieces, registry, view.gazetteer)
        if org is not None:
            found.extend((o, Evidence(card.line, card.text, "name-card")) for o in view.tied([org]))
    return found
