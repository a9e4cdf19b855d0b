"""Turns the fifth blind parse set showed the parser missing (issue 22, stop 21), by general
rules over the shape of a label or a paragraph:

- a role or group label in title case without a colon (`>> Audience Yes, my name is…`) before a
  word that opens speech; in capitals before any capitalised word (`>> SPEAKER 2 Thank you`);
- a lower-case piece on a name card that says what the person is (`HAKAN DEMIR, student,
  Bilkent:`, `Ana Ruiz (youth delegate, Brazil) Hello`);
- a generic voice told apart by a qualifier or by where it is (`SPEAKER FROM THE FLOOR`,
  `FEMALE PARTICIPANT`, `MALE VOICE`) is still no person;
- a new voice with no marker after a blank line: a paragraph after a note turn (`>> [inaudible]`),
  one opening in lower case with a reply ("okay so, can you…", "yeah, hi"), or one thanking the
  speaker of the turn by name ("Thank you, Joseph." in Joseph's turn); a lower-case paragraph
  that carries the sentence on ("and the second thing…") is the same voice;
- a mixed-case label alone on its `>>` line, a colonless name with an initial (`Amara B. Diallo`),
  and "from X" after a name (`Paulo Reis from Brazil:`) or a role (`PARTICIPANT FROM KENYA`);
- a turn body holding only stage notes and time stamps is a `note`.

The inputs are written for this file (invented names) in shapes other than the blind excerpts';
the last test reads the blind5 excerpts, development data now."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forumlens.transcript.colonless import colonless_card
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import display_name, generic_label, looks_like_label, parse_name_card

RESOURCES = Path(__file__).parent / "resources"
HEADER = (
    "IGF 2012 Baku - Workshop 88: Mobile Money and Trust\n\n"
    "The following is the output of the real-time captioning taken during the IGF 2012. "
    "It should not be treated as an authoritative record.\n\n"
)


def _turns(text: str) -> list[tuple[str | None, str | None, str, str]]:
    return [(t.label, t.speaker, t.kind, " ".join(t.text.split())[:23]) for t in parse_transcript(text).turns]


def test_title_case_roles_without_a_colon() -> None:
    text = HEADER + (
        ">> Nadia Karimova: Welcome.  Questions from the floor, please.\n"
        ">> Participant Hello, I am Tom from Lagos.  Is the fee fixed?\n"
        ">> Remote Moderator We have a question online from Quito.\n"
        ">> SPEAKER 2 Thank you for the question.\n"
        ">> Moderator Tom, you had a follow-up?\n"  # a name after the role: may be speech, left alone
        ">> Host Country representatives are here too.\n"  # no speech opener after a title-case role
    )
    assert _turns(text) == [
        ("Nadia Karimova", "Nadia Karimova", "speech", "Welcome. Questions from"),
        ("Participant", None, "speech", "Hello, I am Tom from La"),
        ("Remote Moderator", None, "speech", "We have a question onli"),
        ("SPEAKER 2", None, "speech", "Thank you for the quest"),
        (None, None, "speech", "Moderator Tom, you had "),
        (None, None, "speech", "Host Country representa"),
    ]


def test_lower_case_occupation_on_a_name_card() -> None:
    text = HEADER + (
        ">> Nadia Karimova: Welcome.\n"
        ">> TOMAS HOLUB, PhD student, Charles University: Thank you.  One question.\n"
        ">> Amara Diallo (youth delegate, Senegal) Hello, I am Amara.\n"
        ">> Lena Park, journalist, Seoul Daily Thanks.  A follow-up.\n"
    )
    assert _turns(text) == [
        ("Nadia Karimova", "Nadia Karimova", "speech", "Welcome."),
        ("TOMAS HOLUB, PhD student, Charles University", "Tomas Holub", "speech", "Thank you. One question"),
        ("Amara Diallo (youth delegate, Senegal)", "Amara Diallo", "speech", "Hello, I am Amara."),
        ("Lena Park, journalist, Seoul Daily", "Lena Park", "speech", "Thanks. A follow-up."),
    ]
    card = parse_name_card("TOMAS HOLUB, PhD student, Charles University")
    assert (card.role, card.organisation) == ("PhD student", "Charles University")


@pytest.mark.parametrize(
    "head",
    [
        "Jo Li, and we think Thank you.",  # a clause after the comma is no occupation
        "Sorry, student Hello.",  # the name part opens a sentence
        "Jo Li, a student from Ghana Thank you.",  # an article: a sentence, not a card
    ],
)
def test_speech_with_an_occupation_word_is_no_card(head: str) -> None:
    assert colonless_card(head, known=set()) == 0


def test_a_mode_alone_still_needs_the_name_as_a_label() -> None:
    assert colonless_card("Jo Li (online) Thank you.", known=set()) == 0


@pytest.mark.parametrize(
    "label",
    [
        *["SPEAKER FROM THE FLOOR", "Participant in the room", "FEMALE PARTICIPANT", "MALE VOICE"],
        *[
            "ANOTHER SPEAKER",
            "THE AUDIENCE",
            "Speaker online",
            "UNIDENTIFIED PARTICIPANT 2",
            "PARTICIPANTS (in unison)",
        ],
    ],
)
def test_qualified_generic_voices_are_no_person(label: str) -> None:
    assert looks_like_label(label)
    assert display_name(label) is None


@pytest.mark.parametrize("label", ["Jo Li from the floor", "MARIA THE SPEAKER", "Floor Manager Smith"])
def test_names_with_role_words_stay_people(label: str) -> None:
    assert not generic_label(label)
    assert display_name(label) is not None


def test_mixed_case_labels_alone_on_their_line_and_with_initials() -> None:
    text = HEADER + (
        ">> Nadia Karimova: Welcome.\n"
        ">> Tomas Holub\nThank you.  I speak for the operators.\n"  # the label alone, the speech below
        ">> Amara B. Diallo Thank you, Tomas.\n"  # an initial inside a colonless name
        ">> María José Ortega Gracias.  Thank you.\n"  # a word with a full stop ends the name
        ">> Digital rights matter\nfor everyone here.\n"  # a sentence word in lower case: speech
        ">> Paulo Reis from Brazil: Where I come from, it is cheap.\n"
        ">> PARTICIPANT FROM KENYA: And in Kenya?\n"
        ">> Tomas Holub: The same.\n"  # the name alone above is this file's label
        ">> OPENING REMARKS\nGood morning.\n"  # a heading the file never uses as a label
    )
    assert _turns(text) == [
        ("Nadia Karimova", "Nadia Karimova", "speech", "Welcome."),
        ("Tomas Holub", "Tomas Holub", "speech", "Thank you. I speak for "),
        ("Amara B. Diallo", "Amara B. Diallo", "speech", "Thank you, Tomas."),
        ("María José Ortega", "María José Ortega", "speech", "Gracias. Thank you."),
        (None, None, "speech", "Digital rights matter f"),
        ("Paulo Reis from Brazil", "Paulo Reis", "speech", "Where I come from, it i"),
        ("PARTICIPANT FROM KENYA", None, "speech", "And in Kenya?"),
        ("Tomas Holub", "Tomas Holub", "speech", "The same."),
        (None, None, "speech", "OPENING REMARKS Good mo"),
    ]


def test_new_voices_after_a_blank_line() -> None:
    text = HEADER + (
        ">> NADIA KARIMOVA: We have two points.\n\n"
        "and the second point is the fees, which are too high.\n\n"  # same voice going on
        "yeah, hi, can you hear me?  I am online.\n\n"  # a reply in lower case: a new voice
        ">> (Off microphone)\n\n"
        "Could you say that again, please?  The sound was off.\n\n"  # after a note turn: a new voice
        ">> [Applause]\n\n[00:41:07]\n\n(Session ends)\n\n"  # notes and a time stamp only: a note turn
        ">> NADIA KARIMOVA: Thank you all.\n"
    )
    assert _turns(text) == [
        ("NADIA KARIMOVA", "Nadia Karimova", "speech", "We have two points. and"),
        (None, None, "speech", "yeah, hi, can you hear "),
        (None, None, "note", "(Off microphone)"),
        (None, None, "speech", "Could you say that agai"),
        (None, None, "note", "[Applause] [00:41:07] ("),
        ("NADIA KARIMOVA", "Nadia Karimova", "speech", "Thank you all."),
    ]


def test_thanks_to_the_speaker_by_name_is_a_new_voice() -> None:
    text = HEADER + (
        ">> AMARA DIALLO: In Senegal the fees fell last year.\n\n"
        "Thanks so much, Amara.  Now Peru, please.\n\n"  # nobody thanks themselves: a new voice
        ">> LUIS ORTEGA: Thank you.  In Peru it is the same.\n\n"
        "Thank you, Amara, for the data.  I agree with it.\n"  # Luis thanks Amara: the same voice
    )
    assert _turns(text) == [
        ("AMARA DIALLO", "Amara Diallo", "speech", "In Senegal the fees fel"),
        (None, None, "speech", "Thanks so much, Amara. "),
        ("LUIS ORTEGA", "Luis Ortega", "speech", "Thank you. In Peru it i"),
    ]


def test_thanks_to_a_shared_first_name_proves_nothing() -> None:
    text = HEADER + (">> ANA LIMA: We start.\n\nThank you, Ana, for the question.  I agree.\n>> ANA RUIZ: Thank you.\n")
    assert [t.speaker for t in parse_transcript(text).turns] == ["Ana Lima", "Ana Ruiz"]


def test_a_reply_word_after_a_sentence_cut_short_is_the_same_voice() -> None:
    text = HEADER + ">> NADIA KARIMOVA: What I want to say to,\n\nyes, the regulators is simple.\n"
    assert len(parse_transcript(text).turns) == 1


def test_fifth_blind_set_excerpts() -> None:
    """The blind5 excerpts (development data now): every gold turn found, with its speaker and kind."""
    paths = sorted((RESOURCES / "parse_blind5").glob("*.gold.json"))
    assert len(paths) == 12, "the blind5 excerpts moved: point this test at them"
    for gold_path in paths:
        gold = json.loads(gold_path.read_text("utf-8"))["turns"]
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text("utf-8")
        turns = parse_transcript(text).turns
        got = [(t.speaker, t.kind, " ".join(t.text.split())) for t in turns]
        assert len(got) == len(gold), gold_path.name
        for (speaker, kind, body), want in zip(got, gold, strict=True):
            assert body.startswith(" ".join(want["starts"].split())), (gold_path.name, want["starts"])
            assert (speaker, kind) == (want["speaker"], want["kind"]), (gold_path.name, want["starts"])
