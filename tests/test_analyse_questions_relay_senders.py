"""Stop 44 (issue 22, QR): why the relay rule met none of round 28's relays, and the mends.

- A question read out as "The first is from NAME in PLACE.  He asks, …" names its sender with no
  word of the chat or the e-mail: the sender introduced by "from NAME" is the reading-out itself
  (`questioncues.SENDER`), so the pronoun stands for that name, not for the voice reading it.
- A question read out under a role label with no name (`>>REMOTE MODERATOR:`) is relayed all the
  same (`relayedreply.is_relayed`: the voice has no name, the asker has one).
- A later turn that names the asker only to send the answer to a channel ("We will ask her to
  answer Fatou in the chat") takes nothing up (`cues.TO_CHANNEL` in `questions.named_reply` and
  `questions.taken_up`).
- A chair's words after "To close." / "I really have to close" are the session's close, no answer
  of theirs (`cues.MOVES_ON` in `questionfates.mod_answers`); "we have one minute" says time is
  short (`questioncues.TIME_SHORT`).
- A reply that cannot promise the deed a "will …?" question asks for leaves it open, whatever it
  explains (`questionfates.withholds_the_deed`); "Madam Chair" names no asker.

The sessions are written for these tests."""

from __future__ import annotations

import pytest

from forumlens.analyse.context import build_context
from forumlens.analyse.cues import MOVES_ON, TO_CHANNEL
from forumlens.analyse.questioncues import SENDER, TIME_SHORT, reported_asker
from forumlens.analyse.questionfates import mod_answers, withholds_the_deed
from forumlens.analyse.questiongroups import find_question_groups
from forumlens.analyse.relayedreply import is_relayed, relayed_reply_answers
from forumlens.transcript.parse import parse_transcript

from .questions_support import statuses


def _groups(text: str):  # type: ignore[no-untyped-def]
    ctx = build_context(parse_transcript(text), mentions=[])
    return ctx, find_question_groups(ctx)


COUNTED_OUT = """\
>> CHAIR:  Thank you, Dr. Osei.  Marisol, what is there online?

>> MARISOL QUINTANA:  Thank you, Chair.  We have two.  The first is from Teodor in Varna.  He asks, will the toolkit be translated into the languages of the Black Sea countries?

>> KWAME OSEI:  Yes, the toolkit will be translated into Bulgarian, Romanian and Georgian by the end of the year, the funding is there.

>> CHAIR:  Thank you.  The gentleman at the microphone.
"""


def test_a_pronoun_asker_stands_for_the_sender_counted_out_before_it() -> None:
    _ctx, groups = _groups(COUNTED_OUT)
    (g,) = [g for g in groups if g.line == 3]
    assert g.by == "Teodor" and g.relayed_for == "Teodor"  # not the voice reading it out
    assert is_relayed(g)


@pytest.mark.parametrize(
    "before",
    [
        "We have two.  The first is from Teodor in Varna.  ",
        "There is one from Teodor Ivanov in Varna,  ",
        "Yes, from Teodor, he says he is in Varna.  ",
        "From Teodor in Varna, ",
    ],
)
def test_a_sender_from_a_name_reads_a_question_out(before: str) -> None:
    assert SENDER.search(before)
    assert (reported_asker(before) or "").startswith("Teodor")


@pytest.mark.parametrize(
    "before",
    [
        "I come from a small town and my daughter, ",  # no name after "from"
        "We worked on it with our partners for years, and ",  # no sender at all
        "The money came from Brussels in the end, and the minister, ",  # "from" inside a clause
    ],
)
def test_no_sender_is_read_where_no_name_is_counted_out(before: str) -> None:
    assert not SENDER.search(before)


def test_a_place_after_the_named_sender_is_not_the_asker() -> None:
    assert reported_asker("The second is from Rodrigo Saavedra in Santa Cruz, Bolivia, ") == "Rodrigo Saavedra"
    # a name apposed after an unnamed sender's place is the asker
    assert reported_asker("The other is from a student in Bogota, Camilo, ") == "Camilo"


UNNAMED_RELAYER = """\
>>CHAIR:  Thank you.  Remote participation, anything by email?

>>REMOTE MODERATOR:  Yes, one email, from a hub in Arusha, from Neema.  She asks, is the recording of this meeting available after the session?

>>LARS EKDAHL:  The recording of every meeting is on the website within two days, with the transcript.

>>CHAIR:  Thank you.  Next, the lady in the second row.
"""


def test_a_question_read_out_under_a_role_label_is_relayed() -> None:
    ctx, groups = _groups(UNNAMED_RELAYER)
    (g,) = [g for g in groups if g.line == 3]
    assert g.by == "Neema" and g.asked_by is None  # the voice reading it has no name
    assert is_relayed(g)
    assert relayed_reply_answers(ctx, g, groups, [5])
    assert statuses(UNNAMED_RELAYER, with_cast=False)[3][0] == "answered"


def test_a_reply_that_says_it_does_not_know_is_no_relayed_answer() -> None:
    text = UNNAMED_RELAYER.replace(
        "The recording of every meeting is on the website within two days, with the transcript.",
        "Sorry, my connection, can you repeat?",
    )
    ctx, groups = _groups(text)
    (g,) = [g for g in groups if g.line == 3]
    assert is_relayed(g) and not relayed_reply_answers(ctx, g, groups, [5])


SENT_TO_THE_CHAT = """\
>> Ana Ribeiro:  Thank you.  Yusuf, the last online one.

>> Yusuf Demir:  From Fatima in Tetouan, she asks Pierre, how did you train the repair volunteers?

>> Pierre Lagarde:  Sorry, my connection, can you repeat?

>> Yusuf Demir:  How did you train the volunteers?

>> Pierre Lagarde:  [inaudible] the [inaudible]

>> Ana Ribeiro:  I think we lost Pierre.  We will ask him to answer Fatima in the chat.  Thank you all, that is our time.
"""


def test_naming_the_asker_to_send_the_answer_to_the_chat_takes_nothing_up() -> None:
    _ctx, groups = _groups(SENT_TO_THE_CHAT)
    assert [g.by for g in groups if g.line == 3] == ["Fatima"]  # the asker the last turn names
    found = statuses(SENT_TO_THE_CHAT, with_cast=False)
    assert found[3][0] == "unanswered"
    assert TO_CHANNEL.search("We will ask him to answer Fatima in the chat.")
    assert not TO_CHANNEL.search("To answer Fatima, we trained them in the library.")
    # a list or a group that is no channel the answer goes to
    assert not TO_CHANNEL.search("I want to reply to the point on the list of priorities.")
    assert not TO_CHANNEL.search("We respond to the needs in the youth group every week.")
    assert TO_CHANNEL.search("I will answer you in the WhatsApp group tonight.")


CLOSED = """\
>> MODERATOR:  Thank you for the honesty.  There is time for one more, the lady at the back.

>> PARTICIPANT:  Only one sentence.  Who will keep the list of the community networks up to date, the regulator or the association?

>> MODERATOR:  I really have to close, I'm sorry, please find the colleagues outside.
So, let me try to summarise.  Spectrum for the small operators, a fund for the backhaul, training for the technicians in the villages, and a list of the community networks.  This summary goes to the organisers tonight.
"""


def test_the_chairs_closing_summary_is_no_answer_to_the_last_question() -> None:
    ctx, groups = _groups(CLOSED)
    (j,) = [t.index for t in ctx.turns if t.line == 5]
    assert not mod_answers(ctx, groups, j)
    assert statuses(CLOSED, with_cast=False)[3][0] == "unanswered"
    # the chair who answers before closing still answers
    answered = CLOSED.replace(
        "I really have to close, I'm sorry, please find the colleagues outside.",
        "The association keeps the list, the regulator only publishes the licences of the networks every year.",
    )
    actx, agroups = _groups(answered)
    (k,) = [t.index for t in actx.turns if t.line == 5]
    assert mod_answers(actx, agroups, k)


@pytest.mark.parametrize(
    "sentence",
    ["So, to close.", "I really have to close, I'm sorry.", "Let me try to summarise.", "We need to wrap up."],
)
def test_a_sentence_that_closes_the_session_moves_on(sentence: str) -> None:
    assert MOVES_ON.match(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We have to close the digital divide first.",
        "They need to stop the shutdowns.",
        "How do we close it?",
        "I need to finish my point.",  # the speaker's own point, not the session
        "I need to finish with one figure: 40 per cent.",
    ],
)
def test_closing_a_gap_is_no_close_of_the_session(sentence: str) -> None:
    assert not MOVES_ON.match(sentence)


def test_the_minute_the_speaker_has_is_time_short() -> None:
    assert TIME_SHORT.search("A big question, and we have one minute, it deserves more.")
    assert TIME_SHORT.search("I have two minutes and I must close.")
    assert not TIME_SHORT.search("We have one member in every district.")
    assert not TIME_SHORT.search("We have two minutes of video to show you.")  # minutes of something


@pytest.mark.parametrize(
    ("said", "speaker"),
    [
        ("My name is Ana, from Brazil.  My son, he asks why the school blocks the videos?", "Ana Souza"),
        ("I am Jo Li, from Kenya, and my colleague, she asks if the law is ready?", "Jo Li"),
    ],
)
def test_a_speaker_saying_where_they_are_from_reads_nothing_out(said: str, speaker: str) -> None:
    text = f">>CHAIR:  We take questions from the floor.\n\n>>{speaker.upper()}:  {said}\n"
    _, groups = _groups(text)
    (g,) = [g for g in groups if g.line == 3]
    assert g.relayed_for is None and not is_relayed(g)  # the speaker's own question


def test_a_sender_counted_out_before_the_pronoun_is_the_asker() -> None:
    said = "Yes, from Rahul, he says he is in Bengaluru.  He asks, how will you weigh the comments?"
    _, groups = _groups(f">>CHAIR:  Any questions online?\n\n>>REMOTE MODERATOR:  {said}\n")
    (g,) = [g for g in groups if g.line == 3]
    assert g.relayed_for == "Rahul" and g.by == "Rahul"
    assert is_relayed(g)


WITHHELD = """\
>>CHAIR:  Remote participation, we have some emails, I am told.

>>REMOTE MODERATOR:  Yes, Madam Chair, one email, from a hub in Mwanza, from Juma.  He asks, will the organisers cover the bandwidth of the remote hubs next year?

>>INGRID HOLM:  Honestly, no budget line exists for the hubs at the moment.  We live on voluntary contributions, and I cannot promise, I will take the question back to the organisers.

>>CHAIR:  Thank you.  The lady in the front row.
"""


def test_a_reply_that_cannot_promise_the_deed_asked_leaves_it_open() -> None:
    ctx, groups = _groups(WITHHELD)
    (g,) = [g for g in groups if g.line == 3]
    assert g.by == "Juma"  # "Madam Chair" is an address, not the asker
    reply = ctx.turns[[t.line for t in ctx.turns].index(5)].text
    assert withholds_the_deed(g, reply)
    assert not relayed_reply_answers(ctx, g, groups, [5])
    assert statuses(WITHHELD, with_cast=False)[3][0] == "unanswered"
    # a promise refused "but" given after all, or a question that asks no deed to come, is not withheld
    assert not withholds_the_deed(g, "I cannot promise it for all of them, but the six largest hubs will be paid.")
    (how,) = [
        h for h in _groups(WITHHELD.replace("will the organisers cover", "how do the organisers see"))[1] if h.line == 3
    ]
    assert not withholds_the_deed(how, reply)
