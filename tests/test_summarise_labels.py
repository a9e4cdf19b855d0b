"""Caption labels that name a role are never shown as a person's name (review, stop 22).

"AUDIENCE: We need cooperation ..." read as if someone were called Audience, and the
youth session's interpreted speaker was credited to "INTERPRETER". A generic label
(`transcript.speakers.generic_label`) is read as a role: "The moderator: ", "A participant: ",
"A speaker (interpreted): " before a bullet, and a plain heading over the points
of the floor in "Key points by speaker". Citations still name the caption's label.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.pipeline import analyse_session
from forumlens.summarise import SessionReport, build_report, check_citations
from forumlens.summarise.labels import HEADINGS, PREFIXES, label_role, speaker_phrase
from forumlens.summarise.rewrite import Voice, attributed_to, attribution_prefix, shown_name
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import generic_label

RES = Path(__file__).resolve().parent / "resources" / "summarise"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("MODERATOR", "moderator"),
        ("ONLINE MODERATOR", "moderator"),
        ("CHAIR", "moderator"),
        ("RAPPORTEUR", "rapporteur"),
        ("INTERPRETER", "interpreter"),
        ("AUDIENCE", "participant"),
        ("PARTICIPANT", "participant"),
        ("Speaker 2", "participant"),
        ("Ana Luisa Ferreira", None),
        ("Doreen Bogdan-Martin", None),
        (None, None),
    ],
)
def test_a_generic_label_reads_as_a_role(label: str | None, role: str | None) -> None:
    assert label_role(label) == role


def test_an_unnamed_voice_is_introduced_by_its_role() -> None:
    assert attribution_prefix(Voice(None, None, None, "interpreter")) == "A speaker (interpreted): "
    assert attribution_prefix(Voice(None, None, None, "rapporteur")) == "The rapporteur: "
    assert attribution_prefix(Voice(None, None, None, None)) == "A participant: "
    assert attribution_prefix(Voice("Ana Ferreira", None, "DC on Accessibility", None)) == (
        "Ana Ferreira (DC on Accessibility): "
    )
    assert set(HEADINGS) == set(PREFIXES)


def _report(path: Path) -> tuple[SessionReport, set[str]]:
    session = parse_transcript(path.read_text("utf-8"), source=path.name, sha256=path.name)
    labels = {t.label for t in session.turns if t.label and t.speaker is None and generic_label(t.label)}
    assert labels  # the session has label-only turns (AUDIENCE, INTERPRETER)
    report = build_report(session, analyse_session(session))
    assert check_citations(report, [session]) == []
    for _section, bullet in report.bullets():
        head = bullet.text.split(":", 1)[0]
        assert head not in labels, bullet.text
    headings = [sp.speaker for sp in report.speakers]
    assert not labels & set(headings), headings
    return report, labels


def test_floor_voices_are_reported_under_a_plain_heading_cited_to_their_label() -> None:
    report, labels = _report(RES / "ms-elections-misinformation-2024.txt")
    floor = [sp for sp in report.speakers if sp.speaker in HEADINGS.values()]
    assert floor  # their points are still reported, under a plain heading
    for sp in floor:  # and cited to the caption's own label
        assert all(c.speaker in labels for b in sp.bullets for c in b.citations)


def test_an_interpreted_speech_is_credited_to_the_speaker_it_interprets() -> None:
    # ">> GABRIELA SOUZA: (Speaking Portuguese)" then ">> INTERPRETER: -- We are happy to share …" (L117):
    # the interpreter's words are hers (resolve.interpreted), never a heading of their own
    report, _labels = _report(RES / "held_out2" / "nri-youth-age-assurance-2024.txt")
    by_speaker = {sp.speaker: [c.line for b in sp.bullets for c in b.citations] for sp in report.speakers}
    assert 117 in by_speaker["Gabriela Souza"]
    assert not [sp for sp in report.speakers if sp.speaker in HEADINGS.values()]


def test_a_numbered_member_of_a_group_is_attributed_by_the_number_in_a_readers_case() -> None:
    # jurors, panellists asked not to be named: the caption's "JUROR 11" is who they are
    assert attribution_prefix(Voice("JUROR 11", None, None, None)) == "Juror 11: "
    assert attribution_prefix(Voice("Dewi", None, None, None)) == "Dewi: "  # a first name is a name
    assert shown_name("UNESCO") == "UNESCO"  # an acronym is not a numbered label


@pytest.mark.parametrize(
    ("text", "speakers", "attributed"),
    [
        ("Dewi: I will share these notes with a lawyer.", ["Dewi"], True),  # one word is a name
        ("Andi (Jakarta): I will collect stories online.", ["Andi (Jakarta)"], True),
        ("Juror 11: The statistician explained to us that postcode leaks.", ["JUROR 11"], True),
        ("A participant: We need a place to complain.", [None], True),  # an unnamed role
        ("Ideas: we should make defamation a civil matter.", ["Dewi"], False),  # a heading, not a person
        ("Tuti: We need a place to complain.", ["Dewi"], False),  # names someone the bullet does not cite
        ("We need a place to complain.", ["Tuti"], False),
    ],
)
def test_a_bullet_is_attributed_when_it_opens_with_a_cited_speaker(
    text: str, speakers: list[str | None], attributed: bool
) -> None:
    assert attributed_to(text, speakers) is attributed


@pytest.mark.parametrize(
    ("who", "inside", "opening"),
    [
        ("remote participant", "a remote participant", "A remote participant"),  # the analysis's chat sender
        (
            "online participant from the Riga hub",
            "an online participant from the Riga hub",
            "An online participant from the Riga hub",
        ),
        ("AUDIENCE MEMBER", "an audience member", "An audience member"),
        ("another participant", "another participant", "Another participant"),
        ("Speaker 2", "Speaker 2", "Speaker 2"),  # a numbered voice is who it is: no article
        ("Karl Meyer", "Karl Meyer", "Karl Meyer"),
        ("", "a participant", "A participant"),
        (None, "a participant", "A participant"),
    ],
)
def test_an_unnamed_speaker_is_described_with_its_article(who: str | None, inside: str, opening: str) -> None:
    assert speaker_phrase(who) == inside
    assert speaker_phrase(who, opens=True) == opening
