"""One coalition under the names its documents and captions give it: a joint statement's paragraphs tagged with a
coalition's topic are that coalition's (`labelbody.py`); a document whose opening says who prepared it is by that
body (`actors._prepared_by`); a name heard with another ending of one word, or said in short in the plural, is the
coalition (`bodies._misheard_ending`, `bodies._short_topics`); a response to "a question from the floor" takes up a
question, not a coalition's ask (`linknames._FLOOR_ASKED`). Invented examples."""

from __future__ import annotations

from forumlens.threads import Item
from forumlens.threads.bodies import unified_bodies
from forumlens.threads.labelbody import label_body
from forumlens.threads.link import actor_of
from forumlens.threads.linknames import _FLOOR_ASKED

from .threads_support import items_of

JOINT = """Joint Statement of the Dynamic Coalition on Lake Boatmen, the Dynamic Coalition on Village Libraries and the Dynamic Coalition on Salt Miners Online

Sent in October 2019 to the IGF Secretariat

Part 1. What we ask
1.1 (Lake Boatmen) Regulators should oblige every operator to cover the lake, ten kilometres from the shore.
1.2 (Village Libraries) Publishers should let village libraries lend their e-books to readers without a card.
1.3 (Salt Miners Online) Governments should pay the data of the salt miners' cooperatives during the dry season.

Signed
Awino Odhiambo, coordinator, Dynamic Coalition on Lake Boatmen
Tomas Lindqvist, coordinator, Dynamic Coalition on Village Libraries
Sara Haile, coordinator, Dynamic Coalition on Salt Miners Online
"""


def test_a_label_that_is_a_topic_the_text_names_in_full_is_that_body():
    assert label_body("Lake Boatmen", JOINT) == "Dynamic Coalition on Lake Boatmen"
    assert label_body("Salt Miners Online", JOINT) == "Dynamic Coalition on Salt Miners Online"
    assert label_body("Awino Odhiambo", JOINT) is None  # a person: no body's topic
    assert label_body("Boatmen", JOINT) is None  # one word says too little
    assert label_body("Lake Boatmen", "Notes of the meeting. Lake Boatmen asked for maps.") is None  # never in full
    # the topic of a coalition and of a forum of the same text: neither
    both = "The Dynamic Coalition on Lake Boatmen and the Best Practice Forum on Lake Boatmen met."
    assert label_body("Lake Boatmen", both) is None
    # the start of a longer topic ("… on Lake Boatmen and Fishers") is not that topic
    assert label_body("Lake Boatmen", "The Dynamic Coalition on Lake Boatmen and Fishers met.") is None


def test_each_tagged_paragraph_of_a_joint_statement_is_its_coalitions():
    found = items_of(JOINT, "joint-statement-2019.txt")
    # the body, whichever field holds it (the heading's first coalition is the document's, the others the tags')
    needs = {i.line: i.coalition or i.org for i in found.items if i.signal == "need"}
    assert needs == {
        6: "Dynamic Coalition on Lake Boatmen",
        7: "Dynamic Coalition on Village Libraries",
        8: "Dynamic Coalition on Salt Miners Online",
    }


SUMMARY = """Multistakeholder Advisory Group (MAG)
Third MAG Meeting, Geneva, 3-5 June 2031
Summary Report (prepared by the IGF Secretariat)

Item 4. Dynamic Coalitions
6. The MAG discussed the work plan of the Dynamic Coalition on Lake Boatmen and thanked its members.
7. The Secretariat will prepare a short guide for the organisers of remote hubs and publish it by September 2031.
"""


def test_a_summary_prepared_by_the_secretariat_is_the_secretariats():
    found = items_of(SUMMARY, "mag-summary-june-2031.txt")
    promises = [i for i in found.items if i.signal == "promise"]
    assert [(i.line, actor_of(i)) for i in promises] == [(7, "org:IGF Secretariat")]
    # the coalition the summary names first owns nothing of it
    assert not [i for i in found.items if "Lake Boatmen" in actor_of(i)]


def test_a_name_heard_with_another_ending_is_the_coalition_more_items_write():
    items = [
        Item("a", 1, "Let stations publish their old tapes.", "need", org="Dynamic Coalition on Radio Memory"),
        Item("b", 1, "Let stations put their archives online.", "need", org="Dynamic Coalition on Radio Memory"),
        Item("c", 1, "Stations should publish old tapes.", "need", org="Dynamic Coalition on Radio Memorial"),
        Item("d", 1, "Cover the sea.", "need", org="Dynamic Coalition on Lake Fishers"),
        Item("e", 1, "Cover the lake.", "need", org="Dynamic Coalition on Lake Fisherfolk"),  # another word
        Item("f", 1, "Open the kiosks.", "need", org="Dynamic Coalition on Repair Kiosk"),
        Item("g", 1, "Open every kiosk.", "need", org="Dynamic Coalition on Repair Kiosks"),  # a plural alone
    ]
    out = [actor_of(i) for i in unified_bodies(items)]
    memory = "org:Dynamic Coalition on Radio Memory"
    assert out[:3] == [memory, memory, memory]
    assert len(set(out[3:5])) == 2 and len(set(out[5:])) == 2
    # written as often: still one body, under the coalition's (registry or document) wording
    even = [
        Item("a", 1, "Publish the tapes.", "need", org="Dynamic Coalition on Radio Memorial"),
        Item("b", 1, "Publish old tapes.", "need", coalition="Dynamic Coalition on Radio Memory"),
    ]
    assert {actor_of(i) for i in unified_bodies(even)} == {"coalition:Dynamic Coalition on Radio Memory"}


def test_a_coalition_said_in_short_in_the_plural_is_the_one_its_topic_opens():
    items = [
        Item("a", 1, "SIM cards for herders.", "need", org="Dynamic Coalition on Herder Mobile Services"),
        Item("b", 1, "SIM cards without an address.", "need", org="Dynamic Coalition on Herders"),
    ]
    assert {actor_of(i) for i in unified_bodies(items)} == {"org:Dynamic Coalition on Herder Mobile Services"}
    # two bodies open with it: neither
    items.append(Item("c", 1, "Masts on the routes.", "need", org="Dynamic Coalition on Herder Connectivity"))
    assert len({actor_of(i) for i in unified_bodies(items)}) == 3


def test_a_question_from_the_floor_is_a_question_not_a_coalitions_ask():
    # what `linkresponses` reads to weigh only questions for a response ("Responding to a question from the floor at a
    # DC session in Paris, the MAG agreed …" took up a coalition's ask about main sessions in the semantic linker)
    assert _FLOOR_ASKED.search("Responding to a question from the floor at a DC session in Paris, the MAG agreed")
    assert _FLOOR_ASKED.search("On the questions raised from the audience, the Secretariat said")
    assert _FLOOR_ASKED.search("A participant asked whether the map is online")  # as before
    assert not _FLOOR_ASKED.search("On the request of the coalition from the floor of the plenary")
    assert not _FLOOR_ASKED.search("The coalition's question to governments from last year stands")


def test_a_record_of_a_request_taken_up_and_a_question_asked_at_a_hub_are_responses():
    from forumlens.threads.cues import find_cue

    took_up = find_cue(
        "The MAG discussed a request made at IGF 2031 by the Dynamic Coalition on Lake Boatmen that hubs speak."
    )
    assert took_up is not None and (took_up.signal, took_up.about) == ("response", "request")
    considered = find_cue("The Council considered the proposal of the youth forum to meet online, and agreed.")
    assert considered is not None and considered.signal == "response"
    assert find_cue("We discussed a proposal for a toolkit.") is None  # a plan of one's own, no request taken up
    hub = find_cue("In Oslo a participant at the Gulu hub asked whether the forum keeps its recordings.")
    assert hub is not None and (hub.signal, hub.about) == ("response", "question")


def test_an_object_ends_before_since():
    from forumlens.threads.promiseshape import promise_shape

    found = promise_shape("We will put all transcripts since 2006 on one page of the website, by year.")
    assert found is not None and found.group("verb") == "put"
