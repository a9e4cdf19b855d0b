"""Link rules of stop 21: a response naming a coalition or a floor asker, a deliverable promised as a verb."""

from __future__ import annotations

from forumlens.threads.link import link_items, named_coalition
from forumlens.threads.models import Item


def _item(year: int, line: int, signal: str, quote: str, **kw: object) -> Item:
    sid = f"s{year}"
    return Item(sid, line, quote, signal, seq=line, **kw).placed(year, (year, sid))  # type: ignore[arg-type]


def _threads_of(linked, line: int) -> list[list[int]]:
    return [[i.line for i in t.items] for t in linked.threads if any(i.line == line for i in t.items)]


def test_named_coalition_words() -> None:
    response = _item(
        2023, 1, "response", "Following what the schools coalition asked in Kyoto, every room has captions."
    )
    assert named_coalition(response) == frozenset({"school"})
    spans = "As the DC on Community Connectivity asked, the fund pays for travel."
    start = spans.index("DC on")
    named = _item(2023, 2, "response", spans, names=((start, start + len("DC on Community Connectivity")),))
    assert named_coalition(named) == frozenset({"community", "connectivity"})
    assert named_coalition(_item(2023, 3, "response", "The coalition asked us, and we did it.")) == frozenset()


def test_a_response_naming_a_coalition_takes_up_its_ask_not_a_closer_one() -> None:
    money = _item(
        2022,
        10,
        "need",
        "We ask the Secretariat to pay for captions in every session room.",
        coalition="DC on Accessibility and Disability",
        category="funding",
    )
    schools = _item(
        2022,
        20,
        "need",
        "We ask the Secretariat for captions and recordings of every session for our schools.",
        coalition="DC on Schools of Internet Governance",
        category="other",
    )
    response = _item(
        2023,
        5,
        "response",
        "Following what the schools coalition asked, every session room now has captions.",
        org="IGF Secretariat",
        about="request",
    )
    linked = link_items([money, schools, response])
    assert _threads_of(linked, 5) == [[20, 5]]
    # without the name, the closer wording wins: the rule is what decides
    plain = _item(
        2023,
        5,
        "response",
        "Following the request, every session room now pays for captions.",
        org="IGF Secretariat",
        about="request",
    )
    assert _threads_of(link_items([money, schools, plain]), 5) == [[10, 5]]


def test_a_question_from_the_floor_is_not_taken_for_a_coalitions_ask() -> None:
    ask = _item(
        2022,
        10,
        "need",
        "We ask who can close a coalition that stays inactive for years.",
        coalition="DC on Test",
        category="other",
    )
    question = _item(2022, 30, "question", "Who decides when a coalition that is inactive closes?", speaker="Rui Sa")
    answer = _item(2022, 31, "answer", "Good question, we will look at it.", answers=30, org="IGF Secretariat")
    response = _item(
        2023,
        5,
        "response",
        "Last year a participant asked who can close a coalition that stays inactive: the MAG can close it.",
        org="IGF Secretariat",
        about="question",
    )
    linked = link_items([ask, question, answer, response])
    assert [10] in [[i.line for i in t.items] for t in linked.threads]  # the coalition's ask stays unanswered
    # the same words from an institution that names no asker take up the ask
    plain = _item(
        2023,
        5,
        "response",
        "Last year you asked who can close a coalition that stays inactive: the MAG can close it.",
        org="IGF Secretariat",
        about="question",
    )
    assert [10, 5] in [[i.line for i in t.items] for t in link_items([ask, question, answer, plain]).threads]


def test_a_deliverable_promised_as_a_verb_takes_its_delivery() -> None:
    promise = _item(
        2022,
        4,
        "promise",
        "Within two years the coalition will map the public funding schemes for local radio in ten countries.",
        coalition="DC on Test",
        family="project",
        head="funding",
    )
    delivered = _item(
        2024,
        6,
        "delivery",
        "The map of public funding for local radio in ten countries, which we launched in May, is online.",
        coalition="DC on Test",
        family="map",
        head="map",
    )
    survey = _item(
        2024,
        8,
        "delivery",
        "The survey of local radio in ten countries is out now.",
        coalition="DC on Test",
        family="survey",
        head="survey",
    )
    linked = link_items([promise, delivered, survey])
    assert _threads_of(linked, 4) == [[4, 6]]
    assert linked.threads[0].status == "fulfilled"
    # another deliverable in the same words is still another deliverable: no promise of a survey is on record
    assert _threads_of(linked, 8) == []


def test_an_answer_in_two_sentences_of_one_turn_is_one_answer() -> None:
    ask = _item(
        2022,
        10,
        "need",
        "So we ask the MAG to keep the policy network on data flows for more than one year.",
        coalition="DC on Test",
        category="other",
    )
    first = _item(
        2023,
        7,
        "response",
        "In Addis, the test coalition asked us to keep the data flows work for more than one year.",
        org="MAG",
        speaker="Ada Obi",
        about="question",
    )
    second = Item(
        "s2023",
        7,
        "The MAG decided to continue the policy network on data flows for a second year.",
        "response",
        speaker="Ada Obi",
        org="MAG",
        about="enacted",
        seq=9,
    ).placed(2023, (2023, "s2023"))
    linked = link_items([ask, first, second])
    assert [[(i.line, i.seq) for i in t.items] for t in linked.threads] == [[(10, 10), (7, 7), (7, 9)]]
    # another speaker, or a sentence alike to nothing asked, is not the same answer
    other = _item(
        2023,
        8,
        "response",
        "The MAG decided to continue the policy network on data flows.",
        org="MAG",
        speaker="Bo Li",
        about="enacted",
    )
    unrelated = Item(
        "s2023",
        7,
        "The MAG decided to renew a third of its members this year.",
        "response",
        speaker="Ada Obi",
        org="MAG",
        about="enacted",
        seq=11,
    ).placed(2023, (2023, "s2023"))
    for extra in (other, unrelated):
        got = link_items([ask, first, extra])
        assert [len(t.items) for t in got.threads] == [2]
