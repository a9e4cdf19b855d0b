"""What is done with the thing offered or asked for decides a category the words do not give
(`analyse.askframes`): a relay to a body, a delivery to a list or the participants, people
brought in. Sentences written for this test, not taken from any set."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.askframes import delivered, frame_category
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
