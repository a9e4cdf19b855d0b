"""Threads, fourth round (issue 20): item recall and joining on unseen corpora.

Extraction: a coalition's recommendation is its ask; a commitment cue that names no
deliverable gives way to the need the sentence also says; progress and stop told in
other words; news of a promise named by "that we announced"; a promise by the speaker's
own institution named as the subject; questions read out in indirect speech, asked by an
unnamed participant, or two in one turn; replies that cannot answer; floor prompts are not
questions; compound deliverables take their last noun. Linking: a slipped promise may be
dropped or delivered later; two needs of one actor join only when their object is shared.
Sessions go through the real pipeline (`prepare_bytes`), as `forumlens ingest` does.
"""

from __future__ import annotations

import pytest

from forumlens.threads import link_items, place_items
from forumlens.threads.cues import find_cue
from forumlens.threads.items import _compounds, is_prompt
from forumlens.threads.lexicon import load_lexicon
from forumlens.threads.models import Item

from .threads_support import items_of


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        ("The mentoring scheme that we promised in Geneva, we stopped it last spring.", "slip"),
        ("We are halfway with the glossary, some two hundred terms done.", "update"),
        ("The atlas is on schedule for the next forum.", "update"),
        ("On the handbook, the work goes on with six volunteers.", "update"),
        ("The syllabus we wrote in 2022 is now used by nine universities.", "delivery"),
        ("The minutes of every session now sit on one page of the forum website.", "delivery"),
        ("A participant asked in Berlin whether the fellows keep their grants after one year.", "response"),
        ("As the youth coalition requested in Kyoto, the Secretariat now reserves seats for fellows.", "response"),
        ("The network asks the host country to publish the visa rules six months ahead.", "need"),
        ("This must be fixed before the next meeting, blind users cannot register.", "need"),
        ("Interpretation into French in every room, please, half of our members need it.", "need"),
        # nothing: floor procedure said politely, a hand count
        ("The next speaker from the floor, please.", None),
        ("Hands up, please, who was here last year?", None),
    ],
)
def test_cues_of_this_round(sentence, signal):
    found = find_cue(sentence)
    assert (found.signal if found else None) == signal


def test_an_institution_deciding_is_enacted_and_this_was_asked_is_a_request():
    assert find_cue("So this year the Secretariat decided to open a helpdesk for remote hubs.").signal == "enacted"
    said = find_cue("This was asked very clearly by the hubs.")
    assert said is not None and said.signal == "response" and said.about == "request"


@pytest.mark.parametrize(
    ("sentence", "prompt"),
    [
        ("Fatima, anything to add?", True),
        ("Karim, one more comment on that?", True),
        ("Would you like to react to this, Jens?", True),
        ("Lucia, briefly?", True),  # a panellist called by name, six words or fewer
        ("How would the coalitions pay for a shared secretariat after 2026?", False),
        ("Lucia, why did the regional forums stop sending reports?", False),
    ],
)
def test_floor_prompts_are_not_questions(sentence, prompt):
    assert is_prompt(sentence, ["Lucia Ferreira"]) is prompt


def test_compound_deliverables_take_their_last_noun():
    sentence = "Before 2029 we will run training webinars for session organisers."
    found = _compounds(sentence, load_lexicon().deliverables(sentence))
    assert [(sentence[a:b], family) for a, b, family in found] == [("training webinars", "event")]


RELAYED = """IGF 2031 – Main session of the coalitions

>> REMOTE MODERATOR:  Good morning, I am Ines Duarte, the remote moderator of this session.  I will read the online questions.

>> KOFI MENSAH:  Kofi Mensah, I speak for the Dynamic Coalition on Community Connectivity.  We will publish a map of community networks in West Africa before the next IGF.

>> REMOTE MODERATOR:  Thank you.  Online, from Lagos.  She asks the coalition how many networks the map will cover.

>> KOFI MENSAH:  About three hundred networks in eleven countries, we hope more next year.

>> REMOTE MODERATOR:  Thank you, Kofi.  Kofi, one more word?

>> KOFI MENSAH:  Only thanks to our volunteers.
"""


def test_a_question_read_out_in_indirect_speech_is_the_floors_and_a_prompt_is_none():
    found = items_of(RELAYED, "relayed-2031.txt")
    questions = [i for i in found.items if i.signal == "question"]
    assert [q.quote for q in questions] == ["She asks the coalition how many networks the map will cover."]
    assert questions[0].speaker != "Ines Duarte" and questions[0].coalition is None  # the floor's, not the reader's
    answers = [i for i in found.items if i.signal == "answer"]
    assert [a.quote for a in answers] == ["About three hundred networks in eleven countries, we hope more next year."]
    threads = link_items(place_items([(2031, (2031, 0), found)])).threads
    assert [t.status for t in threads if t.kind == "question"] == ["answered"]


FLOOR = """IGF 2032 – Open forum of the coalitions

>> MODERATOR:  Welcome, I am Sami Haddad and I moderate.  The floor is open.

>> PARTICIPANT:  Thank you.  Can you hear me?  Yes.  My name is Aroha Ngata, from Aotearoa.  Question for the youth coalition.  Do the fellowships cover the visa fees of the fellows?  In my region the visa costs a month of salary.

>> LENA VOGT:  Lena Vogt, Youth Coalition on Internet Governance.  Yes, the fellowships cover visa fees since this year.
"""


def test_an_unnamed_participants_question_followed_by_context_is_found():
    found = items_of(FLOOR, "floor-2032.txt")
    questions = [i for i in found.items if i.signal == "question"]
    assert [q.quote for q in questions] == ["Do the fellowships cover the visa fees of the fellows?"]
    assert questions[0].speaker == "Aroha Ngata"  # a floor voice is named from her own words (resolve/selfnames.py)


CANNOT = """IGF 2033 – Coordination session of the coalitions

>> ERIK DAHL:  Welcome, I am Erik Dahl, I moderate this session.

>> NADIA KARIMI:  Nadia Karimi, university student.  Will the coalitions keep a day of their own after the review of the forum?

>> ERIK DAHL:  A very important question.  Nobody from the Secretariat is on this panel, so I cannot answer it.  We take note.
"""


def test_a_reply_that_cannot_answer_gives_no_answer():
    found = items_of(CANNOT, "cannot-2033.txt")
    assert [i.signal for i in found.items] == ["question"]


def _item(year: int, signal: str, quote: str, n: int, **kw) -> Item:
    coalition = kw.pop("coalition", "DC on Open Education")
    return Item(f"s{year}", n, quote, signal, coalition=coalition, seq=n, **kw).placed(year, (year, f"s{year}"))


def test_a_slipped_promise_may_be_dropped_or_delivered_later():
    dropped = [
        _item(2030, "promise", "We will publish a study on open textbooks.", 1, family="report", head="study"),
        _item(2031, "slip", "The study on open textbooks is delayed.", 2, family="report", head="study"),
        _item(2032, "slip", "We dropped the textbook study, the partner left.", 3, family="report", head="study"),
    ]
    threads = link_items(dropped).threads
    assert len(threads) == 1 and threads[0].status == "unfulfilled"
    late = [
        *dropped[:2],
        _item(2033, "delivery", "The study on open textbooks is out.", 4, family="report", head="study"),
    ]
    threads = link_items(late).threads
    assert len(threads) == 1 and threads[0].status == "fulfilled"


def test_a_promise_by_the_speakers_own_institution_named_as_subject():
    text = """IGF 2034 – Open forum

>> MARTA ROSSI:  Marta Rossi, IGF Secretariat.  Before the next IGF the Secretariat will create one web page where all outputs of the coalitions are collected.
"""
    promises = [i for i in items_of(text, "secretariat-2034.txt").items if i.signal == "promise"]
    assert [(p.org, p.family) for p in promises] == [("IGF Secretariat", "platform")]


def test_two_needs_of_another_object_stay_apart_and_a_rewording_joins():
    travel = _item(2030, "need", "We need funding and grants for the travel of youth delegates.", 1, category="funding")
    servers = _item(
        2031, "need", "We need funding and grants for servers that host our archive.", 2, category="funding"
    )
    assert len(link_items([travel, servers]).threads) == 2  # alike as money, the object differs
    again = _item(2032, "need", "Again: we need grants for the travel of young delegates.", 3, category="funding")
    linked = link_items([travel, again])
    assert len(linked.threads) == 1 and "same category (funding)" in linked.decisions[-1].rule


WANT = """IGF 2035 – Main session of the coalitions

>> MODERATOR:  Good afternoon, I am Rui Costa and I moderate.

>> AMINATA DIALLO:  Aminata Diallo, I speak for the Dynamic Coalition on Community Connectivity.  We would like the coalitions to get an hour in the opening plenary to show what we published, not only a side room.
"""


def test_a_commitment_cue_on_unnamed_things_gives_way_to_the_need():
    found = items_of(WANT, "want-2035.txt")
    assert [(i.signal, i.coalition) for i in found.items] == [("need", "DC on Community Connectivity")]
