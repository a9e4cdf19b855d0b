"""What is done with the thing offered or asked for decides a category the words do not give
(`analyse.askframes`): a relay to a body, a delivery to a list or the participants, people
brought in. Sentences written for this test, not taken from any set."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.askcategory import decided_after
from forumlens.analyse.askframes import (
    brings_people_in,
    delivered,
    edits_forum_text,
    frame_category,
    put_to_body,
    teaches,
)
from forumlens.transcript.parse import parse_transcript


@pytest.mark.parametrize(
    "quote, category",
    [
        ("We will take the proposal to the board of the foundation in March.", "links-to-institutions"),
        ("I shall convey this to the Minister tomorrow.", "links-to-institutions"),
        ("We will circulate the minutes to all members by Tuesday.", "communication-channels"),
        ("and I will send the draft to the coalition list this week.", "communication-channels"),
        ("Our office will report back by e-mail.", "communication-channels"),
        ("We will invite the fishing communities to the next workshop.", "participation"),
    ],
)
def test_frames(quote: str, category: str) -> None:
    assert frame_category(quote) == category


@pytest.mark.parametrize(
    "quote",
    [
        "Take your old batteries to the recycling point.",  # an imperative to the public hands nothing on
        "I will write the chapter on rural libraries.",
        "We sent it to the ministry in 2019.",  # a past report, and no first-person frame of the future
    ],
)
def test_no_frame(quote: str) -> None:
    assert frame_category(quote) is None


_SESSION = """>> MODERATOR:  Welcome to the session on rural libraries.  Ngozi, please.

>> NGOZI ADEBAYO-LINDGREN:  Thank you.  The libraries in our province have no budget line for the connection, and the librarians learn everything alone.  We will circulate the short survey of the librarians to all participants by Friday.

>> MODERATOR:  Thank you, Ngozi.  Any reactions?
"""


def test_a_delivery_commitment_is_routed_to_communication_channels() -> None:
    asks = find_intel(parse_transcript(_SESSION), mentions=[]).to_json()["asks"]
    circulated = [a for a in asks if "circulate" in a["quote"]]
    assert circulated and all(a["category"] != "other" for a in circulated)


@pytest.mark.parametrize(
    ("quote", "is_delivered"),
    [
        ("and we will put the subtitles on the festival page.", True),
        ("Our lab will publish the sensor code on GitHub by May.", True),
        ("We will send a short summary of this meeting to all the speakers.", True),
        ("We will publish our study of the rural clinics in June.", False),  # no one it is put before
        ("We will write a two-page summary of the findings.", False),
    ],
)
def test_delivered(quote: str, is_delivered: bool) -> None:
    assert delivered(quote) is is_delivered


_OFFERS = """>> MODERATOR:  Welcome to this open forum on community radio. Lindiwe, please.
>> LINDIWE DUBE-HALVORSEN:  Thank you. Our stations recorded forty hours of elders' stories this year, in four languages, and the schools use them. We will publish the recordings with the transcripts on our website before the rainy season. We will make the recordings more visible to the national broadcaster.
>> MODERATOR:  Thank you, we close here.
"""


def test_a_commitment_to_put_a_thing_on_a_page_is_a_channel_not_its_visibility() -> None:
    found = {a["quote"]: a["category"] for a in find_intel(parse_transcript(_OFFERS), mentions=[]).to_json()["asks"]}
    assert found["We will publish the recordings with the transcripts on our website before the rainy season."] == (
        "communication-channels"
    )
    # made visible to someone, not put on a page: visibility, as the words say
    assert found["We will make the recordings more visible to the national broadcaster."] == "visibility"


@pytest.mark.parametrize(
    ("quote", "category"),
    [
        # a message to someone named or addressed is a channel, whatever it carries
        ("and I will send the budget table to Oluwaseun before the holidays.", "communication-channels"),
        ("We will send them a short note on Monday.", "communication-channels"),
        ("I will e-mail you the contacts after lunch.", "communication-channels"),
        ("We will report on it to the mailing list in two weeks.", "communication-channels"),
        # put on a portal where people find it: a channel, as for `delivered`
        ("Our ministry will put the tariff tables on the national open data portal.", "communication-channels"),
        # publishing alone names no one it is put before: made public, visibility (stop 44, `_MADE_PUBLIC`)
        ("We will publish the survey in the autumn.", "visibility"),
        ("We will send more volunteers next year.", None),
    ],
)
def test_frame_of_a_message_or_a_page(quote: str, category: str | None) -> None:
    assert frame_category(quote) == category


@pytest.mark.parametrize(
    ("quote", "category"),
    [
        # a request put to the state or the platforms is about a rule or a policy
        ("We ask the provincial government to publish the tender rules before the next budget.", "policy"),
        ("I would urge our regulators, and I see two of them here, to end the exclusivity contracts.", "policy"),
        ("We call upon the ministries of health to keep the clinic data in the country.", "policy"),
        ("We wish that the platforms stop showing adverts to children.", "policy"),
        # a request to the forum's own organisers or to a person is not put to the state
        ("We ask the secretariat to keep the recordings for a year.", None),
        ("I ask Amara to chair the next call.", None),
    ],
)
def test_frame_of_a_request_to_the_state(quote: str, category: str | None) -> None:
    assert frame_category(quote) == category


@pytest.mark.parametrize(
    ("quote", "category"),
    [
        # the forum's programme: put to the MAG, or naming its slots, workshop proposals, main sessions
        ("We would ask the MAG to give the archives a day of their own next year.", "agenda"),
        ("Our network can prepare two proposals for the next MAG meeting.", "agenda"),
        ("Organisers who never report should not get a slot again.", "agenda"),
        # a network made: bodies brought to work together
        ("We will set up a small network of the rural radio stations in the spring.", "cooperation"),
        ("I ask the donors to create one regional alliance of the repair cafes.", "cooperation"),
        # the MAG's members asked to pass a thing on: delivered, not the programme
        (
            "We ask the MAG members to circulate the form to all participants of their regions.",
            "communication-channels",
        ),
    ],
)
def test_frame_of_the_programme_or_a_network(quote: str, category: str) -> None:
    assert frame_category(quote) == category


@pytest.mark.parametrize(
    ("quote", "category"),
    [
        # made public by the speaker's side ("accessible to the public"): visibility
        ("We will publish the figures in the spring.", "visibility"),
        ("Our observatory will release the full price survey next March.", "visibility"),
        ("and we can make the audit results public after the elections.", "visibility"),
        # on a page or sent to a list: still the channel, which comes first
        ("We will publish the figures on the network's website in the spring.", "communication-channels"),
        # somebody else's publishing, or a past one, is no commitment of the speaker's side
        ("The ministry published the figures last year.", None),
        ("They never publish anything in time.", None),
        # the subject changes on the way: the platforms' deed, not the speaker's side's
        ("Our concern is that the platforms will publish nothing at all.", None),
        ("I commit here that we will publish our review times every quarter.", "visibility"),
    ],
)
def test_frame_of_a_thing_made_public(quote: str, category: str | None) -> None:
    assert frame_category(quote) == category


@pytest.mark.parametrize(
    ("quote", "category"),
    [
        # people asked or welcomed to take part: participation
        ("So I invite the fishers in this room to the open day at the harbour in May.", "participation"),
        ("Please register for our mentoring circle before the end of the month.", "participation"),
        ("Any library that wants to come is welcome, the door is open.", "participation"),
        ("The forum should invite the teachers' unions as a stakeholder group.", "participation"),
        ("The board should keep two seats for the users of the service.", "participation"),
        ("The committee should have at least two members from the island councils.", "participation"),
        # a welcome to the room, or a thanks for an invitation, is no invitation to take part
        ("Thank you for having me here today.", None),
        ("I welcome this initiative.", None),
    ],
)
def test_frame_of_people_asked_to_take_part(quote: str, category: str | None) -> None:
    assert frame_category(quote) == category


_PUBLISHED = """>> MODERATOR:  Welcome, everybody.  Tupac, you have the floor.

>> TUPAC QUISPE-ANDERSEN:  Thank you.  The potters of our valley sell online now, but the buyers do not know them.  And our cooperative will publish the prices of every kiln in the valley next year.

>> MODERATOR:  Thank you, Tupac.
"""


def test_a_publication_of_the_speakers_side_is_visibility_not_other() -> None:
    # before `_MADE_PUBLIC` (stop 44) this commitment was on record as "other"
    asks = find_intel(parse_transcript(_PUBLISHED), mentions=[]).to_json()["asks"]
    found = {a["quote"]: a["category"] for a in asks}
    assert found == {"And our cooperative will publish the prices of every kiln in the valley next year.": "visibility"}


@pytest.mark.parametrize(
    ("quote", "category"),
    [
        # done together: cooperation
        ("I think the two ministries and the carriers should study the outages together.", "cooperation"),
        ("The networks should send one common position to the review, not nine letters.", "cooperation"),
        # a fee or price of the speaker's own side waived or lowered: funding
        ("From March our union will waive the entry fee for apprentices.", "funding"),
        ("We can offer a reduced tariff to the village schools next year.", "funding"),
        # a price others are asked to lower is no commitment of the speaker's side
        ("The carriers will never cut their prices for us.", None),
        ("I ask the banks to lower the transfer fee.", None),
        # a price mentioned further on is not what is cut
        ("I will drop the question about prices for now.", None),
    ],
)
def test_frame_of_work_together_or_a_fee_waived(quote: str, category: str | None) -> None:
    assert frame_category(quote) == category


@pytest.mark.parametrize(
    ("quote", "told"),
    [
        # a body heads the subject of the modal, with words before it or a place after it
        ("And the water regulator in Lesotho should let the clinics share one line.", True),
        ("The Ministry of Transport must keep the old licences valid until June.", True),
        ("Then the national statistics agencies should count the households with no phone.", True),
        ("every broadband provider should show the real speed on the bill", True),
        # being somewhere is no rule; people and the speaker's side are no body
        ("And the banks must be in the next session, they were not here today.", False),
        ("The students should be asked before the school signs the contract.", False),
        ("We should write to the regulator next week.", False),
    ],
)
def test_put_to_body(quote: str, told: bool) -> None:
    assert put_to_body(quote) is told


@pytest.mark.parametrize(
    ("quote", "edit"),
    [
        ("So the report should list the villages by district, not by province.", True),
        ("I would ask the coordinators to put the section on repair first in the final document.", True),
        ("The best practice forum should describe which contracts failed and why.", True),
        # a rule the text is about, not an edit to the text
        ("The governments should put the fibre under the new roads.", False),
        ("The report of the ministry came late last year.", False),
    ],
)
def test_edits_forum_text(quote: str, edit: bool) -> None:
    assert edits_forum_text(quote) is edit


@pytest.mark.parametrize(
    ("kind", "category", "quote", "decided"),
    [
        # a body told what to do: policy, from "other" or from a link to that body
        (
            "recommendation",
            "other",
            "And the port authority in Suva should open its towers to the small carriers.",
            "policy",
        ),
        ("recommendation", "links-to-institutions", "The Ministry of Health must accept the scanned forms.", "policy"),
        # only recommendations, and only "other" or a link: a keyword category stays
        ("ask", "other", "And the port authority in Suva should open its towers to the small carriers.", "other"),
        ("recommendation", "funding", "The Ministry of Health must pay the nurses' data.", "funding"),
        # an edit to the forum's text is not the policy it talks about
        ("ask", "policy", "I ask the team to add the privacy rules to the final report as an annex.", "other"),
        ("recommendation", "policy", "So the paper should name every licence condition separately.", "other"),
        # a commitment to edit keeps its category; so does a rule that is no edit
        ("commitment", "policy", "We will add the privacy rules to the final report.", "policy"),
        ("recommendation", "policy", "The regulators should ban the data caps on school lines.", "policy"),
        # teaching people is capacity building, whatever else the sentence names
        (
            "commitment",
            "funding",
            "With the grant our college will train forty nurses as data clerks.",
            "capacity-building",
        ),
        (
            "recommendation",
            "links-to-institutions",
            "The ministry of labour should teach the inspectors to read the apps.",
            "capacity-building",
        ),
        # people brought into a body: participation, not the body's policy
        (
            "recommendation",
            "policy",
            "The water boards should invite the users when they set the quotas.",
            "participation",
        ),
        ("recommendation", "policy", "The water boards should publish the quotas for the farmers.", "policy"),
    ],
)
def test_decided_after_the_model(kind: str, category: str, quote: str, decided: str) -> None:
    assert decided_after(kind, category, quote) == decided


_TOLD = """>> MODERATOR:  Welcome to this workshop on rural connectivity.  Amaru, please.

>> AMARU QUISPE-HOLMBERG:  Thank you.  In our valley the schools share one satellite link, and nobody knows if this is allowed.  The telecom regulator in Bolivia should let the schools share the link with the health posts by wireless.  And the Ministry of Education should count the village libraries as schools for the connection programme.

>> MODERATOR:  Thank you, Amaru.  We close here.
"""


def test_a_body_told_what_to_do_is_policy_not_a_link_to_it() -> None:
    # before `_decided_after` (stop 45) both were on record as links-to-institutions: the body's name
    asks = find_intel(parse_transcript(_TOLD), mentions=[]).to_json()["asks"]
    told = [a for a in asks if a["type"] == "recommendation"]
    assert len(told) == 2 and {a["category"] for a in told} == {"policy"}


@pytest.mark.parametrize(
    ("quote", "taught"),
    [
        ("Next spring we will train thirty librarians on the new catalogue.", True),
        ("The universities should also teach the students how to check a source.", True),
        ("please mentor one young team each year", True),
        ("We need the data to train the models for Wolof.", False),  # a model, not people
        ("The training of the clerks was last year.", False),  # a report, no deed asked
        # a language model, a classifier or an AI system is no person taught (review, stop 45)
        ("So we should train the Quechua language model on the radio archive.", False),
        ("Our lab wants to train a classifier for hate speech in Amharic.", False),
        ("They need to train these AI systems with local voices.", False),
        ("The companies should train their content moderators in Amharic.", True),
    ],
)
def test_teaches(quote: str, taught: bool) -> None:
    assert teaches(quote) is taught


@pytest.mark.parametrize(
    ("quote", "brought"),
    [
        ("The councils should invite the fishermen's representatives to the planning meetings.", True),
        ("And the boards must have young people on them, not only the retired engineers.", True),
        ("I ask the ministries to include two students in every delegation.", True),
        # people mentioned, not brought in
        ("The plans should have targets for women's access, with numbers.", False),
        ("Any new law must have a consultation period of sixty days.", False),
        # a have of fact, not the deed asked for (review, stop 45)
        ("We have members in every province and two in the capital.", False),
        ("We have volunteers at each library, so the desk is open.", False),
        ("The new council should have two students on it.", True),
    ],
)
def test_brings_people_in(quote: str, brought: bool) -> None:
    assert brings_people_in(quote) is brought
