"""Threads, third round (issue 20): the rules the second blind set showed missing.

Extraction: outcomes told as states, "our first ask", "it would help", recommendations to
named actors, promises to "put online"; the deliverable a clause is about; replies that
answer nothing; a body named after the speaker's name. Linking: a response that names the
meeting the ask was made at; an output told of again after its delivery; the object of a
funding ask keeps what the money is for. Speed: the recency index keeps its answer.
Sessions go through the real pipeline (`prepare_bytes`), as `forumlens ingest` does.
"""

from __future__ import annotations

import pytest

from forumlens.threads import link_items, place_items
from forumlens.threads.actors import _introduced_body
from forumlens.threads.cues import find_cue
from forumlens.threads.items import _subject
from forumlens.threads.lexicon import load_lexicon
from forumlens.threads.link import _Recent, _Track, meeting_year
from forumlens.threads.models import Item, Thread
from forumlens.threads.sentences import Sentence
from forumlens.threads.status import finish_thread

from .threads_support import items_of


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        ("The zero-rating observatory is almost there, two countries to go.", "update"),
        ("Our tracker of shutdowns went live in April.", "delivery"),
        ("The toolkit has been translated into Portuguese and Swahili.", "delivery"),
        ("Cheaper visas for activists are still our main ask.", "need"),
        ("It would help a lot to have one contact person in the Secretariat.", "need"),
        ("Regulators should publish every spectrum decision in one place.", "need"),
        ("Donors must stop funding only short pilots.", "need"),
        ("We will put online a directory of community networks before the next forum.", "promise"),
        # still nothing: a speaker's own "should", a negated recommendation
        ("I should say that we enjoyed Kyoto.", None),
        ("Governments should not worry about this at all, frankly.", None),
    ],
)
def test_cues_of_this_round(sentence, signal):
    found = find_cue(sentence)
    assert (found.signal if found else None) == signal


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("Our open repository of course material is now online", "repository"),
        ("the mentoring toolkit was announced in our Kyoto statement", "toolkit"),
        ("Thanks to the survey, the report is out", "report"),
    ],
)
def test_the_deliverable_a_clause_is_about_is_not_a_complement(sentence, head):
    a, b, _family = _subject(sentence, load_lexicon().deliverables(sentence))
    assert sentence[a:b] == head


@pytest.mark.parametrize(
    ("speaker", "sentence", "body"),
    [
        (
            "Rosa Huaman",
            "Rosa Huaman, Coalition on Indigenous Languages Online.",
            "Coalition on Indigenous Languages Online",
        ),
        ("Astrid Lund", "Astrid Lund, Nordic Fund for Digital Cooperation.", "Nordic Fund for Digital Cooperation"),
        ("Carlos Mendes", "Carlos Mendes, Brazil.", None),  # a country is not a body
        ("Lani Tupou", "Lani Tupou again for the small island states.", None),
        ("Ana Lima", "Thank you. Ana Lima, I work on this every day.", None),
    ],
)
def test_a_body_named_after_the_speakers_name(speaker, sentence, body):
    assert _introduced_body(speaker, [Sentence(0, len(sentence), 1, sentence)]) == body


TWO_YEARS = (
    """IGF 2031 – Coalitions main session

>> ANA LIMA:  Welcome, I am Ana Lima and I moderate.  Rosa, please.

>> ROSA HUAMAN:  Rosa Huaman, Coalition on Sami Languages Online.  We will compile a glossary of Internet terms in four Sami languages.

>> ANA LIMA:  Thank you.  Joao.

>> JOAO SILVA:  Joao Silva, IGF Secretariat.  Following the request from the coalitions, the Secretariat has agreed to publish all session reports in French.
""",
    """IGF 2032 – Coalitions stocktaking

>> EVA HOLM:  Good morning, I am Eva Holm and I moderate.  Rosa first.

>> ROSA HUAMAN:  Rosa Huaman, Coalition on Sami Languages Online.  The glossary in four Sami languages is finished, you can download it from our page.
""",
)


def test_the_same_unregistered_body_in_two_years_is_one_actor_and_an_introduction_beats_a_guess():
    first, second = items_of(TWO_YEARS[0], "igf2031.txt"), items_of(TWO_YEARS[1], "igf2032.txt")
    promise = next(i for i in first.items if i.signal == "promise")
    delivery = next(i for i in second.items if i.signal == "delivery")
    assert promise.org == delivery.org == "Coalition on Sami Languages Online"
    assert delivery.head == "glossary"
    response = next(i for i in first.items if i.signal == "response")
    assert response.coalition is None and response.org == "IGF Secretariat"  # not the coalition named before
    placed = place_items([(2031, (2031, 0), first), (2032, (2032, 1), second)])
    commitment = next(t for t in link_items(placed).threads if t.kind == "commitment")
    assert commitment.status == "fulfilled" and [r for _, r in commitment.entries] == ["raised", "delivered"]


CLOSING = """IGF 2030 – Open forum on the coalitions

>> ANA LIMA:  Welcome, I am Ana Lima and I moderate.  Questions from the floor, please.

>> CARLOS MENDES:  Carlos Mendes, Brazil.  Who decides which coalition gets a main session in 2031?

>> ANA LIMA:  We are out of time, I am sorry.  Thank you, everyone.
"""


def test_a_reply_that_answers_nothing_leaves_the_question_open():
    found = items_of(CLOSING, "closing-2030.txt")
    assert [i.signal for i in found.items] == ["question"]
    placed = place_items([(2030, (2030, 0), found)])
    assert [t.status for t in link_items(placed).threads] == ["open"]


@pytest.mark.parametrize(
    ("quote", "year", "meeting"),
    [
        ("As you asked in Riyadh, our fund now offers travel grants.", 2025, 2024),
        ("To come back to the question from Kyoto about young speakers: yes.", 2024, 2023),
        ("Following the request made last year, we now publish the list.", 2026, 2025),
        ("At the IGF 2023 you asked for captions.", 2025, 2023),
        ("In Brazil we hosted two meetings.", 2025, None),  # a country of two meetings names none
        ("We will do it in 2031.", 2030, None),  # a year to come is not a meeting held
        ("Following the request, we now publish the list.", 2026, None),
    ],
)
def test_the_meeting_a_response_names(quote, year, meeting):
    assert meeting_year(quote, year) == meeting


def _item(year: int, signal: str, quote: str, *, coalition: str | None, n: int, **kw) -> Item:
    return Item(f"s{year}", n, quote, signal, coalition=coalition, seq=n, **kw).placed(year, (year, f"s{year}"))


def test_a_response_naming_a_meeting_takes_up_what_was_raised_there():
    old = _item(
        2022,
        "need",
        "Young delegates need travel grants and fellowships from donors to attend the forum.",
        coalition="DC Youth",
        n=1,
        category="funding",
    )
    there = _item(
        2024,
        "need",
        "Our teachers need travel support to come to the IGF.",
        coalition="DC Teachers",
        n=2,
        category="funding",
    )
    response = _item(
        2025,
        "response",
        "As you asked in Riyadh, our fund now offers travel grants and fellowships to attend.",
        coalition=None,
        org="Nordic Fund",
        n=3,
        about="request",
    )
    answered = {t.coalition: t.status for t in link_items([old, there, response]).threads}
    assert answered == {"DC Youth": "raised-once", "DC Teachers": "answered"}
    # without the meeting named, the closer wording wins
    plain = _item(
        2025,
        "response",
        "As you asked, our fund now offers travel grants and fellowships to attend.",
        coalition=None,
        org="Nordic Fund",
        n=4,
        about="request",
    )
    answered = {t.coalition: t.status for t in link_items([old, there, plain]).threads}
    assert answered == {"DC Youth": "answered", "DC Teachers": "raised-once"}


def test_an_output_told_of_after_its_delivery_joins_its_thread_as_an_update():
    promise = _item(
        2022,
        "promise",
        "We are writing a report on the security of IoT devices.",
        coalition="DC S",
        n=1,
        family="report",
        head="report",
    )
    done = _item(
        2023,
        "delivery",
        "The study of IoT security that we promised is out.",
        coalition="DC S",
        n=2,
        family="report",
        head="study",
    )
    again = _item(
        2024,
        "delivery",
        "Our research on the security of consumer IoT devices, released in 2023, is cited by regulators.",
        coalition="DC S",
        n=3,
        family="report",
        head="research",
    )
    other = _item(
        2024,
        "delivery",
        "We launched a new report on gender and online harassment.",
        coalition="DC S",
        n=4,
        family="report",
        head="report",
    )
    linked = link_items([promise, done, again, other])
    [thread] = [t for t in linked.threads if t.kind == "commitment"]
    assert thread.status == "fulfilled"
    assert [(i.seq, r) for i, r in thread.entries] == [(1, "raised"), (2, "delivered"), (3, "update")]
    assert next(d for d in linked.decisions if d.item == other.ref).action == "dropped"  # not alike: no promise


def test_a_funding_asks_object_keeps_what_the_money_is_for():
    lex = load_lexicon()
    assert "@travel" in lex.category_signals("funding") and "@travel" not in lex.residual_signals("funding")
    assert "@money" in lex.residual_signals("funding")


def test_finish_thread_roles_after_a_delivery():
    thread = Thread("c1", "commitment", "coalition:X", "X", "other")
    for n, signal in enumerate(("promise", "delivery", "delivery", "update"), start=1):
        thread.entries.append((_item(2020 + n, signal, f"quote {n}", coalition="X", n=n, family="report"), ""))
    assert [r for _, r in finish_thread(thread).entries] == ["raised", "delivered", "update", "update"]


def test_the_recency_index_answer_changes_only_when_its_members_do():
    index = _Recent()
    tracks = [_Track(Thread(f"t{n}", "ask", "a", None, "other"), n) for n in range(5)]
    for t in tracks:
        index.touch(t)
    first = index.ordered(3)
    assert [t.order for t in first] == [2, 3, 4]
    index.touch(tracks[3])  # already among the three most recent: the same answer
    assert index.ordered(3) is first
    index.touch(tracks[0])  # comes back: 1 and 2 … 2 drops out
    assert [t.order for t in index.ordered(3)] == [0, 3, 4]
    index.discard(tracks[4])
    assert [t.order for t in index.ordered(3)] == [0, 2, 3]
    assert [t.order for t in index.ordered(10)] == [0, 1, 2, 3]
