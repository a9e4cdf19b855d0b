"""Threads on groups and layouts the registry and the parser never saw (issue 20, the ninth blind set's misses).

Extraction: a hard-wrapped caption (a sentence over several ~78-character lines; the parser makes the line
after a sentence end a turn of its own) keeps its speaker, and an item cites the line holding its cue; a body of
an intersessional family the registry does not know, named by its topic in any case, is its speaker's actor;
a hub speaker who says "Hello? Can you hear?" first still introduces themself; deferrals are no answers.
Linking: a forum named by its acronym one year and spelt out the next is one actor; a delivery told by
another actor that names who promised it joins that actor's promise.
Sessions go through the real pipeline (`prepare_bytes`), as `forumlens ingest` does.
"""

from __future__ import annotations

import pytest

from forumlens.threads import link_items, place_items
from forumlens.threads.actors import _family_body, body_aliases
from forumlens.threads.cues import find_cue
from forumlens.threads.link import promised_by
from forumlens.threads.models import Item, SessionItems

from .threads_support import items_of

WRAPPED = """Lorenzo Bassi: Good morning and welcome to this session on intersessional work.
Two speakers today. Wanjiru, please.

Wanjiru Kamau: Thank you, Lorenzo. Wanjiru Kamau, dynamic coalition on tower
maintenance. I am glad to be here again in this room with all of you, truly.
Donors like to pay for towers but never for the people who keep them running,
and this is why so many village networks die after two years. Governments should
fund the salary of one local technician for every village network for five years.
And we will do our part: our coalition will publish a handbook on maintenance
for village technicians before the next forum.

Lorenzo Bassi: Thank you. Any reactions?
"""


def test_a_hard_wrapped_sentence_cites_the_line_around_its_cue() -> None:
    found = items_of(WRAPPED, "igf2030-wrapped.txt")
    lines = WRAPPED.split("\n")
    need = next(i for i in found.items if i.signal == "need")
    promise = next(i for i in found.items if i.signal == "promise")
    # "Governments should / fund the salary …": the line with the words after the cue, not the sentence's first
    assert need.line == 8 and need.quote == lines[7]
    assert promise.line == 9 and "will publish a handbook" in promise.quote and promise.quote in lines[8]
    assert need.speaker == promise.speaker == "Wanjiru Kamau"
    assert need.org == promise.org == "Dynamic Coalition on Tower Maintenance"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Tevita Lolohea, dynamic coalition on Internet and climate change, from Tonga.",
            "Dynamic Coalition on Internet and Climate Change",
        ),
        (
            "I coordinate the Dynamic Coalition on Internet and Climate Change this year.",
            "Dynamic Coalition on Internet and Climate Change",
        ),
        ("Mbali Dlamuka, best practice forum on IXPs.", "Best Practice Forum on IXPs"),
        ("Rosa Huaman, Coalition on Sami Languages Online.", "Coalition on Sami Languages Online"),
        ("I am here for the policy network on water and data, and I thank you.", "Policy Network on Water and Data"),
        ("Thank you for having me.", None),
    ],
)
def test_a_body_of_an_intersessional_family_is_named_by_its_topic(text: str, name: str | None) -> None:
    found = _family_body(text)
    assert (found[0] if found else None) == name


def test_an_acronym_and_a_short_family_name_are_the_same_body() -> None:
    names = [
        "Best Practice Forum on IXPs",
        "Best Practice Forum on Internet Exchange Points",
        "Coalition on Sami Languages Online",
        "Dynamic Coalition on Sami Languages Online",
        "Best Practice Forum on Gender",
        "IGF Secretariat",
    ]
    assert body_aliases(names) == {
        "Best Practice Forum on IXPs": "Best Practice Forum on Internet Exchange Points",
        "Coalition on Sami Languages Online": "Dynamic Coalition on Sami Languages Online",
    }
    # an acronym that does not spell the other topic is another body
    assert body_aliases(["Best Practice Forum on IXPs", "Best Practice Forum on Internet Governance"]) == {}


@pytest.mark.parametrize(
    ("quote", "who"),
    [
        ("the repair course that UNEP promised last year was held in March", {"unep"}),
        ("The workshop that the Internet Society promised in Lima took place in May", {"internet", "society"}),
        ("In Paris the ministry promised to connect schools to the fibre.", {"ministry"}),
        ("The port study we announced in Paris did not happen", set()),
    ],
)
def test_who_made_the_promise_a_follow_up_tells_of(quote: str, who: set[str]) -> None:
    assert promised_by(quote) == who


YEAR_ONE = """>> ANA RUIZ: Welcome. Joseph, please.

>> JOSEPH OKELLO: Joseph Okello, UNEP, the chemicals team in Nairobi.  UNEP will run a repair course for phone technicians in the Pacific next year.

>> ANA RUIZ: Thank you.  Lani.

>> LANI TUPOU: Lani Tupou, dynamic coalition on island networks.  We will publish a map of island cables before the next forum.
"""

YEAR_TWO = """>> EVA HOLM: Welcome back.  Lani, please.

>> LANI TUPOU: Lani Tupou, dynamic coalition on island networks.  First a delivery that is not ours: the repair course that UNEP promised last year was held in Suva in March, with thirty technicians.
"""


def test_a_delivery_told_by_another_actor_joins_the_promise_of_the_actor_it_names() -> None:
    first, second = items_of(YEAR_ONE, "igf2031-one.txt"), items_of(YEAR_TWO, "igf2032-two.txt")
    placed = place_items([(2031, (2031, 0), first), (2032, (2032, 1), second)])
    threads = [t for t in link_items(placed).threads if t.kind == "commitment"]
    course = next(t for t in threads if any("repair course" in i.quote for i in t.items))
    assert course.actor == "org:UNEP" and course.status == "fulfilled"
    assert [r for _, r in course.entries] == ["raised", "delivered"]
    cables = next(t for t in threads if any("island cables" in i.quote for i in t.items))
    assert cables.status == "pending" and len(cables.items) == 1  # the coalition's own promise is untouched


HUB = """>> MODERATOR: We go to the hub in Cotonou now.

>> REMOTE HUB COTONOU: Hello? Can you hear? Okay. Good afternoon from Cotonou, we are thirty people in the hub. I am Rodrigue Agossa from the Benin IGF. The electricity company must give priority to the telecom towers when there are cuts.

>> MODERATOR: Thank you, Cotonou.  A question from the floor.

>> PARTICIPANT: Oskar Nowak, a student.  Will the next meeting be hybrid again?

>> MODERATOR: Secretariat?

>> TOMAS ARRIAGA: Honestly, this is not decided.  It depends on the host country.
"""


def test_a_hub_speaker_introduced_after_a_sound_check_and_a_deferral_is_no_answer() -> None:
    found = items_of(HUB, "igf2031-hub.txt")
    need = next(i for i in found.items if i.signal == "need")
    assert need.org == "Beninese Internet Governance Forum"
    assert not [i for i in found.items if i.signal == "answer"]


def test_a_body_the_speaker_said_elsewhere_beats_the_people_analysis_guess() -> None:
    def need(session: str, coalition: str | None, org: str | None) -> Item:
        quote = "The captions should also be in French for the hubs."
        return Item(session, 3, quote, "need", speaker="Tomás Arriaga", coalition=coalition, org=org)

    said = SessionItems((need("s2020", None, "IGF Secretariat"),), bodies={"Tomás Arriaga": "IGF Secretariat"})
    guessed = SessionItems((need("s2021", "DC on Gender", None),), guessed=("Tomás Arriaga",))
    kept = SessionItems((need("s2022", "DC on Gender", None),))  # not a guess there: left as it is
    placed = place_items([(2020, (2020,), said), (2021, (2021,), guessed), (2022, (2022,), kept)])
    assert [(i.coalition, i.org) for i in placed] == [
        (None, "IGF Secretariat"),
        (None, "IGF Secretariat"),
        ("DC on Gender", None),
    ]
    assert SessionItems.from_json("s2021", guessed.to_json()).guessed == ("Tomás Arriaga",)


@pytest.mark.parametrize(
    "sentence",
    [
        "The legal hotline we announced in Guadalajara, we could not keep it alive.",
        "Only forty schools are connected, and the programme stopped last year.",
        "We could not keep it going after the grant ended.",
    ],
)
def test_a_promise_that_died_is_a_slip(sentence: str) -> None:
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == "slip"


def test_we_stopped_somewhere_is_no_slip() -> None:
    assert find_cue("We stopped at the station on the way.") is None


SLIPPED = """>> ANA RUIZ: Welcome.  Karim, please.

>> KARIM HADDAD: Karim Haddad, Dynamic Coalition on Press Freedom.  We will open a hotline where arrested bloggers find a lawyer within a day.
"""

SLIPPED_LATER = """>> EVA HOLM: Welcome back.  Karim.

>> KARIM HADDAD: Karim Haddad, Dynamic Coalition on Press Freedom.  The legal hotline we announced last year, we could not keep it alive.  The lawyers were volunteers.
"""


def test_a_fate_told_after_the_thing_it_names_back_closes_that_promise() -> None:
    first, second = items_of(SLIPPED, "igf2031-a.txt"), items_of(SLIPPED_LATER, "igf2032-b.txt")
    slip = next(i for i in second.items if i.signal == "slip")
    assert slip.head == "hotline"  # the opening noun the promise names back, not "it"
    placed = place_items([(2031, (2031, 0), first), (2032, (2032, 1), second)])
    commitment = next(t for t in link_items(placed).threads if t.kind == "commitment")
    assert commitment.status == "unfulfilled"
    assert {i.session for i in commitment.items} == {"igf2031-a.txt", "igf2032-b.txt"}


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        (
            "The guide that Mbali promised is online, in English and Portuguese, and a Spanish edition is being translated.",
            "delivery",
        ),
        ("The report is out, and the translation is under way.", "delivery"),
        ("Our toolkit is still being drafted.", "update"),  # no delivery before it: an update as before
    ],
)
def test_a_delivery_in_the_main_clause_wins_over_work_going_on_in_a_clause_after_it(sentence: str, signal: str) -> None:
    cue = find_cue(sentence)
    assert cue is not None and cue.signal == signal
