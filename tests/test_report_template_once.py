"""The IGF template says each point once (issue 23, item 7): a sentence under one heading is
not said again under another (a presenter's only point under Key issues and Presentations, an
answer under Presentations and Discussion, a floor call under Discussion and Calls to action),
and Calls to action holds only calls on others (a promise goes to Way forward)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from forumlens.models import Citation
from forumlens.summarise import check_citations
from forumlens.summarise.models import Bullet
from forumlens.summarise.template import PRESENTER_ROLES, _is_call, _real_calls, igf_report

from .bench_support import load_bench
from .conftest import RESOURCES

repeats_bench = load_bench("template_repeats")

# three development sessions whose template said points twice before (4, 3 and 5 repeats)
SESSIONS = [
    RESOURCES / "summarise" / name
    for name in ("dc-accessibility-2022.txt", "of-cyber-capacity-2019.txt", "ws-community-networks-2023.txt")
]


@pytest.fixture(scope="module", params=SESSIONS, ids=lambda p: p.stem)
def filled(request: pytest.FixtureRequest) -> tuple[Any, dict[str, Any], Any]:
    from forumlens.pipeline import analyse_session, prepare_document
    from forumlens.read import read_bytes

    path: Path = request.param
    session, meta = prepare_document(read_bytes(path.read_bytes(), str(path)))
    analyses = analyse_session(session)
    analyses["document"] = meta.to_json()
    return session, analyses, igf_report(session, analyses)


def test_no_point_is_said_under_two_headings(filled) -> None:
    session, _, report = filled
    n, found = repeats_bench.repeats(report.to_json())
    assert n >= 15, "the long form still says something under its headings"
    assert found == []
    assert check_citations(report, [session]) == []


def test_every_presenter_with_points_keeps_a_paragraph_and_key_issues_are_there(filled) -> None:
    _, analyses, report = filled
    with_points = {
        sp.get("speaker") for sp in analyses.get("speaker_points") or () if sp.get("points") and sp.get("speaker")
    }
    presenters = {
        p["name"] for p in analyses["people"] if p.get("role") in PRESENTER_ROLES and p.get("name") in with_points
    }
    leads = [p.lead for p in report.section("Presentations").paragraphs]
    assert presenters and all(any(lead.startswith(name) for lead in leads) for name in presenters)
    assert all(p.sentences for p in report.section("Presentations").paragraphs)
    assert report.section("Key issues raised").items


def _bullet(quote: str, line: int = 3) -> Bullet:
    return Bullet(quote, (Citation(line=line, speaker="Ama Owusu", quote=quote),), "funding")


@pytest.mark.parametrize(
    "quote",
    [
        "Donors should fund the trainers for three years, not one.",  # a directive word
        "Please send us the list before the next meeting.",  # a request
        "We ask that every ministry names one contact person.",
        "For small towns, the regulator could publish one simple form.",
        "Write the rules down, and publish the budget every year.",  # an imperative
        "if you want the data to last, keep two copies in two places.",
    ],
)
def test_a_call_on_others_is_a_call(quote: str) -> None:
    assert _is_call(_bullet(quote))
    assert _real_calls([_bullet(quote)]) == ([_bullet(quote)], [])


def test_a_promise_goes_to_commitments_and_a_description_or_procedure_is_no_call() -> None:
    promise = _bullet("We will publish the results on our website in March.")
    description = _bullet("Our library opens six days a week and has twelve computers.")
    procedure = _bullet("There is time for one last intervention, and then we go to the next steps.")
    solo = _bullet("I am going to buy one tomorrow.")
    real, promised = _real_calls([promise, description, procedure, solo])
    assert real == [] and promised == [promise]


def test_a_decision_the_room_agreed_is_a_commitment_and_an_opinion_about_one_is_not() -> None:
    agreed = _bullet("So we have agreed, the pilot starts in two districts after the rainy season.")
    decided = _bullet("And it was decided that the glossary goes to the mailing list first.")
    opinion = _bullet("I was surprised it was agreed so quickly, to be honest.")
    disagree = _bullet("So we agreed to disagree on the licence, and that is fine.")
    real, promised = _real_calls([agreed, decided, opinion, disagree])
    assert real == [] and promised == [agreed, decided]


def test_same_point_is_a_shared_passage_or_near_same_words() -> None:
    def sentence(text: str, line: int, quote: str) -> dict[str, Any]:
        return {"text": text, "citations": [{"line": line, "quote": quote}]}

    a = sentence("Donors should fund the trainers.", 12, "Donors should fund the trainers.")
    held = sentence("Kofi: Donors should fund the trainers, for years.", 12, "Donors should fund the trainers")
    elsewhere = sentence("Donors should fund trainers.", 40, "Donors should fund trainers now.")
    other = sentence("The library opens at nine.", 12, "The library opens at nine.")
    assert repeats_bench.same_point(a, held)
    assert repeats_bench.same_point(a, elsewhere)  # other line, nearly the same words
    assert not repeats_bench.same_point(a, other)
    report = {
        "sections": [
            {"heading": "Key issues raised", "items": [a], "paragraphs": []},
            {"heading": "Presentations", "items": [], "paragraphs": [{"lead": "Kofi", "sentences": [held, other]}]},
            {"heading": "Speakers and their institutional affiliations", "items": [a], "paragraphs": []},
        ]
    }
    n, found = repeats_bench.repeats(report)
    assert n == 3 and [(x, y) for x, y, _ in found] == [("Key issues raised", "Presentations")]
