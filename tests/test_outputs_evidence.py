"""An output is a document that exists or is scheduled, never one only suggested (analyse/outputs.py).

Issue 23 / stop 20: the shared transcript's "to have an impactful output, guideline, a
report is excellent, but maybe some reflections would be ..." was listed as an output. A
produced output needs evidence it exists (released, published, "our study found") or is
scheduled ("will be launched tomorrow"); a suggestion, a wish or a hypothetical in the
clause that names it is none. The sentences below are our own, written in the way IGF
speakers talk (non-native phrasing, run-ons), each in a session of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.analyse.context import build_context
from forumlens.analyse.outputs import find_outputs, hypothetical
from forumlens.transcript.parse import parse_transcript

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _outputs(sentence: str) -> list[tuple[str, str]]:
    """(kind, status) of the outputs found when a panellist says `sentence`."""
    text = f">> MODERATOR:  Thank you, over to you.\n\n>> NADIA OKAFOR:  Thank you.  {sentence}\n"
    session = parse_transcript(text, source="outputs-test.txt", sha256="outputs-test")
    return [(o.kind, o.status) for o in find_outputs(build_context(session))]


PRODUCED = [
    ("We published the toolkit in March and it was downloaded more than 3,000 times.", ("toolkit", "released")),
    ("The handbook will be launched at our session tomorrow in room four.", ("handbook", "forthcoming")),
    ("In our study of 400 libraries, most of them has no budget for accessibility.", ("study", "mentioned")),
    ("If you missed it, we released the report last week on the coalition page.", ("report", "released")),
    ("The final report will be published by the end of January on the IGF website.", ("report", "forthcoming")),
]

SUGGESTED = [
    "A guideline, a report is excellent, but maybe some reflection to bring the results into our regional report.",
    "A report could be published next year if the donors agree to pay for the editing.",
    "I hope the statement will be published before the end of the year, but nothing is decided.",
    "Perhaps our study could be shared with the regulators, it would help them a lot.",
    "We would like to see a report written by the secretariat about all the coalitions.",
    "Maybe a handbook would be launched by somebody, I don't know who can do it.",
]


@pytest.mark.parametrize(("sentence", "expected"), PRODUCED)
def test_an_output_that_exists_or_is_scheduled_is_found(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in _outputs(sentence)


@pytest.mark.parametrize("sentence", SUGGESTED)
def test_a_suggested_wished_or_hypothetical_output_is_none(sentence: str) -> None:
    assert _outputs(sentence) == []


@pytest.mark.parametrize("sentence", SUGGESTED)
def test_the_suggestions_name_a_document_next_to_a_verb_of_producing(sentence: str) -> None:
    """Each suggestion above is one the cue patterns alone take for an output: only the
    clause check (`hypothetical`) tells them apart, so the test above can fail."""
    from forumlens.analyse import outputs

    patterns = (*outputs._FUTURE, *outputs._PAST, *outputs._OWNED)
    assert any(p.search(sentence) for p in patterns)


def test_only_the_clause_naming_the_output_counts() -> None:
    text = "If you missed it, we released the report last week."
    start = text.index("released")
    assert not hypothetical(text, start, text.index("report") + len("report"))
    text = "We released the data, and maybe a report would follow."
    assert hypothetical(text, text.index("report"), text.index("follow") + len("follow"))


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared corpus not mounted")
def test_the_shared_transcripts_suggested_report_is_no_output() -> None:
    """The shared IGF 2021 session: the suggestion is gone, the released and launched outputs stay."""
    from forumlens.pipeline import analyse_session

    path = next(iter(sorted(SHARED.glob("*.txt"))))
    session = parse_transcript(path.read_text("utf-8"), source=path.name, sha256=path.name)
    outputs = analyse_session(session)["outputs"]
    quotes = [o["quote"] for o in outputs]
    assert not any("a report is excellent, but" in q for q in quotes)
    assert any(o["kind"] == "glossary" and o["status"] == "forthcoming" for o in outputs)
    assert any(o["kind"] == "report" and o["status"] == "released" for o in outputs)
