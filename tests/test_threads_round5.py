"""Threads, fifth round (issue 20): items told in new words, needs joined across categories, explain.

Extraction: slips told as a state or a phrasal verb ("is late", "we gave it up"), plans
confirmed, deliveries in the speaker's own past tense ("we wrote our annual report", "that we
set up"), responses that quote the request ("following what the coalition asked") or what the
floor told the institution at a named meeting, needs renewed or held as a line; a coalition
named in short by its own member ("the accessibility coalition will …") promises as "we will"
does. Linking: a need whose wording has no category the lexicon reads joins when its object is
shared; the words most of an actor's needs say (its topic) are set aside when two needs' object is compared.
`--explain` names the thread a weighed item went to. Sessions go through the real pipeline.
"""

from __future__ import annotations

import pytest

from forumlens.threads import link_items, place_items
from forumlens.threads.cues import find_cue
from forumlens.threads.link import RULES, _actor_topics, actor_of
from forumlens.threads.models import Item
from forumlens.threads.render import format_explain
from forumlens.threads.similarity import LexicalScorer

from .threads_support import items_of


@pytest.mark.parametrize(
    ("sentence", "signal"),
    [
        ("The glossary of accessible terms is late.", "slip"),
        ("The podcast series, we gave it up in the spring because nobody had time.", "slip"),
        ("The toolkit will not be ready before the next IGF, I am afraid.", "slip"),
        ("The summer school in Accra is confirmed, with thirty students.", "update"),
        ("This year we wrote our annual report with the help of six universities.", "delivery"),
        ("The mailing list that we set up after Kyoto has four hundred members.", "delivery"),
        ("It was presented at the regional IGF in March.", "delivery"),
        ("Last year, following what the schools coalition asked in Riyadh, we opened a fund.", "response"),
        ("In Lillestrøm the youth delegates told us that the rooms were too expensive.", "response"),
        ("In Kyoto a participant asked the Secretariat which coalitions are still active.", "response"),
        ("We renew our call: every host country must publish its visa rules a year ahead.", "need"),
        ("Captions in every room, this has been our line since Riyadh.", "need"),
        ("Electricity is still the problem number one for rural schools in our region.", "need"),
        # not items: a late hour, a story told, a moderator's aside
        ("It is too late to change the agenda now.", None),
        ("My grandmother told us a story about the first telephone in the village.", None),
    ],
)
def test_cues_of_this_round(sentence, signal):
    found = find_cue(sentence)
    assert (found.signal if found else None) == signal


ACCESS = """IGF 2036 – Coalitions main session

>> MODERATOR:  Welcome back, I am Ilse Berg and I moderate this session.

>> ROSA IBARRA:  Thank you.  Rosa Ibarra, Dynamic Coalition on Accessibility and Disability.  Many venues are still not accessible for wheelchair users.  Before the next IGF the accessibility coalition will publish a register of accessible venues in every host region.

>> MODERATOR:  Thank you, Rosa.  We continue.
"""


def test_a_coalition_named_in_short_by_its_own_member_promises():
    promises = [i for i in items_of(ACCESS, "access-2036.txt").items if i.signal == "promise"]
    assert [(p.coalition, p.family, p.head) for p in promises] == [
        ("DC on Accessibility and Disability", "map", "register")
    ]


def _need(year: int, quote: str, n: int, category: str, coalition: str = "DC on Community Connectivity") -> Item:
    return Item(f"s{year}", n, quote, "need", coalition=coalition, category=category, seq=n).placed(
        year, (year, f"s{year}")
    )


def test_a_need_whose_category_is_unread_joins_when_its_object_is_shared():
    first = _need(
        2030,
        "Regulators must make spectrum available to community networks at a price a village cooperative can pay.",
        1,
        "funding",
    )
    again = _need(2033, "Village networks still cannot get spectrum from the regulators.", 2, "other")
    linked = link_items([first, again])
    assert len(linked.threads) == 1 and "category unread in one wording" in linked.decisions[-1].rule
    other = _need(2033, "Once more: a village network needs a seat on the national advisory board.", 2, "other")
    assert len(link_items([first, other]).threads) == 2  # another object: the unread category is no licence


def test_the_words_every_need_of_an_actor_says_are_its_topic_and_no_shared_object():
    needs = [
        _need(2030, "Universal service funds should be open to community networks.", 1, "funding"),
        _need(2030, "Community networks need trainers for their volunteers.", 2, "capacity-building"),
        _need(2030, "Community networks should count in the national statistics.", 3, "visibility"),
        _need(2031, "Community networks want a seat in the national broadband plan.", 4, "participation"),
        _need(2031, "We ask the IGF to pay the travel of community network operators.", 5, "funding"),
        _need(2031, "Community networks must be heard by the regulators.", 6, "participation"),
    ]
    others = [_need(2031, "Schools need fibre to every classroom.", 7, "funding", coalition="DC on Schools")]
    scorer = LexicalScorer([*needs, *others])
    every = [*needs, *others]
    topics = _actor_topics(every, [scorer.text_id(i) for i in every], scorer, RULES)
    topic = topics[actor_of(needs[0])]
    assert topic == {"community", "@network"}  # what all six say; "funding", "regulators" only one or two
    assert actor_of(others[0]) not in topics  # one need is no topic
    funds, travel = scorer.text_id(needs[0]), scorer.text_id(needs[4])
    plain = scorer.residual_pair(funds, travel, "funding")
    assert plain > 0 and scorer.residual_without_pair(funds, travel, "funding", topic) < plain
    assert (
        len(_actor_topics(needs[:5], [scorer.text_id(i) for i in needs[:5]], scorer, RULES)) == 0
    )  # five needs: too few to say what the actor is about


def test_explain_names_the_thread_an_item_weighed_against_this_one_went_to():
    first = _need(2030, "We need travel grants for young delegates from the Pacific.", 1, "funding")
    other = _need(2031, "We need money to pay for the servers of our archive.", 2, "funding")
    linked = link_items([first, other])
    assert len(linked.threads) == 2
    text = format_explain(linked.threads[0], linked)
    went = [line for line in text.splitlines() if "s2031:2" in line]
    assert went and f"went to thread {linked.threads[1].id}" in went[0]
    assert linked.threads[1].summary[:20] in went[0] and "servers of our archive" in went[0]


MAP_2033 = """IGF 2033 – Community connectivity open forum

>> MODERATOR:  Good morning, I am Sami Haddad.  The connectivity coalition first.

>> NOA TUPOU:  Thank you.  Noa Tupou, Dynamic Coalition on Community Connectivity.  By the next IGF we will publish a map of the community networks of the Pacific islands, with their contacts.

>> MODERATOR:  Thank you, Noa.
"""

MAP_2034 = """IGF 2034 – Community connectivity open forum

>> MODERATOR:  Welcome, I am Sami Haddad again.

>> NOA TUPOU:  Noa Tupou, Dynamic Coalition on Community Connectivity.  I have to be honest about our own work.  The map of community networks is late, half of the islands did not answer.

>> MODERATOR:  Thank you for saying it.
"""

MAP_2035 = """IGF 2035 – Community connectivity open forum

>> MODERATOR:  Good afternoon, Sami Haddad.

>> NOA TUPOU:  Noa Tupou, Dynamic Coalition on Community Connectivity.  The map of community networks, we gave it up in the spring: the data was old before it was complete.

>> MODERATOR:  Thank you.
"""


def test_a_promise_told_late_then_given_up_in_other_words_is_unfulfilled():
    sessions = [
        (year, (year, name), items_of(text, name))
        for year, name, text in (
            (2033, "map-2033.txt", MAP_2033),
            (2034, "map-2034.txt", MAP_2034),
            (2035, "map-2035.txt", MAP_2035),
        )
    ]
    linked = link_items(place_items(sessions))
    maps = [t for t in linked.threads if t.kind == "commitment"]
    assert len(maps) == 1 and maps[0].status == "unfulfilled"
    assert [i.signal for i in maps[0].items] == ["promise", "slip", "slip"]


MAG_2036 = """IGF 2036 – Open forum of the IGF Secretariat with the coalitions

>> MODERATOR:  Good morning, I am Ilse Berg.  The Secretariat first.

>> TOMAS WEBER:  Thank you, Ilse.  Tomas Weber, IGF Secretariat.  The MAG was renewed this year and it now has three members under thirty, nominated through the youth networks.  This is what the youth coalition asked for two years ago.

>> MODERATOR:  Thank you, Tomas.
"""


def test_a_response_that_points_back_carries_the_sentence_it_points_to():
    found = items_of(MAG_2036, "mag-2036.txt")
    [response] = [i for i in found.items if i.signal == "response"]
    assert response.quote.startswith("The MAG was renewed this year") and response.quote.endswith("two years ago.")
    line = MAG_2036.split("\n")[response.line - 1]
    assert response.quote in line and response.org == "IGF Secretariat"
