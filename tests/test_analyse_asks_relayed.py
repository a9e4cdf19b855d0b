"""Ask shapes the ninth blind set of issue 22 lost (development data since round 10): a chair
reading out a participant's words, list items of a run-on line whose markers were glued to the
item before, a "please" with a vocative cut from its verb, and ask shapes with no cue (a call
upon named bodies, an offer after what it covers, a body's decision, a bare appositive, a
follow-up with someone absent). Sentences written for this test, not taken from any set."""

from __future__ import annotations

import pytest

from forumlens.analyse import find_intel
from forumlens.analyse.askmodel import has_evidence, type_features
from forumlens.analyse.clauses import ask_units
from forumlens.transcript.parse import parse_transcript


def _asks(text: str) -> list[tuple[str, str]]:
    return [(a["by"] or "", a["quote"]) for a in find_intel(parse_transcript(text), mentions=[]).to_json()["asks"]]


_CHAT = """>> MODERATOR:  Welcome to this call of the coalitions on rural schools. Kofi, you have the floor.
>> KOFI MENSAH-ODURO:  Thank you. Our schools lost the connection for six weeks in the rainy season, and the operator repaired nothing before the exams.
>> MODERATOR:  Thank you, Kofi. The chat is busy. Anneli Vaara from the reading coalition writes: please keep the school libraries in the final text, they lend the tablets to the pupils. Next is Tomas.
>> TOMAS RIVERA-LUND:  The teachers in the valley paid for the data bundles themselves, every month, for two years. The district office knew it and said the budget was closed. In the end the parents collected money at the market, and the head teacher bought a small router with it. It worked for three months and then the storm took the mast, and nobody came to fix it until the next school year started.
>> MODERATOR:  Thank you, Tomas. Now Ines, please.
>> INES BAPTISTA-KORHONEN:  Thank you. In our district the schools share one satellite dish between four villages, and the children walk two hours to the school that has it. The cost of the terminal was paid by a church, and the monthly fee by the mayor, until the elections, when the new mayor stopped it. Since then the dish is used only for the exams.
"""


def test_a_participants_words_read_out_by_the_chair_are_the_participants_ask() -> None:
    asks = _asks(_CHAT)
    assert any("keep the school libraries in the final text" in quote for _, quote in asks)
    # the chair's own floor talk around it stays out
    assert not any("Next is Tomas" in quote or "floor" in quote for _, quote in asks)


def test_without_the_relay_the_same_chair_sentence_is_floor_talk() -> None:
    text = _CHAT.replace("Anneli Vaara from the reading coalition writes: please", "So please")
    assert not any("school libraries" in quote for _, quote in _asks(text))


def _units(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in ask_units(sentence)]


def test_a_list_marker_cut_off_by_a_comma_opens_the_next_item() -> None:
    line = (
        "hello, i am Dara, i repair phones in the market of Kampala and the spare parts come late every time, "
        "so we have three demands for the brands, number one, sell us the parts, at a fair price, "
        "number two, send us the manuals, and number three, stop the locks on the batteries"
    )
    units = _units(line)
    assert "number two, send us the manuals" in units
    assert any(u.startswith("and number three, stop the locks") for u in units)
    assert not any(u.endswith("number two") for u in units)


def test_a_please_with_a_vocative_stays_with_its_verb() -> None:
    line = (
        "Yes, Lerato writes that she agrees with the speaker from the islands, and please, all the hubs, "
        "send the attendance sheets in one format, otherwise the totals cannot be added, thank you so much for this"
    )
    assert "and please, all the hubs, send the attendance sheets in one format" in _units(line)


@pytest.mark.parametrize(
    "unit, feature",
    [
        (
            "And I call upon the Pacific island states, and in particular SPREP, to list the cable faults in one register",
            "cue:to-institution",
        ),
        ("As for the Tongan edition we can pay ourselves.", "cue:can-offer"),
        ("so our foundation has decided to cover, from May, the travel of two hub managers", "cue:our-will"),
        ("we the fishers of the northern lakes will send our catch data to the ministry before June", "cue:we-will"),
        ("I will ask them and report back to the list on Friday.", "cue:we-will"),
    ],
)
def test_ask_shapes_without_a_cue_phrase_are_evidence(unit: str, feature: str) -> None:
    feats = type_features(unit)
    assert feature in feats
    assert has_evidence(feats)


@pytest.mark.parametrize(
    "unit",
    [
        "I will ask Maria to take the floor now.",
        "I will ask them to introduce themselves.",
        "We the people of this valley know the river better than anyone.",
    ],
)
def test_floor_talk_and_statements_of_the_same_shapes_have_no_commitment_cue(unit: str) -> None:
    assert "cue:we-will" not in type_features(unit)


def test_demands_announce_a_list() -> None:
    before = "the lockers break all the time, so we have two demands for the landlords, "
    assert "ctx:intro-need" in type_features("number one, fix the locks", before)


# A declaration put to the room paragraph by paragraph (asks_blind14's Day 0 communiqué shape):
# the chair reads each paragraph in quotation marks, with no announcing colon.
_DECLARATION = """>> CHAIR:  Good afternoon. We have one task today, the statement of the island libraries. I read it paragraph by paragraph. Ready? Good.
>> CHAIR:  Paragraph one.  "We, the island libraries meeting in Apia, note that most of our readers have no home connection."  Any comment?  None.  Adopted.
>> CHAIR:  Paragraph two.  "We call on the telecom regulators of the Pacific to give public libraries a free spectrum licence for village hotspots."  Comments?  Yes, Losa.
>> LOSA FAAMAU-BRENNAN:  Thank you, chair. I support it, the villages near us wait for this since years and the hotspot in our library is always full after school.
>> CHAIR:  Thank you, Losa.  Paragraph two adopted.  Paragraph three.  "We ask the regional development bank to open a grant window for library connectivity."  Any objection?  None.  Adopted.
"""


def test_a_paragraph_the_chair_reads_out_in_quotation_marks_is_judged() -> None:
    quotes = [quote for _, quote in _asks(_DECLARATION)]
    assert any("free spectrum licence" in quote for quote in quotes)
    assert any("grant window for library connectivity" in quote for quote in quotes)
    # the preamble read the same way asks for nothing, and the floor talk around it stays out
    assert not any("most of our readers" in quote or "Adopted" in quote or "Comments" in quote for quote in quotes)


def test_without_the_quotation_marks_the_chairs_paragraph_is_floor_talk() -> None:
    text = _DECLARATION.replace('"We call on the telecom', "We call on the telecom").replace(
        'village hotspots."', "village hotspots."
    )
    assert not any("free spectrum licence" in quote for _, quote in _asks(text))


_RETOLD = """>> MODERATOR:  Welcome to this call on clinic connectivity. Rua, you have the floor.
>> RUA TEMARAMA-HOLLIS:  Thank you. Our clinics on the atolls lost the link for three weeks after the cyclone, and the patients travelled by boat to the main island for every consultation.
>> MODERATOR:  Thank you, Rua. The box is busy. And then Ilse Brandvold writes from Tromso, it's not a question, she says the donors should fund the backup batteries for the clinic radios. Next is Pavel.
>> PAVEL DROZDOV-AMBLER:  The nurses in the north paid for the data bundles themselves, every month, for two years. The district office knew it and said the budget was closed. In the end the villages collected money, and the clinic bought a small router with it. It worked for three months and then the storm took the mast, and nobody came to fix it until the next season.
"""


def test_a_message_retold_in_reported_speech_without_a_colon_is_the_participants_ask() -> None:
    asks = _asks(_RETOLD)
    assert any("donors should fund the backup batteries" in quote for _, quote in asks)
    assert not any("Next is Pavel" in quote for _, quote in asks)


def test_the_chairs_own_should_without_a_written_message_stays_floor_talk() -> None:
    text = _RETOLD.replace("And then Ilse Brandvold writes from Tromso, it's not a question, she says", "I think")
    assert not any("backup batteries" in quote for _, quote in _asks(text))
