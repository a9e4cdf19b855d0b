"""The fate of asks, promises and questions: what closes a question in its own session, what a later response
must say to take something up, slips and deliveries told by someone other than the promiser, and summaries
that show a category in words."""

from __future__ import annotations

import pytest

from forumlens.threads import Item, link_items
from forumlens.threads.cues import find_cue

from .threads_support import items_of


def _linked(*sessions: tuple[str, str, int]):
    items = [i.placed(year, (year,)) for text, name, year in sessions for i in items_of(text, name).items]
    return link_items(items, model=False)


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        # the asker and the meeting named: what follows is the answer
        ("And to Faisal, who asked in Nairobi: on Thursday there is a session moderated by teenagers.", "response"),
        ("The Benin IGF asked in Cotonou and again in Geneva that remote hubs get the microphone.", "response"),
        # ... but not one's own side asking again, nor repeating what another asked there
        ("As we asked in Paris, the coalitions need a small fund for travel.", "need"),
        (
            "And I repeat what Mei Lin asked in Riyadh, in other words: ministries should stop buying on price alone.",
            None,
        ),
        # a slip in the past tense, or said as not managed
        ("The validation workshop the Ministry promised us never took place.", "slip"),
        ("The online directory that we promised for this IGF, we did not manage it.", "slip"),
    ],
)
def test_response_and_slip_cues(sentence, signal):
    cue = find_cue(sentence)
    if signal is None:
        assert cue is None or cue.signal != "response"
    else:
        assert cue is not None and cue.signal == signal


ASKED_AND_ANSWERED = """IGF 2031 – Coalitions open forum

>> MODERATOR:  Welcome.  Now the floor.

>> AMIR HADDAD:  Amir Haddad, from Beirut.  Does the gender coalition also work with small companies, or only with governments?

>> LINA OKAFOR:  Yes, it does: three start-ups and two small companies are members of the gender coalition.
"""

TOOK_UP = """IGF 2032 – Coalitions open forum

>> MODERATOR:  Welcome.  The Secretariat first.

>> ANDERS NYGAARD:  Anders Nygaard, IGF Secretariat.  Last year in the open forum someone asked whether the coalitions work with small companies or only with governments.  The coalitions now list their company members on their pages.
"""


@pytest.mark.parametrize(
    "sentence",
    [
        "I want to tell a story with an end that is not happy.",
        "I want to be honest with this room.",
        "I want to report that we did.",
        "I want to repeat the first recommendation.",
    ],
)
def test_the_speakers_own_telling_is_no_need(sentence):
    assert find_cue(sentence) is None


def test_a_question_answered_where_it_was_asked_is_not_taken_up_again():
    linked = _linked((ASKED_AND_ANSWERED, "qa-2031.txt", 2031), (TOOK_UP, "up-2032.txt", 2032))
    question = next(t for t in linked.threads if t.kind == "question")
    assert question.status == "answered"
    assert [i.signal for i in question.items] == ["question", "answer"]  # the 2032 response did not join it


NOT_ANSWERED = """IGF 2031 – Workshop on children online

>> MODERATOR:  Questions?  Yes, in the back.

>> PARTICIPANT:  Does the report button also work for adults who are harassed, or only for the children?

>> FAISAL RAHMAN:  Honestly I have not thought about it, our coalition works for the children.
"""


def test_a_reply_that_says_it_has_not_thought_about_it_leaves_the_question_open():
    items = items_of(NOT_ANSWERED, "button-2031.txt").items
    assert [i.signal for i in items if i.signal in ("question", "answer")] == ["question"]
    question = next(t for t in link_items([i.placed(2031, (2031,)) for i in items], model=False).threads)
    assert question.status == "open"


RELAYED = """IGF 2031 – Main session on coalitions

>> LAYLA HADDAD:  Thank you.  Felipe, online?

>> FELIPE ROJAS:  Yes, Layla.  A question from Oluwaseun in Ibadan, for the Internet of things coalition.  Can a small company join the IoT coalition, or is it only for researchers and consumer groups?

>> MEI LIN TAN:  Anyone can join, Oluwaseun, we have start-ups from Kenya and from Vietnam, and two chip makers.
"""


def test_a_reply_naming_the_asker_after_its_first_words_answers_a_relayed_question():
    items = items_of(RELAYED, "relayed-2031.txt").items
    question = next(i for i in items if i.signal == "question")
    assert [(a.quote[:15], a.answers) for a in items if a.signal == "answer"] == [("Anyone can join", question.line)]


CHATTER = """IGF 2032 – Stocktaking

>> ZOFIA NOWAK:  Welcome back.

>> ANDERS NYGAARD:  Anders Nygaard, IGF Secretariat.  Many of you asked us to find old sessions more easily, and the archive has a search box now.
"""

ASKED_SESSION = """IGF 2031 – Workshop on children online

>> MODERATOR:  Questions?  Yes, in the back.

>> PARTICIPANT:  Will there be a session of children also in Istanbul next year?

>> MODERATOR:  Thank you, we close here.
"""


def test_a_response_sharing_one_plain_word_takes_nothing_up():
    linked = _linked((ASKED_SESSION, "children-2031.txt", 2031), (CHATTER, "archive-2032.txt", 2032))
    question = next(t for t in linked.threads if t.kind == "question")
    assert (question.status, len(question.items)) == ("open", 1)


PROMISED = """IGF 2031 – Open forum of the institutions

>> ZOFIA NOWAK:  The ministry.

>> PETER MWANGI:  Peter Mwangi, Ministry of Information of Kenya.  So we will hold a validation workshop with the Kenya IGF before the cybersecurity bill goes to Cabinet.
"""

NEVER_HELD = """IGF 2033 – Main session

>> ZOFIA NOWAK:  Wanjiru, the Kenya IGF.

>> WANJIRU KAMAU:  Wanjiru Kamau, Kenya Internet Governance Forum.  In Kyoto the Ministry came and said good things.  But the validation workshop the Ministry promised us never took place, and the bill went to Cabinet without it.
"""


def test_a_slip_told_by_another_body_naming_the_promiser_without_that():
    linked = _linked((PROMISED, "promise-2031.txt", 2031), (NEVER_HELD, "slip-2033.txt", 2033))
    promise = next(t for t in linked.threads if t.kind == "commitment")
    assert ([i.signal for i in promise.items], promise.status) == (["promise", "slip"], "unfulfilled")


UNESCO_PROMISE = """IGF 2031 – Open forum of the institutions

>> ZOFIA NOWAK:  UNESCO.

>> ANA LIMA:  Ana Lima, UNESCO.  Next year we will publish the revised indicators, the second generation, with new questions on data.
"""

TOLD_BY_COALITION = """IGF 2033 – Main session

>> ZOFIA NOWAK:  The indicators coalition.

>> TOMAS RUIZ:  Tomas Ruiz, Dynamic Coalition on Internet Universality Indicators.  UNESCO's new version of the indicators, which came out last year, has a chapter on data.
"""


def test_a_delivery_told_by_a_coalition_fulfils_the_promise_of_the_body_it_names():
    linked = _linked((UNESCO_PROMISE, "unesco-2031.txt", 2031), (TOLD_BY_COALITION, "told-2033.txt", 2033))
    promise = next(t for t in linked.threads if t.kind == "commitment")
    assert ([i.signal for i in promise.items], promise.status) == (["promise", "delivery"], "fulfilled")


@pytest.mark.parametrize(
    ("category", "said"),
    [("concise-summaries", "asked (concise summaries) in 2 sessions"), ("other", "asked in 2 sessions")],
)
def test_a_thread_summary_says_its_category_in_words(category, said):
    need = Item("s1", 3, "We need short summaries of every session.", "need", coalition="DC X", category=category)
    again = Item(
        "s2", 5, "We still need short summaries of every session.", "need", coalition="DC X", category=category
    )
    (thread,) = link_items([need.placed(2031, (2031,)), again.placed(2032, (2032,))], model=False).threads
    assert said in thread.summary and category.replace("-", " ") not in thread.summary.replace(said, "")


def test_a_thread_of_no_coalition_body_or_speaker_says_whose_it_is_not_unknown():
    """A document's own sentence (no speaker, no coalition, no body named) opens a thread of its
    session's voice: its summary says so instead of "unknown asked"."""
    need = Item("d1", 4, "The regional networks need a shared spectrum map before the next forum.", "need")
    (thread,) = link_items([need.placed(2031, (2031,))], model=False).threads
    assert thread.actor == "session:d1"
    assert thread.summary.startswith("the record itself asked") and "unknown" not in thread.summary.split(",")[0]
    named = Item("d2", 4, "We need a shared spectrum map before the next forum.", "need", speaker="Ines Varga")
    (own,) = link_items([named.placed(2031, (2031,))], model=False).threads
    assert own.summary.startswith("Ines Varga asked")
