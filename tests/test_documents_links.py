"""Outputs mentioned in transcripts linked to the documents on file (issue 8, deliverable 3)."""

from forumlens.documents.links import (
    THRESHOLD,
    LinkedDocument,
    OutputMention,
    link_outputs,
    linked_documents,
    match_outputs,
    score_link,
)
from forumlens.ingest import IngestOptions, ingest_file

from .conftest import MAIN_SESSION
from .docfiles import make_docx

LIMIT = 20_000_000
GLOSSARY_MD = """# Glossary of Platform Law and Policy Terms

Dynamic Coalition on Platform Responsibility, December 2021.

## Introduction

This glossary collects the terms used in platform regulation debates.

## Terms

Content moderation: the practice of reviewing user content against platform rules.
"""
GLOSSARY_LINE = 167  # "… launching at the IGF … the glossary of platforms of ‑‑ policy terms for platforms."
DCPR = ("dcpr", "dc on platform responsibility")
QUOTE = "This year, we're also launching at the IGF at our session tomorrow the glossary of policy terms for platforms."


def _mention(**kw):
    base = {
        "session": "t1",
        "line": 10,
        "quote": QUOTE,
        "kind": "glossary",
        "coalition": "DC on Platform Responsibility",
        "status": "forthcoming",
        "year": 2021,
    }
    return OutputMention(**{**base, **kw})


def _doc(**kw):
    base = {
        "id": "d1",
        "kind": "glossary",
        "title": "Glossary of Platform Law and Policy Terms",
        "year": 2021,
        "coalitions": DCPR,
    }
    return LinkedDocument(**{**base, **kw})


def test_kind_coalition_title_and_year_give_a_strong_link():
    assert score_link(_doc(), _mention()) >= 0.9


def test_a_different_coalition_or_an_unfitting_kind_or_a_distant_year_rules_the_link_out():
    assert score_link(_doc(coalitions=("dc-civ", "dc on core internet values")), _mention()) == 0
    assert score_link(_doc(kind="statement"), _mention()) == 0
    assert score_link(_doc(year=2016), _mention()) == 0


def test_a_vague_mention_without_coalition_or_title_words_stays_below_the_threshold():
    vague = _mention(
        quote="A report is excellent, but maybe some reflections would be needed.",
        kind="report",
        coalition=None,
        status="mentioned",
    )
    assert score_link(_doc(kind="annual-report", title="Annual Report 2021"), vague) < THRESHOLD


def test_a_report_mention_fits_an_annual_report_of_its_coalition():
    mention = _mention(kind="report", quote="We have recently released our report.", status="released")
    assert score_link(_doc(kind="annual-report", title="Annual Report 2021"), mention) >= THRESHOLD
    assert score_link(_doc(kind="glossary"), mention) < THRESHOLD


def test_each_mention_goes_to_its_best_document_only():
    glossary, paper = _doc(), _doc(id="d2", kind="paper", title="Platform regulation study")
    links = match_outputs([glossary, paper], [_mention()])
    assert [x["line"] for x in links["d1"]] == [10] and links["d2"] == []
    assert set(links["d1"][0]) == {"session", "line", "quote", "kind", "score"}


def _ingest_glossary(store, tmp_path):
    path = tmp_path / "dcpr-glossary.md"
    path.write_text(GLOSSARY_MD, "utf-8")
    outcome = ingest_file(store, path, IngestOptions(max_bytes=LIMIT))
    assert outcome.status == "ingested"
    assert next(d.kind for d in store.stored_documents() if d.id == outcome.session) == "glossary"
    return outcome.session


def _assert_linked(store, doc, transcript):
    links = store.analysis(doc, "output_links")
    assert links and links[0]["session"] == transcript and links[0]["line"] == GLOSSARY_LINE
    assert links[0]["kind"] == "glossary" and links[0]["score"] >= THRESHOLD
    turn = next(t for t in store.load_session(transcript).turns if t.line <= GLOSSARY_LINE <= t.end_line)
    assert links[0]["quote"] in turn.text  # the quote is verbatim in the transcript
    assert linked_documents(store, transcript) == {GLOSSARY_LINE: [doc]}


def test_a_document_ingested_after_the_transcript_is_linked(fresh_store, tmp_path):
    transcript = ingest_file(fresh_store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT)).session
    assert link_outputs(fresh_store, [transcript]) == {}  # no documents yet
    doc = _ingest_glossary(fresh_store, tmp_path)  # the ingest links it (after_ingest)
    _assert_linked(fresh_store, doc, transcript)
    assert link_outputs(fresh_store, [doc]) == {}  # idempotent: nothing changed, nothing written
    fresh_store.save_output_links({doc: []})  # an empty list removes a document's links
    assert fresh_store.output_links() == {} and linked_documents(fresh_store, transcript) == {}
    written = link_outputs(fresh_store, [doc])
    assert list(written) == [doc]
    _assert_linked(fresh_store, doc, transcript)


def test_a_transcript_ingested_after_the_document_links_the_other_way(fresh_store, tmp_path):
    doc = _ingest_glossary(fresh_store, tmp_path)
    assert link_outputs(fresh_store, [doc]) == {}
    assert fresh_store.analysis(doc, "output_links") is None
    transcript = ingest_file(fresh_store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT)).session
    link_outputs(fresh_store, [transcript])
    _assert_linked(fresh_store, doc, transcript)


def test_a_generated_docx_of_another_coalition_is_not_linked_to_the_glossary_mention(fresh_store, tmp_path):
    transcript = ingest_file(fresh_store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT)).session
    path = tmp_path / "civ-glossary.docx"
    path.write_bytes(
        make_docx(
            [
                ("h1", "Glossary of Core Internet Values"),
                ("p", "Dynamic Coalition on Core Internet Values, 2021."),
                ("p", "Openness: anyone may join the network."),
            ]
        )
    )
    doc = ingest_file(fresh_store, path, IngestOptions(max_bytes=LIMIT)).session
    link_outputs(fresh_store, [doc])
    assert fresh_store.analysis(doc, "output_links") is None
    assert linked_documents(fresh_store, transcript) == {}
