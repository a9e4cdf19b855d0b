"""`forumlens search` with a filter that fits nothing stored: the note says which filter, and what is on record.

Runs the real CLI on a store of the examples (the README's first steps), analysed, so its sessions carry tags.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.store import open_store

from .web_support import cli_store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return cli_store(tmp_path_factory, "search", EXAMPLES)


def _search(db: str, *args: str):
    return CliRunner().invoke(cli, ["--db", db, "search", *args])


def _stored_tags(db: str) -> set[str]:
    store = open_store(db)
    try:
        return {t.code for t in store.tag_counts()}
    finally:
        store.close()


def test_a_tag_no_session_carries_is_named_with_the_tags_on_record(db: str) -> None:
    tags = _stored_tags(db)
    assert tags and "GDC" not in tags  # the examples are tagged, and `GDC` is a code cut short
    result = _search(db, "funding", "--tag", "GDC")
    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if line.startswith("note:")]
    assert len(notes) == 1, result.output
    assert notes[0].startswith("note: no stored session is tagged GDC (tags on record: ")
    assert all(code in notes[0] for code in tags)
    assert "drop --tag" in notes[0]


def test_a_stored_tag_in_any_case_narrows_without_the_unknown_tag_note(db: str) -> None:
    code = sorted(_stored_tags(db))[0]
    found = _search(db, "the", "--tag", code.lower())
    assert found.exit_code == 0 and "no stored session is tagged" not in found.output
    assert ":L" in found.output  # a hit, cited session:line
    nothing = _search(db, "zzzzqqq", "--tag", code)  # the tag is known: the words found nothing, not the tag
    assert "no stored session is tagged" not in nothing.output


def test_a_known_tag_with_other_filters_still_names_what_narrowed(db: str) -> None:
    code = sorted(_stored_tags(db))[0]
    result = _search(db, "funding", "--tag", code, "--year", "1999")
    assert "note: searched only with --year 1999, --tag" in result.output
