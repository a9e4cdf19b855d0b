"""Speaking for a coalition versus speaking to it; coalition status; floor voices; co-moderators."""

from __future__ import annotations

import pytest

from forumlens.resolve import find_mentions, resolve_session
from forumlens.resolve.voice import speaker_body, speaks_for
from forumlens.transcript.parse import parse_transcript


def _speaks_for(sentence: str) -> bool:
    m = next(m for m in find_mentions(sentence) if m.kind == "dc")
    return speaks_for(sentence, 0, len(sentence), m)


@pytest.mark.parametrize(
    "sentence",
    [
        "I have a question for the Dynamic Coalition on Gender and Internet Governance.",
        "I would like to ask the Dynamic Coalition on Network Neutrality whether zero rating matters.",
        "Is anybody here from the Dynamic Coalition on Blockchain Technologies?",
        "I'm not from the blockchain coalition, but we tested ten cameras.",
        "As the Dynamic Coalition on Core Internet Values said last year, we must keep the end user in control.",
        "Then I'm going to move to Dynamic Coalition on Public Access in Libraries.",
        "My question is for the Dynamic Coalition on Privacy: will you publish it?",
    ],
)
def test_addressing_denying_or_quoting_a_coalition_is_not_speaking_for_it(sentence):
    assert not _speaks_for(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "I speak for the Dynamic Coalition on Public Access in Libraries.",
        "In our work with DC gender we trained forty women.",
        "We in the Dynamic Coalition on Internet of Things agreed a paper.",
        "I am a member of the Dynamic Coalition on Data and Trust.",
    ],
)
def test_first_person_membership_is_speaking_for_it(sentence):
    assert _speaks_for(sentence)


def _cast(body: str):
    text = "IGF 2024 - Workshop\n\n***\n\n" + body
    return resolve_session(parse_transcript(text))


def test_asking_a_coalition_that_never_answers_makes_it_invited_absent_not_presented():
    cast = _cast(
        ">> ANNA BERG:  Welcome.  I will moderate today together with Ravi, who is online.\n\n"
        ">> RAVI SHAH:  Thank you, Anna.  I have a question for the Dynamic Coalition on Gender and Internet "
        "Governance.  Is anybody from that coalition in the room?\n\n"
        ">> (Poor audio quality).\n\n"
        ">> RAVI SHAH:  It seems not.  We will come back to it.\n"
    )
    ravi = next(p for p in cast.people if p.name == "Ravi Shah")
    assert (ravi.role, ravi.affiliation, ravi.mode) == ("moderator", None, "online")
    assert [(c.name, c.status) for c in cast.coalitions] == [("DC on Gender and Internet Governance", "invited-absent")]


def test_our_coalition_refers_back_to_the_coalition_the_chair_named():
    cast = _cast(
        ">> ANNA BERG:  I'm Anna and I'll be moderating.  Now to the Dynamic Coalition on Internet Standards, "
        "Security and Safety.  Mr. Okoro?\n\n"
        ">> DANIEL OKORO:  Thank you.  Our coalition is output oriented and we released a guide.\n"
    )
    daniel = next(p for p in cast.people if p.name == "Daniel Okoro")
    assert (daniel.role, daniel.affiliation) == ("dc-representative", "DC on Internet Standards, Security and Safety")
    assert [c.status for c in cast.coalitions] == ["presented"]


def test_each_voice_from_the_floor_is_its_own_person():
    cast = _cast(
        ">> MODERATOR:  Let us open the floor.  The lady in the front row, please.\n\n"
        ">> AUDIENCE:  Thank you.  I'm Mira from UNESCO.  Which standards apply?\n\n"
        ">> KIM LEE:  The open ones.\n\n"
        ">> AUDIENCE:  And who pays for them?\n\n"
        ">> MODERATOR:  Thank you.  Next question, the gentleman at the back, please.\n\n"
        ">> AUDIENCE:  Hello.  I am a student.  When is the report out?\n"
    )
    floor = [p for p in cast.people if p.labels == ("AUDIENCE",)]
    assert [len(p.lines) for p in floor] == [2, 1]
    assert floor[0].affiliation == "UNESCO" and floor[0].role == "participant"
    assert floor[1].affiliation is None


def test_our_coalition_of_a_speaker_with_an_employer_is_the_sessions_coalition():
    """She works for an institution and speaks for the coalition holding the session: her
    affiliation stays her employer, her "our coalition" is the coalition's (`speaks_for`),
    and her voice presents it (was: "mentioned", and summaries credited the institution)."""
    cast = _cast(
        "IGF 2024 - Dynamic Coalition on Accessibility and Disability\n\n"
        ">> MODERATOR:  Welcome to the session of the Dynamic Coalition on Accessibility and Disability.  "
        "Mei Chen joins us online.\n\n"
        ">> MEI CHEN:  Thank you.  I am with the Asia Pacific Network Information Centre.  Our coalition "
        "published a guide on accessible meetings last year.\n"
    )
    mei = next(p for p in cast.people if p.name == "Mei Chen")
    assert mei.affiliation == "Asia Pacific Network Information Centre"
    assert mei.speaks_for == "DC on Accessibility and Disability"
    assert type(mei).from_json(mei.to_json()).speaks_for == mei.speaks_for  # stored and read back
    assert [c.status for c in cast.coalitions] == ["presented"]
    # a speaker who claims no coalition speaks for none
    assert all(p.speaks_for is None for p in cast.people if p.name != "Mei Chen")


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("Our coalition published a guide last year.", "DC X"),
        ("Our DC will release the second edition in March.", "DC X"),
        ("We at APNIC run the registry for the region.", "APNIC"),  # no claim of the coalition
        ("I would recommend that the coalition looks at this.", "APNIC"),  # advice to it
        ("Our DC on Gender colleagues wrote it.", "APNIC"),  # a name, not "our DC"
    ],
)
def test_the_body_of_a_sentence_is_the_claimed_coalition_only_when_it_claims_it(sentence, body):
    assert speaker_body(sentence, "APNIC", "DC X") == body
    assert speaker_body(sentence, "APNIC", None) == "APNIC"
