"""Questions a co-host reads out in a batch from a Q&A box ("from Dmytro, for Baraka:  how much
…?  From Adaeze, for Tahmina:  are …?"): each is a question of its sender to the panellist its
heading names; a batch read for the record at the close, with nobody replying, stays open; the
reader's next question in the same turn does not close the one before; a panellist who declined
a question and then answers someone else's has not come back to it. Sessions written for this
test, not taken from any set."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.questionsentences import relay_items
from forumlens.transcript.parse import parse_transcript

from .questions_support import rule_questions


def _questions(text: str) -> list[dict]:
    return find_intel(parse_transcript(text), mentions=[]).to_json()["questions"]


_ITEMS = {
    "From Ilona Varga-Rees, for Kofi:  how much did the pilot cost?": ("Ilona Varga-Rees", "Kofi"),
    "Twelve votes, from Tomás Ruiz, for Dr. Amina:  until May is fine, but what comes after?": (
        "Tomás Ruiz",
        "Dr. Amina",
    ),
    "Six votes, from Lena Berg in Oslo, to the whole panel:  who owns the data?": ("Lena Berg", "the whole panel"),
}


@pytest.mark.parametrize("said", list(_ITEMS))
def test_a_box_item_with_an_addressee_heading_is_read_out_for_its_sender(said: str) -> None:
    [relay] = relay_items(said, said, 0)
    assert (relay.name, relay.to) == _ITEMS[said]


@pytest.mark.parametrize(
    "said",
    [
        "I got a letter from Maria, for Peter:  we meet in May.",
        "From Maria, for Peter:  thanks for the great talk.",
    ],
)
def test_a_heading_without_a_question_reads_nothing_out(said: str) -> None:
    assert relay_items(said, said, 0) == []


_RECORD = """>> RUTA KALNINA:  Welcome to the workshop on school connectivity.  My co-host Pavel reads the questions from the Q&A box.

>> KOFI MENSAH:  We connected two hundred schools with satellite last year, and the ministry pays the traffic until June.

>> JUDITH OKELLO:  Our teachers got tablets, but nobody trained them, so half of the tablets are still in the boxes.

>> RUTA KALNINA:  We are at time, unfortunately.  Pavel, can you read for the record the questions we did not reach?

>> PAVEL NOVAK:  Yes.  From Ilona Varga-Rees, for Kofi:  how much did the satellite traffic cost per school?  From Samir Haddad, for Judith:  who should train the teachers, the ministry or the vendor?  From Ana Costa, for Kofi:  will the schools keep the connection after June?

>> RUTA KALNINA:  Thank you.  The speakers will answer all the questions from the box in writing, on the session page.  Goodbye, everyone.
"""


def test_a_batch_read_for_the_record_at_the_close_is_three_open_questions_of_their_senders() -> None:
    got = [(q["by"], q["to"], q["status"]) for q in _questions(_RECORD) if q["line"] == 9]
    assert got == [
        ("Ilona Varga-Rees", "Kofi Mensah", "unanswered"),
        ("Samir Haddad", "Judith Okello", "unanswered"),
        ("Ana Costa", "Kofi Mensah", "unanswered"),
    ]


_BATCH = """>> MODERATOR:  Welcome to the workshop on school connectivity.  Kofi first, then Judith, then the Q&A box.

>> KOFI MENSAH:  We connected two hundred schools with satellite last year, and the ministry pays the traffic until June.

>> JUDITH OKELLO:  Our teachers got tablets, but nobody trained them, so half of the tablets are still in the boxes.

>> MODERATOR:  The box, then.  The most voted is from Ilona Varga-Rees, for Kofi:  until June is good, but what happens after June, will the schools pay?  And the second is anonymous, for Judith:  how do you train teachers who have no internet at home?

>> KOFI MENSAH:  After June, the universal service fund should cover it, and we have asked the regulator to allow this.

>> JUDITH OKELLO:  For the anonymous question, we train them on the weekends in the district office, where the connection is good.

>> MODERATOR:  Thank you both.
"""


def test_the_readers_next_question_in_the_same_turn_does_not_close_the_one_before() -> None:
    got = {q["to"]: q["status"] for q in rule_questions(_BATCH)}
    assert got == {"Kofi Mensah": "answered", "Judith Okello": "answered"}


_DECLINED = """>> MODERATOR:  Welcome to the open forum on mobile money.  The floor is open.

>> PARTICIPANT:  Dmytro Pyle, from Kyiv.  Baraka, how much did the zero-rating cost your company?

>> BARAKA MWANGI:  The cost is commercial information, I cannot share it, sorry.

>> PARTICIPANT:  Faizan Goodall, from Lahore.  Baraka, does the regulator force you to zero-rate, or only recommend it?

>> BARAKA MWANGI:  Only recommend, for now.  The law gives the regulator power on the prices, not on the offers, so the parliament would have to change it.

>> MODERATOR:  Thank you all.
"""


def test_a_declined_question_is_not_answered_by_the_reply_to_the_next_asker() -> None:
    got = {q["text"].split()[-1]: q["status"] for q in rule_questions(_DECLINED)}
    assert got == {"company?": "unanswered", "it?": "answered"}


_COMES_BACK = """>> MODERATOR:  Welcome to the youth session.  The floor is open.

>> PARTICIPANT:  Emilia Nowak, from Wroclaw.  A question for Sabine:  will your hearing be streamed?

>> SABINE TRAUTWEIN:  Good question.  I don't know, let me check with my office.

>> PARTICIPANT:  Jonas Weber, from Graz.  Daniel, do the platforms share the doxxing accounts?

>> DANIEL FROST:  I can't really talk about that, it's above my pay grade.  Let's take it offline, find me after the session.

>> SABINE TRAUTWEIN:  Sorry, just quickly, my office answered.  Yes, the hearings of our committee are streamed, with the link on our page.

>> MODERATOR:  Thank you all.
"""


def test_an_addressee_who_checked_comes_back_after_a_question_to_someone_else() -> None:
    """The question between went to another panellist, whose "let's take it offline" sets that one
    aside, not the first: the addressee's later turn answers the first."""
    got = {q["text"].split()[-1]: q["status"] for q in rule_questions(_COMES_BACK)}
    assert got["streamed?"] == "answered"
    assert got["accounts?"] == "unanswered"


_REFUSED_LATER = """>> RUTA KALNINA:  Welcome to the workshop on zero-rating.  Pavel reads the questions from the Q&A box.

>> BARAKA MWANGI:  We zero-rated two public health platforms from March, and the traffic went up eight times.

>> RUTA KALNINA:  We are at time.  Pavel, can you read for the record the questions we did not reach?

>> PAVEL NOVAK:  Yes.  From Dmytro Pyle, for Baraka:  how much did the zero-rating cost your company?

>> RUTA KALNINA:  Thank you.  The speakers will answer all the questions from the box in writing.

>> BARAKA MWANGI:  Just one sentence, for Dmytro, so he doesn't wait:  the cost is commercial information, I cannot share it, sorry.

>> RUTA KALNINA:  Thank you all, goodbye.
"""


def test_a_question_taken_up_by_its_askers_name_only_to_refuse_it_stays_open() -> None:
    got = [(q["by"], q["status"]) for q in _questions(_REFUSED_LATER) if q["line"] == 7]
    assert got == [("Dmytro Pyle", "unanswered")]


_KEPT = """>> MODERATOR:  Welcome.  Ravi follows the chat.  Rami, you start.

>> RAMI HADDAD:  Our NRI asked the ministry for the fibre map three times, and we never got it.

>> RAVI SHANKAR:  Two questions in the chat.  The first is from Tomasz, he asks Rami:  what does the ministry say about the map?  And the second from Aigerim, for everybody:  did any NRI measure the rural access with its own data?

>> RAMI HADDAD:  For Tomasz, honestly, the ministry says the map is a security matter.  We continue to ask.

>> MODERATOR:  Thank you.  For Aigerim's question, let's keep it, because our last speaker may have something.  Dana, over to you.

>> DANA SEITKALI:  Thank you, and hello to Aigerim, she is my colleague.  Yes, our NRI did measure the rural access with its own data, in forty villages with volunteers, and the results were half of what the operators report.

>> MODERATOR:  Thank you all.
"""


def _turns_to_aigerim(text: str) -> bool:
    from forumlens.analyse.context import build_context
    from forumlens.analyse.questionfates import turns_to_asker
    from forumlens.analyse.questiongroups import find_question_groups

    ctx = build_context(parse_transcript(text), mentions=[])
    groups = find_question_groups(ctx)
    [g] = [g for g in groups if g.by == "Aigerim"]
    return turns_to_asker(ctx, g, groups, [11])


def test_a_reply_naming_the_asker_after_the_chair_kept_the_question_is_no_evident_answer() -> None:
    """Dana's "hello to Aigerim" after "For Aigerim's question, let's keep it" takes the kept
    question up later; without the chair keeping it, the same reply turns to its asker."""
    assert not _turns_to_aigerim(_KEPT)
    unkept = _KEPT.replace("For Aigerim's question, let's keep it, because our last speaker may have something.", "")
    assert _turns_to_aigerim(unkept)


_REQUEST = """>> MODERATOR:  Welcome to the youth session.  The floor is open.

>> PARTICIPANT:  Emilia Nowak, from Wroclaw.  A question for Sabine:  will your hearing be streamed?

>> SABINE TRAUTWEIN:  Good question.  I don't know, let me check with my office.

>> PARTICIPANT:  Hi, Oluwa Brekke, from Ibadan.  It's not a question, more like a request.  It would be cool if the speakers answered the questions online after the session.  Because we always run out of time and the questions just disappear.

>> SABINE TRAUTWEIN:  Sorry, just quickly, my office answered.  Yes, the hearings of our committee are streamed, with the link on our page.

>> MODERATOR:  Thank you all.
"""


def test_a_participant_saying_time_runs_out_does_not_cut_the_exchange() -> None:
    """A floor voice's request ("we always run out of time") asks for something; only a host
    stopping for time sets the question aside."""
    from forumlens.analyse.questionfates import cut_off

    assert cut_off("Because we always run out of time and the questions just disappear.")
    assert [q["status"] for q in rule_questions(_REQUEST)] == ["answered"]
