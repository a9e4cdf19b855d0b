"""The Sources list of briefs and reports: each cited line once, each of its quotes said once.

A point cut to the first clause of a sentence and another point citing the whole sentence
printed the clause twice in one Sources entry ("There is a need … can … There is a need …
can, but …"): the reader checked the same words twice.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.models import Citation
from forumlens.summarise.models import Bullet
from forumlens.summarise.sources import distinct_quotes, number_sources, source_quotes

from .conftest import MAIN_SESSION


def test_a_quote_inside_another_gives_way_to_the_longer_one_in_its_place():
    assert distinct_quotes(["We need support", "We care", "We need support, and funding."]) == [
        "We need support, and funding.",
        "We care",
    ]
    assert distinct_quotes(["We need support, and funding.", "We need support"]) == ["We need support, and funding."]
    assert distinct_quotes(["a b", "c d", "a b"]) == ["a b", "c d"]
    assert distinct_quotes(["x", "y", "x y z"]) == ["x y z"]  # both shorter ones give way, once
    assert distinct_quotes([]) == []


def test_source_quotes_joins_the_distinct_quotes_of_one_numbered_line():
    short = Citation(line=7, quote="There is a need to help", speaker="Ana", session="s1")
    whole = Citation(line=7, quote="There is a need to help,  but not   now.", speaker="Ana", session="s1")
    other = Citation(line=7, quote="We do need more support.", speaker="Ana", session="s1")
    bullets = [Bullet("one", (short,)), Bullet("two", (other, whole))]
    numbers, _ = number_sources(bullets)  # one line cited three times: one number
    assert set(numbers.values()) == {1}
    assert source_quotes(bullets, numbers) == {1: "There is a need to help, but not now. … We do need more support."}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(Path(tmp_path_factory.mktemp("sources")) / "s.sqlite3")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", str(MAIN_SESSION)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("args", [["brief", "--coalition", "DC-Sustainability", "--md"], ["report", "d209c5", "--md"]])
def test_no_sources_entry_of_the_main_session_quotes_the_same_words_twice(store: str, args: list[str]) -> None:
    result = CliRunner().invoke(cli, ["--db", store, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    sources = result.output.partition("\n## Sources\n")[2]
    entries = re.findall(r"^\d+\. .*?, line \d+: “(.*)”$", sources, re.M)
    assert entries, result.output
    for entry in entries:
        parts = entry.split(" … ")
        for i, part in enumerate(parts):
            assert not any(part in other for j, other in enumerate(parts) if j != i), entry
