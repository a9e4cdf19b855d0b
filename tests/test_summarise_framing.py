"""Bullets never carry the session's framing or the captioner's notes (issue 23, item 1).

A moderator's agenda ("Today we ask them what happened since"), a report of what someone
said that leaves out what they said ("two coalitions told a workshop what they had
produced"), a clause with no verb but a possessive ("a sentence on cooperation, from
Hassan's point") and stage notes inside a quote ("(Interpretation from Arabic)") are not
points. Unit cases are written for these tests (varied chairs, languages and caption
styles); the end-to-end cases build reports as the pipeline does, from the example
session and two development transcripts, and check every bullet and its citations.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from forumlens.pipeline import analyse_session
from forumlens.summarise import build_report, check_citations
from forumlens.summarise.compress import compress, strip_notes
from forumlens.summarise.rewrite import Voice, has_finite_verb, problem, render_sentence, room_voice, third_person
from forumlens.summarise.roles import is_chair_talk, is_empty_report
from forumlens.transcript.parse import parse_transcript

ROOT = Path(__file__).resolve().parents[1]
CHAIR = Voice("Marisol Quispe", None, "ISOC Peru", "moderator")
PANELLIST = Voice(
    "Tevita Fifita", "DC on Small Island Developing States", "DC on Small Island Developing States", "guest"
)


@pytest.mark.parametrize(
    "said, shown",
    [
        ("(Interpretation from Spanish) The regulator has not published the licences.", "The regulator has not"),
        ("[ Laughter ] Funding is the problem in every one of our regions.", "Funding is the problem"),
        ("The cable was cut twice (inaudible) in the same month last year.", "The cable was cut twice in the same"),
        ("(Speaking in Portuguese) Schools in the north still have no connection at all.", "Schools in the north"),
        ("(Through interpreter) The ministry will publish the map next year.", "The ministry will publish"),
        ("(Spoken in Spanish; interpreted) The children alone trust the phone most.", "The children alone trust"),
        ("The connection here is ‑‑ (audio cutting out) ‑‑ really poor in the rural schools.", "is ‑‑ really poor"),
    ],
)
def test_stage_notes_leave_the_rendered_text(said: str, shown: str) -> None:
    rendered = render_sentence(said)
    assert rendered is not None
    assert shown in rendered.text
    assert not re.search(r"[(\[]", rendered.text), rendered.text


@pytest.mark.parametrize(
    "said",
    [
        "The Internet Governance Forum (IGF) meets once a year in a different country.",
        "Two speakers joined (online) from the hub in Suva and from Apia.",
        "The exchange point (KIXP) keeps local traffic local in Nairobi.",
    ],
)
def test_a_speakers_own_brackets_stay(said: str) -> None:
    assert strip_notes(said) == said
    assert "(" in compress(said)


@pytest.mark.parametrize(
    "fragment",
    [
        "and a paragraph on open standards for the small islands, from Mele's point.",
        "A sentence on the energy use of data centres, as per the chair's remark.",
        "(Off microphone)... the teachers in the villages also need...",
        "(Interpretation from French) If I may add, yes, I agree, and also training for the judges in the regions.",
    ],
)
def test_fragments_with_a_possessive_or_lost_words_are_no_points(fragment: str) -> None:
    assert render_sentence(fragment) is None


def test_a_possessive_is_no_verb_but_a_contraction_is() -> None:
    assert not has_finite_verb("a paragraph on open standards, from Mele's point")
    assert has_finite_verb("that's the main gap in the islands")
    assert has_finite_verb("the ministry's plan, it's ambitious")


@pytest.mark.parametrize(
    "said",
    [
        "Today we ask them what happened since.",
        "Now we hear from the regulators of the three countries.",
        "We're talking about trust and safety and about human rights in this room.",
        "We will also be hearing from the youth coalition online.",
        "I'm going to ask each panellist for one recommendation.",
        "We want to look at how the national IGFs feed into the global forum.",
        "We start with Aroha, who joins us from Wellington.",
        "We have four discussants, two here and two online.",
        "We will start in one minute, please take your seats.",
    ],
)
def test_a_chairs_agenda_is_no_point(said: str) -> None:
    assert is_chair_talk(said) or is_chair_talk(compress(said)) or problem(compress(said)) is not None
    assert render_sentence(said, CHAIR, attributed=True) is None


@pytest.mark.parametrize(
    "said, shown",
    [
        ("We need core funding for the helplines, not project money.", "core funding for the helplines"),
        ("We ask the national IGFs to invite a librarian to every panel.", "invite a librarian"),
        ("We will discuss the draft principles with the MAG next year.", "with the MAG next year"),
        ("We have agreed that the working group starts in March.", "The session has agreed"),
    ],
)
def test_a_chairs_substance_stays(said: str, shown: str) -> None:
    rendered = render_sentence(said, CHAIR)
    assert rendered is not None
    assert shown in rendered.text


def test_agenda_words_from_a_panellist_are_their_plan() -> None:
    rendered = render_sentence("We will discuss the findings with the ministries of the region.", PANELLIST)
    assert rendered is not None
    assert "discuss the findings with the ministries" in rendered.text


@pytest.mark.parametrize(
    "said, empty",
    [
        ("Last year three coalitions told the workshop what they had done and what they needed.", True),
        ("Earlier this month the hubs told us what happened since.", True),
        ("Then we asked the mayors how it worked.", True),
        ("The toolkit explains how ministries can count libraries as public access points.", False),
        ("Download the guide, try one chapter, and tell us what does not work.", False),
        ("Our app lets a person keep documents on the phone, and share only what is needed.", False),
    ],
)
def test_a_report_without_its_content(said: str, empty: bool) -> None:
    assert is_empty_report(said) is empty
    if empty:
        assert render_sentence(said) is None


def test_the_room_agreed_in_the_singular() -> None:
    assert room_voice("We have decided that the two teams will write a joint note.", "chair") == (
        "The session has decided that the two teams will write a joint note."
    )
    assert room_voice("We heard the concerns, and we have agreed to meet again.", "moderator") == (
        "The session heard the concerns, and it has agreed to meet again."
    )


def test_the_bodys_own_things_in_the_third_person() -> None:
    said = "Since Kyoto, five regulators have adopted our licensing checklist in their rules."
    assert third_person(said, "DC on Community Connectivity") == (
        "Since Kyoto, five regulators have adopted the Dynamic Coalition on Community Connectivity's licensing "
        "checklist in their rules."
    )
    # "our" before something everyone shares is not the body's
    assert third_person("Governments must protect our children online, says the study.", "DC on X") is None


def _report(path: Path):  # type: ignore[no-untyped-def]
    session = parse_transcript(path.read_text("utf-8"), source=path.name, sha256=path.name)
    report = build_report(session, analyse_session(session))
    assert check_citations(report, [session]) == []
    return report


def test_the_example_sessions_framing_is_no_takeaway() -> None:
    report = _report(ROOT / "examples" / "igf2025-of-one-year-on.txt")
    texts = [b.text for b in report.takeaways]
    assert texts, "the session has takeaways"
    opening = [b for b in report.takeaways if any(c.line == 7 for c in b.citations)]
    assert opening == [], [b.text for b in opening]  # line 7: the moderator's welcome and agenda
    assert all(not t.startswith("Ingrid Solberg:") for t in texts)


def test_no_stage_note_or_possessive_fragment_in_the_held_out3_reports() -> None:
    base = ROOT / "tests" / "resources" / "summarise" / "held_out3"
    for name in ("th-submarine-cables-2024.txt", "pn-internet-fragmentation-2023.txt"):
        report = _report(base / name)
        for _section, bullet in report.bullets():
            assert not re.search(r"\((?:Interpretation|Speaking|Off microphone|inaudible)", bullet.text), bullet.text
            assert not bullet.text.startswith("A sentence on"), bullet.text


def test_the_chairs_summing_up_is_the_sessions() -> None:
    rendered = render_sentence("On funding, I heard a clear split between the donors and the hubs.", CHAIR)
    assert rendered is not None
    assert rendered.text == "On funding, the session heard a clear split between the donors and the hubs."
    # what a chair heard elsewhere is their own, and keeps their name
    mine = render_sentence("I noted in my own country that the universal service funds are always late.", CHAIR)
    assert mine is not None
    assert mine.text.startswith("Marisol Quispe (ISOC Peru): ")


@pytest.mark.parametrize(
    "said, fragment",
    [
        ("In every province of Kenya, about their use of mobile money and what they expect from the regulator.", True),
        ("Across the Pacific islands, on the cost of backhaul and how they share it between villages.", True),
        ("Training for judges in the regions and how they use the law is what matters most.", False),
        ("The survey covered every province and asked what they expect from the regulator.", False),
    ],
)
def test_verbs_only_inside_a_hanging_wh_clause(said: str, fragment: bool) -> None:
    assert (problem(said) == "fragment") is fragment


@pytest.mark.parametrize(
    "said",
    [
        "Excuse me, there is no Spanish on the channel at the back of the room.",
        "Interpretation into French is available on channel two for the whole session.",
        "I want to add the perspective of the landlocked countries here.",
    ],
)
def test_room_chatter_and_talk_about_the_talk_are_no_points(said: str) -> None:
    assert render_sentence(said) is None


@pytest.mark.parametrize(
    "said",
    [
        "We met the regulators (in Kenya) last year.",
        "We built it on (the sound library) of the university.",
        "It works with (machine translation) for now.",
    ],
)
def test_a_bracket_with_a_note_word_inside_the_speakers_aside_is_kept(said: str) -> None:
    assert strip_notes(said) == said


def test_a_possessive_before_going_and_a_curly_contraction_are_verbs() -> None:
    assert has_finite_verb("Maria's going to send the draft to the ministries")
    assert has_finite_verb("that’s the point the regulators missed")


def test_a_chair_describing_what_they_see_is_substance_not_agenda() -> None:
    assert not is_chair_talk("We are looking at a 30 percent drop in donor funding for the helplines this year.")
    assert is_chair_talk("Today we ask them what happened since.")
