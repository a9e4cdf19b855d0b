"""Tags and glossary as a user meets them: the JSONL contract, stored tags, the --tag filter."""

import json

from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.ingest import IngestOptions, ingest_file
from forumlens.search import SearchFilters, parse_query

from .conftest import MAIN_SESSION, ROOT

LIMIT = 20_000_000


def test_tag_jsonl_contract_through_the_cli():
    lines = "\n".join(
        [
            json.dumps(
                {
                    "id": "a",
                    "text": "Safe drinking water and sanitation for every village, "
                    "with wells and clean water management.",
                }
            ),
            json.dumps({"id": 2, "text": "Broadband infrastructure and industrial innovation."}),
        ]
    )
    result = CliRunner().invoke(cli, ["tag", "--scheme", "sdg", "--jsonl"], input=lines)
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in result.output.splitlines()]
    assert [r["id"] for r in records] == ["a", 2]
    assert "SDG6" in records[0]["codes"] and set(records[0]["scores"]) >= {"SDG6", "SDG9"}


def test_tag_jsonl_bad_line_is_one_clear_error():
    result = CliRunner().invoke(cli, ["tag", "--jsonl"], input='{"id": 1, "text": "ok"}\nnot json\n')
    assert result.exit_code == 1 and ":2:" in result.output


def test_ingest_stores_tags_and_search_filters_by_them(fresh_store):
    ingest_file(fresh_store, MAIN_SESSION, IngestOptions(max_bytes=LIMIT))
    ingest_file(fresh_store, ROOT / "examples" / "igf2024-ws-coalition-outputs.txt", IngestOptions(max_bytes=LIMIT))
    rows = fresh_store._rows("SELECT session_id, code FROM tags")
    assert rows
    code = rows[0][1]
    tagged = {sid for sid, c in rows if c == code}
    hits = fresh_store.search(parse_query("coalition"), SearchFilters(tag=code.lower(), limit=100))
    assert hits and {h.session for h in hits} <= tagged
    by_coalition = fresh_store.search(parse_query("the"), SearchFilters(coalition="DC-PAL", limit=100))
    assert {h.session for h in by_coalition} == {
        c.session for c in fresh_store.coalition_appearances() if c.acronym == "DC-PAL"
    }


def test_glossary_across_the_store(tmp_path):
    db = str(tmp_path / "g.sqlite3")
    runner = CliRunner()
    runner.invoke(cli, ["--db", db, "ingest", str(MAIN_SESSION)])
    result = runner.invoke(cli, ["--db", db, "glossary", "--json"])
    terms = {t["term"]: t for t in json.loads(result.output)["terms"]}
    # the seed never says what the MAG is: its entry shows the expansion, no "defining" sentence
    assert terms["MAG"]["definition"] is None and terms["MAG"]["expansion"].lower() == "multistakeholder advisory group"
    defined = [t for t in terms.values() if t["definition"]]
    assert defined and all(t["definition"]["quote"] in MAIN_SESSION.read_text("utf-8") for t in defined)


def test_tag_file_evidence_quotes_the_speech_never_the_marker(tmp_path):
    # one marker shares its line with the speech, the other stands alone on its line: the
    # evidence lines point at the speech and the quotes never carry ">> NAME:"
    path = tmp_path / "water.txt"
    path.write_text(
        ">> AMARA OKAFOR: Clean water and sanitation are what our villages lack most. We need pumps.\n"
        "Safe drinking water is a right, and clean water saves children from disease.\n"
        "\n"
        ">> JONAS BERG:\n"
        "Clean water for schools and sanitation for clinics come first in our plan.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["tag", str(path)])
    assert result.exit_code == 0, result.output
    head, *quotes = [line for line in result.output.splitlines() if line.startswith(("SDG6", "    L"))]
    assert head.startswith("SDG6") and "(lines 1, 2, 5)" in head
    assert quotes[0] == "    L1  Clean water and sanitation are what our villages lack most."
    assert all(">>" not in q and "OKAFOR" not in q for q in quotes)
