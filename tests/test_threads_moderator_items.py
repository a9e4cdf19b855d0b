"""Items said in a moderator's or chair's turn: a question read out for someone is that person's (whoever the
relay names, by a reporting verb or by what carries it), and a chair speaking for a body of their own may
promise for it; floor management and thanks stay no items. Invented examples (issue 20, T10)."""

from __future__ import annotations

import pytest

from forumlens.threads.itemquestions import _relayed_from
from forumlens.threads.sentences import Sentence

from .threads_support import items_of


def _turn(*texts: str) -> list[Sentence]:
    return [Sentence(n * 100, n * 100 + len(t), n + 1, t) for n, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("said", "asker"),
    [
        # a named asker and a reporting verb, an aside between
        (("And Wanjiru Kamau, online, asks: will the survey be repeated in 2032?",), "Wanjiru Kamau"),
        # an addressee between the verb and the colon
        (("Tomas Eriksen Vik asks the schools coalition: do your courses run in Sami?",), "Tomas Eriksen Vik"),
        # a pronoun for the person named in the sentence before
        (
            ("Yes, from the Lusaka hub, Mutale Banda.", "She asks: is the map open to everyone or only members?"),
            "Mutale Banda",
        ),
        (("A text from Mombasa, signed Baraka, he asks: how do we join the network from a ferry?",), "Baraka"),
        # indirect speech with no question mark
        (("One from the chat, from Ines.", "She asks Ms Okafor if the toolkit also works offline."), "Ines"),
        # a card or a voice note read out, the question a few sentences later
        (('The second card, from Rahel Tesfaye, Addis, for the radios: "Do you stream in Amharic?"',), "Rahel Tesfaye"),
        (
            (
                "And a voice note from Ana Pereira in Beira, for the secretariat.",
                "I will translate it.",
                "The question is: who pays for the captions next year?",
            ),
            "Ana Pereira",
        ),
    ],
)
def test_a_relayed_question_is_the_relayed_persons(said: tuple[str, ...], asker: str) -> None:
    assert _relayed_from(_turn(*said), len(said) - 1) == asker


@pytest.mark.parametrize(
    "said",
    [
        ("Thank you, Amina.", "What do you think the coalitions should do next year?"),
        # a reporting verb with no question after it: the moderator's own question follows
        ("Maria asked me earlier to keep time.", "Will the coalitions report to the MAG this year?"),
        ("Amina asked a good question yesterday.", "Do the coalitions report to the MAG each year?"),
        ("My question to all of you: will the coalitions publish their reports?",),
        # "the question is" with another question between: no relay reaches it
        ("A card from Lea Braun, for Tariq.", "Is Tariq still here?", "Good.", "The question is: who funds the hubs?"),
    ],
)
def test_the_moderators_own_question_is_no_relay(said: tuple[str, ...]) -> None:
    assert _relayed_from(_turn(*said), len(said) - 1) is None


PANEL = """\
>> MODERATOR: Good morning.  I am Selin Aydin, and I chair this session for the Dynamic Coalition on Open Maps.

>> SELIN AYDIN: Thank you all for coming.  Let me give the floor to Kofi first.

>> KOFI MENSAH:  Thank you, Selin.  Kofi Mensah, Dynamic Coalition on Community Networks.  Our village networks still have no money for spare parts.

>> SELIN AYDIN:  Thank you, Kofi.  Dalia Haddad, online, asks the community networks coalition: how many villages share one engineer today?

>> KOFI MENSAH:  About six villages share one engineer, and we train two more this year.

>> SELIN AYDIN:  Thank you.  Before we close, for our own coalition: we will publish a report on rural mapping projects before the next forum.  Thank you all, and see you in the corridor.
"""


@pytest.fixture(scope="module")
def panel():
    return items_of(PANEL, "igf2031-open-maps-panel.txt")


def test_the_relayed_question_is_an_item_of_the_asker_and_has_its_answer(panel) -> None:
    [asked] = [i for i in panel.items if i.signal == "question"]
    assert asked.speaker == "Dalia Haddad"
    assert "how many villages share one engineer" in asked.quote
    [answer] = [i for i in panel.items if i.signal == "answer"]
    assert answer.answers == asked.line and "six villages" in answer.quote


def test_floor_management_and_thanks_of_the_chair_are_no_items(panel) -> None:
    chair = [i for i in panel.items if i.speaker == "Selin Aydin" and i.signal != "promise"]
    assert chair == []


NEUTRAL = """\
>> MODERATOR: Good afternoon.  I am Petra Novak, and I will moderate this session.

>> PETRA NOVAK:  Let me give the floor to Kofi first.

>> KOFI MENSAH:  Thank you, Petra.  Kofi Mensah, Dynamic Coalition on Community Connectivity.  We will publish a handbook on village networks before the next forum.

>> PETRA NOVAK:  Thank you, Kofi.  Somebody asks when the recording will be online.

>> KOFI MENSAH:  The recording is online tomorrow, I am told.

>> PETRA NOVAK:  Thank you.  We will now take a short break, and we will publish a summary of the session later.  Thank you all.
"""


def test_a_chair_with_no_body_of_their_own_promises_nothing_and_an_unnamed_asker_is_no_name() -> None:
    found = items_of(NEUTRAL, "igf2031-village-networks.txt")
    assert [i for i in found.items if i.speaker == "Petra Novak"] == []  # floor management and thanks
    [asked] = [i for i in found.items if i.signal == "question"]
    assert asked.speaker != "Somebody" and "recording" in asked.quote
