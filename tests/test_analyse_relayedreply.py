"""A relayed question paired with the reply that speaks to it (`analyse.relayedreply`), a parked
question brought back later (`cues.RETURN_TO`), and the refusal read within one reply sentence
(`cues.DECLINE_SENTENCE`). The sessions are written for these tests."""

from __future__ import annotations

from forumlens.analyse.context import build_context
from forumlens.analyse.cues import DECLINE, DECLINE_SENTENCE, RETURN_TO
from forumlens.analyse.questiongroups import find_question_groups
from forumlens.analyse.relayedreply import is_relayed, relayed_reply_answers
from forumlens.analyse.replyreader import DECLINES, sentence_kind
from forumlens.transcript.parse import parse_transcript

from .questions_support import statuses

TWO_FROM_THE_CHAT = """\
>> MODERATOR:  Thank you, Marta.  Before the floor, Pavel, what do we have online?

>> PAVEL NOVAK:  Two in the chat.  Ruth Ambani from Mombasa asks Ms. Lind: how long did the pilot in the schools run?  And Tomas Greco asks the panel whether the reading app works without any data connection.

>> ELSA LIND:  For Ruth, the pilot ran two school years, in twelve schools.

>> KOFI MENSAH:  On the app, yes, it works without a data connection, the books are stored in the phone and it only needs the network once a month.

>> MODERATOR:  Thank you both.  The lady at the microphone.
"""


def _groups(text: str):  # type: ignore[no-untyped-def]
    ctx = build_context(parse_transcript(text), mentions=[])
    return ctx, find_question_groups(ctx)


def test_each_relayed_question_of_a_batch_is_answered_by_the_reply_that_speaks_to_it() -> None:
    ctx, groups = _groups(TWO_FROM_THE_CHAT)
    first, second = (g for g in groups if g.line == 3)
    assert is_relayed(first) and is_relayed(second)
    assert relayed_reply_answers(ctx, first, groups, [5])  # names its asker ("For Ruth, …")
    assert relayed_reply_answers(ctx, second, groups, [7])  # repeats its words (app, data connection)
    assert not relayed_reply_answers(ctx, second, groups, [5])  # that reply is the other asker's
    found = statuses(TWO_FROM_THE_CHAT, with_cast=False)
    assert (
        found[3][0] == "answered"
    )  # the last question of line 3, the batch's second (the model alone said unanswered)


STOLEN_WORD = """\
>> CHAIR:  Thank you.  Amina, anything online?

>> AMINA DIALLO:  Yes, two.  Jorge Pinto asks Mr. Weber: how fast is the check of a refurbished laptop at the border?  And Li Na asks the panel whether a laptop repaired in a small shop keeps the warranty of the maker.

>> HANS WEBER:  For Mr. Pinto, the check takes ten minutes.  If the laptop starts, it passes.

>> CHAIR:  Thank you.  The gentleman in the back.
"""


def test_one_shared_word_does_not_give_a_reply_to_another_question_of_the_batch() -> None:
    ctx, groups = _groups(STOLEN_WORD)
    first, second = (g for g in groups if g.line == 3)
    assert relayed_reply_answers(ctx, first, groups, [5])
    # "If the laptop starts, it passes." shares only "laptop" with Li Na's question
    assert not relayed_reply_answers(ctx, second, groups, [5])


KEPT_BY_THE_CHAIR = """\
>> CHAIR:  Thank you.  Amina, anything online?

>> AMINA DIALLO:  One question from Li Na: does the warranty of the maker hold after a repair in a small shop?

>> CHAIR:  Let us keep this one for the end, Mr. Weber.  The gentleman in the back first.

>> HANS WEBER:  The warranty of the maker holds only when the shop is certified.
"""


def test_a_reply_after_the_chair_has_spoken_is_not_read_as_the_relayed_answer() -> None:
    ctx, groups = _groups(KEPT_BY_THE_CHAIR)
    (g,) = [g for g in groups if g.line == 3]
    assert is_relayed(g)
    assert not relayed_reply_answers(ctx, g, groups, [7])


def test_a_question_asked_in_person_is_never_judged_here() -> None:
    text = (
        ">> CHAIR:  The floor is open.\n\n"
        ">> AUDIENCE:  Thank you.  Li Na, from a repair collective.  Mr. Weber, does the warranty hold after a repair?\n\n"
        ">> HANS WEBER:  The warranty holds only when the repair shop is certified.\n"
    )
    ctx, groups = _groups(text)
    (g,) = groups
    assert not is_relayed(g)
    assert not relayed_reply_answers(ctx, g, groups, [5])


BROUGHT_BACK = """\
>> MODERATOR:  Thank you, Ines.  Questions from the room.  Yes, madam.

>> AUDIENCE:  Thank you.  Olga Petrenko, from a library network in Lviv.  Ms. Duarte, how many people in your ministry work on the open catalogue?

>> MODERATOR:  Ines, maybe you keep this one for the end, we have many hands.  The gentleman in the back, please, and be short.

>> AUDIENCE:  Thank you.  Sami Haddad, a journalist from Beirut.  My question is for Mr. Okafor.  Does your regulator publish the spectrum prices?

>> CHUKWU OKAFOR:  Yes, every price is on our website, with the date of the auction and the winner.

>> MODERATOR:  Thank you.  Before we close I want to come back to the question of Olga.  Ines?

>> INES DUARTE:  Yes.  In my ministry the catalogue team is three people, and they do other work too.  So a small team is enough if the mandate is clear.

>> MODERATOR:  Thank you all, we close here.
"""


def test_a_chair_who_comes_back_to_the_question_by_its_askers_name_brings_it_back() -> None:
    assert statuses(BROUGHT_BACK, with_cast=False)[3] == ("answered-later", [13])


def test_return_words() -> None:
    assert RETURN_TO.search("before we close I want to come back to the ")  # before "question of Olga"
    assert RETURN_TO.search("Okay.  Now, returning to")
    assert RETURN_TO.search("Yes, thank you for waiting.  So, in our law, the register is open")
    assert RETURN_TO.search("And now my own homework, Wambui.")
    # words that park a question are no return: the name does not follow them, they lead elsewhere
    assert not RETURN_TO.search("Let me come back to that at the end, we have many hands.")
    assert not RETURN_TO.search("I will come back to you by email")


def test_a_sentence_refusing_to_say_anything_declines_but_a_whole_turn_keeps_its_answer() -> None:
    assert sentence_kind("Jonas, honestly, this one I cannot answer in one minute, it is a long story.") == DECLINES
    assert DECLINE_SENTENCE.search("So I will not say the country.")
    assert not DECLINE_SENTENCE.search("I cannot say all of it, but the first two are signed.")
    assert not DECLINE_SENTENCE.search("I can't tell you how happy we were.")
    # over a whole reply the refusal after an answer is not a refusal of the question
    answered_first = (
        "Yes, we will propose that the grant opens to the founders of the region.  I cannot say more today."
    )
    assert DECLINE_SENTENCE.search(answered_first) and not DECLINE.search(answered_first)
