"""`forumlens brief --coalition`: every filter given is honoured and shown."""

import json
import re

from click.testing import CliRunner

from forumlens.cli import cli

from .conftest import MAIN_SESSION, ROOT

NETWORKS_2023 = ROOT / "tests" / "resources" / "summarise" / "ws-community-networks-2023.txt"


def _brief(db: str, *args: str) -> dict:
    result = CliRunner().invoke(cli, ["--db", db, "brief", *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_coalition_snapshot_honours_since_and_until(tmp_path):
    db = str(tmp_path / "b.sqlite3")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(MAIN_SESSION), str(NETWORKS_2023)]).exit_code == 0
    everything = _brief(db, "--coalition", "DC on Community Connectivity")
    years = {a["year"] for a in everything["appearances"]}
    assert {2021, 2023} <= years and everything["filters"] == {}

    later = _brief(db, "--coalition", "DC on Community Connectivity", "--since", "2022")
    assert later["appearances"] and {a["year"] for a in later["appearances"]} == {2023}
    assert later["filters"] == {"since": 2022}
    cited = {c["session"] for key in ("said", "produced", "asked") for b in later[key] for c in b["citations"]}
    assert cited <= {a["session"] for a in later["appearances"]}

    earlier = _brief(db, "--coalition", "DC on Community Connectivity", "--until", "2021-12-31")
    assert {a["year"] for a in earlier["appearances"]} == {2021} and earlier["filters"] == {"until": 2021}


def test_the_text_snapshot_says_which_years_it_covers(main_session_db):
    db = str(main_session_db)
    result = CliRunner().invoke(cli, ["--db", db, "brief", "--coalition", "IRPC", "--since", "2030"])
    assert result.exit_code == 0, result.output
    assert "since 2030" in result.output and "0 sessions" in result.output


def test_brief_citations_describe_their_sessions_from_the_store(tmp_path):
    """Issue 23 item 4: a brief printed on paper says which session each line is from."""
    db = str(tmp_path / "b.sqlite3")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(MAIN_SESSION), str(NETWORKS_2023)]).exit_code == 0
    sessions = {}
    for path in (MAIN_SESSION, NETWORKS_2023):
        found = CliRunner().invoke(cli, ["--db", db, "report", str(path), "--json"])
        data = json.loads(found.output)
        sessions[data["id"]] = data
    brief = _brief(db, "--topic", "community networks funding")
    assert brief["bullets"]
    for bullet in brief["bullets"]:
        for c in bullet["citations"]:
            stored = sessions[c["session"]]
            assert (c["title"], c["year"]) == (stored["title"], stored["year"])
            assert c.get("date") == stored["document"]["date"]  # the date ingest found, when it found one
    result = CliRunner().invoke(cli, ["--db", db, "brief", "--topic", "community networks funding", "--md"])
    sources = result.output.partition("## Sources")[2]
    cited = {c["session"] for b in brief["bullets"] for c in b["citations"]}
    assert sources and all(sessions[sid]["title"] in sources for sid in cited)


def test_coalition_snapshot_follows_its_asks_and_promises_across_years(tmp_path):
    """Issue 20: `brief --coalition` shows what it asked for year by year and its promises' fate, all cited."""
    db = str(tmp_path / "t.sqlite3")
    dev = ROOT / "bench" / "threads" / "dev"
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(dev)]).exit_code == 0
    data = _brief(db, "--coalition", "DC3")
    funding = [b for b in data["asked_by_year"] if b["when"].endswith("funding")]
    assert [b["when"].split(" · ")[:2] for b in funding] == [
        ["2021", "raised"],
        ["2022", "repeated"],
        ["2023", "repeated"],
    ]
    assert any(p["status"] == "unfulfilled" and "spectrum" in p["text"] for p in data["promises"])
    for bullet in data["asked_by_year"] + data["promises"]:  # the brief passed the verbatim citation check
        assert bullet["citations"][0]["quote"] == bullet["text"] and bullet["citations"][0]["line"] >= 1
    later = _brief(db, "--coalition", "DC3", "--since", "2022")
    assert later["asked_by_year"] and all(not b["when"].startswith("2021") for b in later["asked_by_year"])


def test_brief_numbers_its_sources_in_the_order_the_reader_meets_them(tmp_path):
    """Issue 23: `brief --topic "meaningful access" --md` on the examples and the shared
    transcript printed [1], [9], [2], [10] in one theme (numbers grouped by session)."""
    db = str(tmp_path / "b.sqlite3")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(ROOT / "examples"), str(MAIN_SESSION)])
    assert result.exit_code == 0, result.output
    md = CliRunner().invoke(cli, ["--db", db, "brief", "--topic", "meaningful access", "--md"])
    assert md.exit_code == 0, md.output
    body, _, sources = md.output.partition("## Sources")
    refs = [int(n) for group in re.findall(r"\[([\d, ]+)\]$", body, re.M) for n in group.split(",")]
    first_seen = list(dict.fromkeys(refs))
    assert len(first_seen) >= 5 and first_seen == list(range(1, len(first_seen) + 1))
    listed = [int(a or b) for a, b in re.findall(r"^(?:- \[(\d+)\]|(\d+)\.) ", sources, re.M)]
    assert sorted(listed) == first_seen  # every number listed once
    headings = re.findall(r"^\*\*(.+)\*\*$", sources, re.M)
    assert len(headings) == len(set(headings)) >= 2  # each session named once
    text = CliRunner().invoke(cli, ["--db", db, "brief", "--topic", "meaningful access"])
    shown = [int(n) for n in re.findall(r"^ {6}\[(\d+)\]", text.output, re.M)]
    assert shown, text.output
    assert list(dict.fromkeys(shown)) == list(range(1, len(set(shown)) + 1))


# -- exit codes: 0 a brief (an empty one says why), 1 a thing not found, 2 a usage mistake ------------


def _run_brief(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, "brief", *args])


def test_an_empty_topic_brief_exits_0_and_says_why(main_session_db):
    db = str(main_session_db)  # the shared session ingested (tests/conftest.py)
    unknown = _run_brief(db, "--topic", "zeppelin maintenance")
    assert unknown.exit_code == 0
    assert "note: no stored line speaks of 'zeppelin maintenance': try other words" in unknown.output
    narrowed = _run_brief(db, "--topic", "funding", "--since", "2030")
    assert narrowed.exit_code == 0
    assert "note: nothing on 'funding' with --since 2030; drop it to look across the whole store" in narrowed.output
    assert "note:" not in _run_brief(db, "--topic", "funding").output  # a brief with points needs no note


def test_an_empty_store_says_nothing_is_stored(tmp_path):
    db = str(tmp_path / "empty.sqlite3")
    assert CliRunner().invoke(cli, ["--db", db, "migrate"]).exit_code == 0
    result = _run_brief(db, "--topic", "funding")
    assert result.exit_code == 0 and "note: nothing is stored yet" in result.output


def test_usage_mistakes_exit_2(main_session_db):
    db = str(main_session_db)
    for args, message in (
        ([], "give --topic TEXT or --coalition NAME"),
        (["--topic", "funding", "--since", "2024", "--until", "2021"], "--since 2024 is after --until 2021"),
        (["--topic", "funding", "--since", "last year"], "--since"),
        (["--topic", "funding", "--json", "--md"], "--json and --md are different formats"),
        (["--topic", "funding", "--pdf"], "give -o FILE.pdf"),
    ):
        result = _run_brief(db, *args)
        assert result.exit_code == 2 and message in result.output, (args, result.output)


def test_what_cannot_be_found_exits_1(main_session_db, tmp_path):
    unknown = _run_brief(str(main_session_db), "--coalition", "DC on Unicorns")
    assert unknown.exit_code == 1 and "no Dynamic Coalition is called" in unknown.output
    no_store = _run_brief(str(tmp_path / "typo.sqlite3"), "--topic", "funding")
    assert no_store.exit_code == 1 and "no store at this path" in no_store.output


def test_the_exit_codes_are_in_the_help():
    text = CliRunner().invoke(cli, ["brief", "--help"]).output
    assert "Exit codes: 0 the brief, also an empty one" in text and "2 a usage mistake" in text


def _examples(tmp_path) -> str:
    db = str(tmp_path / "e.sqlite3")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(ROOT / "examples")]).exit_code == 0
    return db


def test_a_brief_up_to_a_year_judges_a_promise_only_from_that_range(tmp_path):
    """A promise of 2024 delivered in 2025 is still pending in a brief up to 2024: the delivery is
    outside the range and not cited in it; over the whole range it is fulfilled, citing the delivery."""
    db = _examples(tmp_path)
    whole = _brief(db, "--coalition", "DC-PAL")
    [translated] = [p for p in whole["promises"] if "translate" in p["text"]]
    assert translated["status"] == "fulfilled" and {c["year"] for c in translated["citations"]} == {2024, 2025}
    upto = _brief(db, "--coalition", "DC-PAL", "--until", "2024")
    [translated] = [p for p in upto["promises"] if "translate" in p["text"]]
    assert {c["year"] for c in translated["citations"]} == {2024}
    assert translated["status"] == "pending"


def test_a_brief_of_several_sessions_gives_each_point_its_line_and_speaker(tmp_path):
    """Every "[n]" under a point says its line and speaker, in a brief of two sessions as in one."""
    db = _examples(tmp_path)
    result = CliRunner().invoke(cli, ["--db", db, "brief", "--coalition", "DC-PAL"])
    assert result.exit_code == 0 and "2 sessions" in result.output
    body = result.output.partition("SOURCES")[0]
    refs = re.findall(r"\[\d+\][^\[\n]*", "\n".join(line for line in body.splitlines() if line.strip().startswith("[")))
    assert refs and all(re.match(r"\[\d+\] L\d+ \S", ref) for ref in refs), refs
