"""A coordinator who hands over in the middle of a session: the one they name as "our coordinator" speaks for the
same coalition, even when they say only their name and town; a moderator's hand-off, or a colleague named by
someone of no body, says nothing of the sort."""

from __future__ import annotations

from forumlens.models import Turn
from forumlens.threads.handover import hands_over
from forumlens.threads.sentences import Sentence

from .threads_support import items_of

HANDOVER = """IGF 2012 - Coalitions meeting

Ruta KALNINA: Good afternoon. I chair this meeting. The coalition on river towns.

Ines OKORO-BLANCO: Thank you, Chair. Ines Okoro-Blanco, Dynamic Coalition on River Towns, and this is my last meeting as coordinator. Ferries must carry a mobile repeater on every crossing.

From today our coordinator is Tomasz. Tomasz, please.

Tomasz WIERZBICKI-ADAMS: Thank you, Ines. Tomasz Wierzbicki-Adams, from Gdansk. I say Ines's ask in my words: a passenger on a ferry must never lose the signal in the middle of the river.

Ruta KALNINA: Thank you. We close here.
"""

MODERATED = """IGF 2012 - Coalitions meeting

Ruta KALNINA: Good afternoon. I chair this meeting. Ines, please.

Ines OKORO-BLANCO: Thank you, Chair. Ines Okoro-Blanco, Dynamic Coalition on River Towns. Ferries must carry a mobile repeater on every crossing.

Ruta KALNINA: Thank you. Tomasz, please.

Tomasz WIERZBICKI-ADAMS: Thank you. Tomasz Wierzbicki-Adams, from Gdansk. A passenger on a ferry must never lose the signal in the middle of the river.

Ruta KALNINA: Thank you. We close here.
"""


def _body(found, words: str) -> tuple[str | None, str | None]:
    item = next(i for i in found.items if words in i.quote)
    return item.coalition, item.org


def test_the_new_coordinator_speaks_for_the_coalition_that_handed_over():
    found = items_of(HANDOVER, "igf2012-coalitions-meeting.txt")
    assert _body(found, "never lose the signal") == _body(found, "mobile repeater") != (None, None)


def test_a_moderators_hand_off_gives_no_body():
    found = items_of(MODERATED, "igf2012-coalitions-meeting.txt")
    assert _body(found, "never lose the signal") != _body(found, "mobile repeater")


def _turn(index: int, speaker: str) -> Turn:
    return Turn(index=index, line=index + 1, label=speaker, speaker=speaker, kind="speech", text="")


def test_only_a_colleague_named_as_one_of_the_body_is_handed_over_to():
    before, after = _turn(0, "Ines Okoro"), _turn(1, "Tomasz Wierzbicki")
    ours = [Sentence(0, 10, 1, "From today our coordinator is Tomasz.")]
    asked = [Sentence(0, 10, 1, "Tomasz, please, your question.")]
    assert hands_over(before, ours, after)
    assert not hands_over(before, asked, after)
    assert not hands_over(before, ours, _turn(1, "Ines Okoro"))  # the same speaker goes on
