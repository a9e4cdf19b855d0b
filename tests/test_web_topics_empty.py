"""The topics page says why it is empty (web/pages.py `topics`; issue 23, stop 43's walk).

A new user ingested two short sessions of an invented coalition with the whole analysis; no
topic recurs in them, so the tag stage stored an empty list for each. The page said "the tag
stage has not run on the stored sessions (forumlens analyse --missing)", which was not true and
sent the user to a command that does nothing. It now tells the two cases apart: sessions the tag
stage has not run on (counted, with the command), or every session tagged and none with a topic.
The transcripts are our own.
"""

from __future__ import annotations

import re
from html import unescape

from forumlens.store import open_store

from .web_support import cli_store, portal_client

SHORT = """Village Sensors Check-in

>> ANA RUIZ:  Good morning.  We meet to hear how the river sensors did this spring.

>> KOFI MENSAH:  Two of the five sensors were silent for a week, and the batteries were the cause.

>> ANA RUIZ:  Thank you, Kofi.  We close here.
"""


def _missing(page: str) -> str:
    found = re.search(r'<p class="missing">(.*?)</p>', page, re.DOTALL)
    assert found, page
    return unescape(re.sub(r"<[^>]+>", "", found.group(1)))


def test_every_session_tagged_and_none_with_a_topic(tmp_path_factory, tmp_path):
    path = tmp_path / "village-sensors.txt"
    path.write_text(SHORT, "utf-8")
    db = cli_store(tmp_path_factory, "topics-empty", path)
    store = open_store(db, readonly=True, create=False)
    assert [store.analysis(sid, "tags") for sid in store.session_ids()] == [[]]  # the stage ran, found none
    with portal_client(db) as client:
        said = _missing(client.get("/topics").text)
    assert "has not run" not in said and "analyse --missing" not in said
    assert said.startswith("No topic tags: every stored session was tagged")


def test_a_session_the_tag_stage_has_not_run_on_is_counted(tmp_path_factory, tmp_path):
    from click.testing import CliRunner

    from forumlens.cli import cli

    path = tmp_path / "village-sensors.txt"
    path.write_text(SHORT, "utf-8")
    db = str(tmp_path_factory.mktemp("topics-unanalysed") / "portal.sqlite3")
    result = CliRunner().invoke(cli, ["--db", db, "ingest", "--no-analysis", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with portal_client(db) as client:
        said = _missing(client.get("/topics").text)
    assert said == "No topic tags yet: the tag stage has not run on 1 stored session (forumlens analyse --missing)."
