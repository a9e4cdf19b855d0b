"""`forumlens brief --coalition`: every filter given is honoured and shown."""

import json

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


def test_the_text_snapshot_says_which_years_it_covers(tmp_path):
    db = str(tmp_path / "b.sqlite3")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(MAIN_SESSION)]).exit_code == 0
    result = CliRunner().invoke(cli, ["--db", db, "brief", "--coalition", "IRPC", "--since", "2030"])
    assert result.exit_code == 0, result.output
    assert "since 2030" in result.output and "0 session(s)" in result.output
