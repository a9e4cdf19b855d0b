"""Replies addressed to an ask (issue 20, round 13 study of missed links): the cue, the asker named whole, the
meetings named, and the ask put to the responding body."""

from __future__ import annotations

import pytest

from forumlens.threads.actors import body_pattern
from forumlens.threads.cues import find_cue
from forumlens.threads.link import Rules, link_items, meeting_years
from forumlens.threads.models import Item


def _item(year: int, line: int, signal: str, quote: str, **kw: object) -> Item:
    sid = f"s{year}"
    return Item(sid, line, quote, signal, seq=line, **kw).placed(year, (year, sid))  # type: ignore[arg-type]


def _threads_of(linked, line: int) -> list[list[int]]:
    return [[i.line for i in t.items] for t in linked.threads if any(i.line == line for i in t.items)]


@pytest.mark.parametrize(
    "sentence",
    [
        "To the fisheries network's request about the landing sites: from May the ministry pays for two routers.",
        "To the request of the Andean Forum in Lima about captions: every room now has them.",
        "And to the Andean Forum, which asked for this in Lima and again in Quito: the rooms have captions now.",
        "To the question the schools coalition sent us last spring: the recordings stay online for five years.",
        "The archive that this coalition has asked for since its first meeting now exists, with four thousand files.",
        # a sentence that opens on a known request by its topic and answers it after the colon
        "On the captioning request, which the youth network has made since 2015: the Bureau agreed it last week.",
        "Regarding your travel support proposal: two grants a year go to island delegates from now on.",
    ],
)
def test_a_reply_addressed_to_an_ask_is_a_response(sentence: str) -> None:
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == "response"


@pytest.mark.parametrize(
    "sentence",
    [
        "To the question of funding: we need money for the travel of our members.",  # a topic, no asker
        "We went to the regional meeting: it was good.",
        "To the point about captions, we will come back next year.",
        "Our request is the same as in Lima: masts along the river roads.",  # an ask said again, not answered
        "We have one request on captions: every room, every day.",
    ],
)
def test_a_topic_lead_in_is_no_response(sentence: str) -> None:
    cue = find_cue(sentence)
    assert cue is None or cue.signal != "response"


def test_meeting_years_every_meeting_named_in_order() -> None:
    said = "To the Arab IGF, which asked for this in Bali, in Geneva and in Addis: this year in Riyadh it is done."
    assert meeting_years(said, 2024) == [2013, 2017, 2022, 2024]
    assert meeting_years("as you asked in Bali and again in Bali", 2015) == [2013]
    assert meeting_years("the report will be ready in 2030", 2024) == []  # a future year is no meeting held
    assert meeting_years("as you asked last year", 2024) == [2023]
    assert meeting_years("nothing named here", 2024) == []


def test_body_pattern_names_a_body_as_people_do() -> None:
    pattern = body_pattern("IGF Secretariat")
    assert pattern is not None
    assert pattern.search("And to the Secretariat we ask something small.")
    assert not pattern.search("We ask the ministry for help.")
    ctu = body_pattern("Caribbean Telecommunications Union")
    assert ctu is not None and ctu.search("We ask the CTU to help each island.")


def _data_asks() -> list[Item]:
    """Two open asks of two coalitions about data: the first closer in words to the reply below, the second put to
    the Secretariat."""
    return [
        _item(
            2019,
            10,
            "need",
            "Every country needs a law on how long the data of registration for any service is kept, and an authority.",
            coalition="DC on Data Protection",
        ),
        _item(
            2019,
            20,
            "need",
            "And to the Secretariat we ask: tell the participants how long you keep the passport data they give.",
            coalition="DC on Youth Participation",
        ),
    ]


def test_a_response_takes_up_the_ask_put_to_its_body() -> None:
    response = _item(
        2021,
        5,
        "response",
        "To the question from Berlin: we keep the data of registration for ninety days.",
        org="IGF Secretariat",
        about="question",
    )
    linked = link_items([*_data_asks(), response])
    assert _threads_of(linked, 5) == [[20, 5]]
    assert "put to the responding body by name" in next(d.rule for d in linked.decisions if d.item == "s2021:5")
    # without the rule the closer wording wins: the rule is what decides
    plain = link_items([*_data_asks(), response], rules=Rules(response_addressed=0.0))
    assert _threads_of(plain, 5) == [[10, 5]]


def test_the_body_named_only_ranks_never_lifts_a_response_over_the_floor() -> None:
    # a lead-in that says nothing of what was asked stays a response to nothing, though the Secretariat was asked
    lead_in = _item(
        2021, 5, "response", "I start with two things people asked in Berlin.", org="IGF Secretariat", about="question"
    )
    linked = link_items([*_data_asks(), lead_in])
    assert not _threads_of(linked, 5)


def test_a_response_naming_the_asking_body_whole_and_its_meetings() -> None:
    gateways = _item(
        2013, 10, "need", "Open the international gateways to competition, so prices fall.", org="Arab IGF"
    )
    booth = _item(2022, 10, "need", "Give us a booth in the main sessions, at least there.", org="Arab IGF")
    other = _item(2022, 30, "need", "Every main session should have a booth now.", coalition="DC on Accessibility")
    response = _item(
        2024,
        4,
        "response",
        "To the Arab IGF, which asked for this in Bali, in Geneva and in Addis: every main session has a booth now.",
        org="IGF Secretariat",
        about="request",
    )
    linked = link_items([gateways, booth, other, response])
    assert _threads_of(linked, 4) == [[10, 4]]
    thread = next(t for t in linked.threads if any(i.line == 4 for i in t.items))
    assert thread.items[0].year == 2022  # the booth asked in Addis, not the gateways asked in Bali


def test_without_the_asking_body_named_the_closer_wording_of_another_actor_wins() -> None:
    booth = _item(2022, 10, "need", "Give us a booth in the main sessions, at least there.", org="Arab IGF")
    other = _item(2022, 30, "need", "Every main session should have a booth now.", coalition="DC on Accessibility")
    unnamed = _item(
        2024, 4, "response", "As was asked in Addis: every main session has a booth now.", org="IGF Secretariat"
    )
    assert _threads_of(link_items([booth, other, unnamed]), 4) == [[30, 4]]


def test_cue_memo_is_the_callers_and_per_sentence() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from forumlens.threads import cues
    from forumlens.threads.cues import CueMemo

    assert not hasattr(cues, "_LAST")  # no module-level memo keyed by text
    promise, need = "We will publish a toolkit before the next IGF.", "We need travel support for young people."
    memo = CueMemo(promise)
    first = find_cue(promise, memo=memo)
    again = find_cue(promise, signals=frozenset({"promise"}), memo=memo)
    assert first is not None and again is not None and (first.signal, again.signal) == ("promise", "promise")
    # a memo of another sentence is not read: the answer is the sentence's own
    other = find_cue(need, memo=memo)
    assert other is not None and other.signal == "need"
    # many threads at once, each on its own sentences, get each sentence's own answer
    sentences = [promise, need] * 200
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(lambda s: find_cue(s, memo=CueMemo(s)), sentences))
    assert [c.signal if c else None for c in found] == ["promise", "need"] * 200


def test_a_need_said_again_at_a_named_meeting_joins_the_ask_raised_there() -> None:
    first = _item(
        2013, 10, "need", "Somebody has to pay for a decent link on the days of the forum.", org="Pacific Forum"
    )
    other = _item(2013, 20, "need", "The agenda should have a session on the cost of roaming.", org="Pacific Forum")
    again = _item(
        2015,
        7,
        "need",
        "We said it in Bali and we say it again: the hubs need someone to fund a proper connection.",
        org="Pacific Forum",
    )
    linked = link_items([first, other, again])
    assert _threads_of(linked, 7) == [[10, 7]]
    assert "says it repeats what it asked at the meeting it names" in next(
        d.rule for d in linked.decisions if d.item == "s2015:7"
    )
    # without the repeat, or naming a meeting where the actor asked nothing, the words alone decide: apart
    plain = _item(2015, 7, "need", "In Bali the hubs need someone to fund a proper connection.", org="Pacific Forum")
    assert _threads_of(link_items([first, other, plain]), 7) == [[7]]
    elsewhere = _item(
        2015,
        7,
        "need",
        "We said it in Geneva and we say it again: the hubs need a proper connection.",
        org="Pacific Forum",
    )
    assert _threads_of(link_items([first, other, elsewhere]), 7) == [[7]]


def _webinar_and_course() -> list[Item]:
    return [
        _item(
            2017,
            5,
            "promise",
            "Next year we will run a webinar in Portuguese for small firms.",
            org="ISO",
            family="event",
            head="webinar",
        ),
        _item(
            2017,
            9,
            "promise",
            "We will run a course in Portuguese on open formats for our members.",
            coalition="DC on Open Standards",
            family="event",
            head="course",
        ),
    ]


def test_a_follow_up_whose_subject_is_another_body_tells_of_that_bodys_promise() -> None:
    told = _item(
        2019,
        3,
        "delivery",
        "ISO ran the webinar in Portuguese, and forty firms took part.",
        coalition="DC on Open Standards",
        family="event",
        head="webinar",
        cue="ran",
    )
    linked = link_items([*_webinar_and_course(), told])
    assert _threads_of(linked, 3) == [[5, 3]]
    # said as the teller's own ("our"), the same words tell of the coalition's own promise
    own = _item(
        2019,
        3,
        "delivery",
        "Our partners at ISO ran the course in Portuguese, and forty firms took part.",
        coalition="DC on Open Standards",
        family="event",
        head="course",
        cue="ran",
    )
    assert _threads_of(link_items([*_webinar_and_course(), own]), 3) == [[9, 3]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Our toolkit for librarians will be available in French and Arabic before we meet next year.",
        "By 2020 we will help ten countries to start their own national IGF, with a starter kit.",
        "We will report to the MAG at its first meeting of next year on the travel support given.",
    ],
)
def test_promises_said_as_availability_help_or_a_report_back(sentence: str) -> None:
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == "promise"


def test_a_report_that_is_not_promised_is_no_promise() -> None:
    cue = find_cue("Last year we reported to the MAG on the travel support given.")
    assert cue is None or cue.signal != "promise"
