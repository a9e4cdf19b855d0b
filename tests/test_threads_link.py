"""Linking and status rules of `forumlens.threads` on small hand-written items (not the bench corpus)."""

from __future__ import annotations

import random

import pytest

from forumlens.threads import ROLES, STATUSES, Item, LexicalScorer, link_items
from forumlens.threads.link import Rules, actor_of

_seq = iter(range(1, 10_000))


def item(
    year: int,
    signal: str,
    quote: str,
    *,
    coalition: str | None = "DC Alpha",
    session: str | None = None,
    category: str = "other",
    family: str | None = None,
    speaker: str | None = "Ana Lima",
    org: str | None = None,
    about: str = "",
    answers: int | None = None,
    line: int | None = None,
) -> Item:
    """An item placed in `year`; each year is its own session unless `session` says otherwise."""
    sid = session or f"s{year}"
    n = next(_seq)
    return Item(
        sid,
        line or n,
        quote,
        signal,
        speaker=speaker,
        coalition=coalition,
        org=org,
        category=category,
        family=family,
        head=family,
        about=about,
        answers=answers,
        seq=n,
    ).placed(year, (year, sid))


def statuses(threads):
    return sorted((t.kind, t.status, len(t.items)) for t in threads)


def test_one_need_worded_differently_each_year_is_one_recurring_thread():
    items = [
        item(
            2019, "need", "We need a grants fund so village operators can buy routers and antennas.", category="funding"
        ),
        item(
            2020,
            "need",
            "Without seed money for hardware such as routers, these village networks close.",
            category="funding",
        ),
        item(
            2022, "need", "Again we asked donors for a facility that pays for antennas in villages.", category="funding"
        ),
    ]
    linked = link_items(items)
    assert statuses(linked.threads) == [("ask", "recurring", 3)]
    assert [role for _, role in linked.threads[0].entries] == ["raised", "repeated", "repeated"]
    assert (linked.threads[0].first_year, linked.threads[0].last_year) == (2019, 2022)


def test_the_same_need_of_two_actors_is_never_joined():
    a = item(2020, "need", "We need a grants fund so operators can buy routers.", category="funding")
    b = item(
        2021, "need", "We need a grants fund so operators can buy routers.", category="funding", coalition="DC Beta"
    )
    linked = link_items([a, b])
    assert statuses(linked.threads) == [("ask", "raised-once", 1), ("ask", "raised-once", 1)]
    refused = [c for d in linked.decisions for c in d.candidates]
    assert refused == []  # another actor's thread is not even a candidate


def test_two_needs_of_one_actor_stay_apart():
    money = item(2020, "need", "We need funding so rural operators can buy radios.", category="funding")
    skills = item(2021, "need", "Our rural operators need training to repair radios.", category="capacity-building")
    linked = link_items([money, skills])
    assert len(linked.threads) == 2
    decision = next(d for d in linked.decisions if d.item == skills.ref)
    assert decision.action == "opened" and "other category" in decision.candidates[0][2]


def test_same_category_but_another_object_is_another_need():
    travel = item(2020, "need", "We need funding and grants for the travel of youth delegates.", category="funding")
    servers = item(2021, "need", "We need funding and grants for servers that host our archive.", category="funding")
    assert len(link_items([travel, servers]).threads) == 2  # alike as money (score > 0.15), nothing else shared
    assert len(link_items([travel, servers], rules=Rules(ask_same_object=0.0)).threads) == 1


def test_promise_delivered_later_is_fulfilled_and_a_slip_is_unfulfilled():
    items = [
        item(2019, "promise", "We will publish guidelines for accessible remote meetings.", family="guidelines"),
        item(2019, "promise", "We are also planning a survey of caption quality.", family="survey", session="s2019"),
        item(2020, "update", "Our guidelines on remote meetings are still being drafted.", family="guidelines"),
        item(
            2021, "delivery", "The remote meeting guidelines we released in May are used widely.", family="guidelines"
        ),
        item(2022, "slip", "The caption survey we announced did not happen.", family="survey"),
    ]
    linked = link_items(items)
    by_family = {t.items[0].family: t for t in linked.threads}
    assert by_family["guidelines"].status == "fulfilled"
    assert [r for _, r in by_family["guidelines"].entries] == ["raised", "update", "delivered"]
    assert by_family["survey"].status == "unfulfilled"
    assert [r for _, r in by_family["survey"].entries] == ["raised", "reported"]


def test_a_delivery_of_another_deliverable_does_not_fulfil_a_promise():
    promise = item(2019, "promise", "We will produce a study on spectrum licences.", family="study")
    other = item(2020, "delivery", "We launched our toolkit on spectrum licences.", family="toolkit")
    linked = link_items([promise, other])
    assert statuses(linked.threads) == [("commitment", "pending", 1)]
    dropped = next(d for d in linked.decisions if d.item == other.ref)
    assert dropped.action == "dropped" and "not on record" in dropped.rule


def test_a_re_promise_updates_its_thread_but_another_report_is_another_promise():
    items = [
        item(2019, "promise", "We will publish a report on youth participation in village networks.", family="report"),
        item(2020, "promise", "Our report on youth participation will be published next spring.", family="report"),
        item(2021, "promise", "We will publish a report on artificial intelligence and elections.", family="report"),
        item(2022, "delivery", "The youth participation report we launched in May is online.", family="report"),
    ]
    linked = link_items(items)
    assert sorted((t.status, [r for _, r in t.entries]) for t in linked.threads) == [
        ("fulfilled", ["raised", "update", "delivered"]),
        ("pending", ["raised"]),
    ]


def test_the_latest_outcome_decides_and_a_pending_promise_stays_pending():
    items = [
        item(2019, "promise", "We will release a handbook for trainers.", family="guide"),
        item(2020, "slip", "The handbook was postponed.", family="guide"),
        item(2021, "promise", "We will present a charter of principles.", family="charter"),
    ]
    linked = link_items(items)
    assert {t.items[0].family: t.status for t in linked.threads} == {"guide": "unfulfilled", "charter": "pending"}


def test_question_answered_in_session_later_or_never():
    q1 = item(2019, "question", "How many networks are on your map today?", coalition=None, speaker="Rui Sa", line=5)
    a1 = item(2019, "answer", "We count about two hundred networks.", coalition="DC Alpha", answers=5)
    q2 = item(
        2019,
        "question",
        "Will the MAG reserve plenary time for coalitions next year?",
        coalition=None,
        speaker="Rui Sa",
    )
    r2 = item(
        2020,
        "response",
        "To answer the question raised last year, the MAG reserved plenary time for coalitions.",
        coalition=None,
        org="MAG",
        speaker="Mia Berg",
        about="question",
    )
    q3 = item(2019, "question", "Who pays for interpreting coalition outputs?", coalition=None, speaker="Rui Sa")
    linked = link_items([q1, a1, q2, r2, q3])
    assert statuses(linked.threads) == [
        ("question", "answered", 2),
        ("question", "answered-later", 2),
        ("question", "open", 1),
    ]


def test_an_institution_answering_an_ask_and_never_its_own():
    ask = item(
        2019,
        "need",
        "We ask the envoy's office to hold a regular briefing with coalitions.",
        category="communication-channels",
    )
    own = item(
        2020, "response", "Following the request, we now hold a regular briefing with coalitions.", about="request"
    )  # the same actor: not an answer to itself
    answer = item(
        2021,
        "response",
        "Following the request from coalitions, our office holds a quarterly briefing.",
        coalition=None,
        org="Envoy's office",
        speaker="Eva Holm",
        about="request",
    )
    linked = link_items([ask, own, answer])
    thread = next(t for t in linked.threads if t.kind == "ask")
    assert thread.status == "answered"
    assert [(i.org, r) for i, r in thread.entries] == [(None, "raised"), ("Envoy's office", "answered")]


def test_two_sessions_needed_for_recurring():
    a = item(2020, "need", "We need funding for community radios in villages.", category="funding", session="one")
    b = item(
        2020,
        "need",
        "Again: funding for community radios in villages is what we need.",
        category="funding",
        session="one",
    )
    linked = link_items([a, b])
    assert statuses(linked.threads) == [("ask", "raised-once", 2)]


def test_threads_do_not_depend_on_the_order_items_come_in():
    items = [
        item(2019, "need", "We need funding for village radios.", category="funding"),
        item(2019, "promise", "We will publish a toolkit for village networks.", family="toolkit", session="s2019"),
        item(2020, "need", "Village radios still lack money.", category="funding"),
        item(2021, "delivery", "We launched the village network toolkit.", family="toolkit"),
    ]
    expected = statuses(link_items(items).threads)
    shuffled = items[:]
    random.Random(7).shuffle(shuffled)
    assert (
        statuses(link_items(shuffled).threads) == expected == [("ask", "recurring", 2), ("commitment", "fulfilled", 2)]
    )


def test_explain_names_the_rule_the_score_and_the_shared_words():
    a = item(2019, "need", "We need a grants fund so operators can buy routers.", category="funding")
    b = item(2020, "need", "Operators still lack grants for routers.", category="funding")
    linked = link_items([a, b])
    thread = linked.threads[0]
    decisions = linked.explain(thread.id)
    assert [d.action for d in decisions] == ["opened", "joined"]
    joined = decisions[1]
    assert "same actor" in joined.rule and "same category" in joined.rule
    assert joined.score is not None and joined.score >= Rules().ask_same_category
    assert {"@money", "@equipment"} <= set(joined.shared)  # grants/fund, routers: concepts, not words


def test_thresholds_are_what_decides():
    a = item(2019, "need", "We need a grants fund so operators can buy routers.", category="funding")
    b = item(2020, "need", "Operators still lack grants for routers.", category="funding")
    strict = Rules(ask_same_category=0.99, ask_other_category=0.99)
    # the thresholds alone (the need-pair model, which adds joins the rules refuse, set aside)
    assert len(link_items([a, b], rules=strict, model=False).threads) == 2


def test_actor_falls_back_from_coalition_to_office_to_person():
    assert actor_of(item(2020, "need", "x y z w v")) == "coalition:DC Alpha"
    assert actor_of(item(2020, "need", "x y z w v", coalition=None, org="UN DESA")) == "org:UN DESA"
    assert actor_of(item(2020, "need", "x y z w v", coalition=None, speaker="Ána Lima")) == "person:ana lima"


def test_json_contract_fields_roles_and_statuses():
    items = [
        item(2019, "promise", "We will publish a toolkit for village networks.", family="toolkit"),
        item(2021, "delivery", "We launched the village network toolkit.", family="toolkit"),
    ]
    data = link_items(items).threads[0].to_json()
    assert list(data)[:9] == [
        "id",
        "kind",
        "category",
        "coalition",
        "status",
        "first_year",
        "last_year",
        "summary",
        "actor",
    ]
    assert data["status"] in STATUSES[data["kind"]]
    for entry in data["items"]:
        assert set(entry) == {"session", "line", "year", "speaker", "role", "quote"}
        assert entry["role"] in ROLES


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("We need a small grants fund for routers.", "Seed money for hardware is what is missing.", True),
        ("Public libraries need money to keep Wi-Fi free.", "Libraries lack funding to keep connections open.", True),
        ("We need a small grants fund for routers.", "Our technicians need training in rural areas.", False),
    ],
)
def test_lexical_scorer_meets_paraphrases_through_concepts(a, b, alike):
    x, y = item(2020, "need", a), item(2021, "need", b)
    score = LexicalScorer([x, y]).similarity(x, y)
    assert (score >= 0.25) is alike, score


def test_news_told_in_the_session_of_a_delivery_is_not_that_delivery_told_again():
    promise = item(2019, "promise", "We will publish a leaflet on safe seed storage for farmers.", family="leaflet")
    done = item(2021, "delivery", "The leaflet on safe seed storage is done and printed.", family="leaflet")
    news = item(
        2021,
        "update",
        "This year we start a new leaflet on seed storage, an open format for farmers to edit.",
        family="leaflet",
        session="s2021",
    )
    linked = link_items([promise, done, news])
    delivered = next(t for t in linked.threads if t.status == "fulfilled")
    assert news.ref not in [i.ref for i, _ in delivered.entries]
