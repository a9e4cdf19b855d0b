"""Web pages into the store: `fetch igf` over a loopback site, `ingest URL`, and their command lines."""

import json

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.fetch import igf_site
from forumlens.fetch.cache import HttpCache
from forumlens.fetch.http import Fetcher, FetchPolicy
from forumlens.fetch.run import fetch_igf, ingest_url, walk_listing
from forumlens.ingest import IngestOptions
from forumlens.store import open_store

from .fetch_support import SyntheticIGF

FAST = FetchPolicy(timeout=0.5, retries=1, backoff=0.01, delay=0, max_bytes=100_000)
QUICK = IngestOptions(analyse=False)


@pytest.fixture
def site():
    with SyntheticIGF(transcripts=5, per_page=3, slow_seconds=1.0) as served:
        yield served


@pytest.fixture
def store(tmp_path):
    opened = open_store(str(tmp_path / "fetch.sqlite3"))
    yield opened
    opened.close()


def _run(store, site, cache, **kwargs):
    with Fetcher(FAST, cache) as fetcher:
        report = fetch_igf(store, fetcher, site.listing, options=QUICK, **kwargs)
        return report, fetcher.stats


def test_walk_listing_follows_the_pager_and_stops_at_the_limit(site, tmp_path):
    with Fetcher(FAST, HttpCache(tmp_path / "c")) as fetcher:
        assert walk_listing(fetcher, site.listing, "transcripts") == [site.url(p) for p in site.entries]
        assert walk_listing(fetcher, site.listing, "transcripts", limit=4) == [site.url(p) for p in site.entries[:4]]
    assert site.hits[f"{site.listing_path}?page=2"] == 1  # the limit stopped the walk before page 3


def test_a_year_is_ingested_page_by_page_with_a_reason_for_each_page_left_out(site, store, tmp_path):
    report, stats = _run(store, site, HttpCache(tmp_path / "cache"))
    by_url = {o.path: o for o in report.outcomes}
    ingested = {o.path for o in report.outcomes if o.status == "ingested"}
    expected = {site.url(p) for p in site.transcript_paths} | {
        site.url("/en/content/igf-2021-synthetic-moved-session"),  # the 301, stored under its new address
        site.url("/en/content/igf-2021-synthetic-flaky"),  # 500 then 200
    }
    assert ingested == expected
    reasons = {url.rsplit("-", 1)[-1]: o.reason for url, o in by_url.items() if o.status != "ingested"}
    assert reasons["missing"].endswith(
        "HTTP 404: no such page (it may have been moved or removed; check the address in a browser)"
    )
    assert "no complete answer within 0.5 s" in reasons["slow"]
    assert "larger than the 0.1 MB limit" in reasons["huge"]
    assert reasons["description"].startswith("not a transcript")
    assert (
        "disallowed by" in reasons["draft"]
        and by_url[site.url("/private/content/igf-2021-synthetic-draft")].status == "skipped"
    )
    assert {by_url[site.url(f"/en/content/igf-2021-synthetic-{n}")].status for n in ("missing", "slow", "huge")} == {
        "failed"
    }
    assert any("moved permanently (301)" in note for note in report.notes)
    stored = {s.source for s in store.sessions(limit=100)}
    assert stored == expected
    # every body the server sent arrived whole, except the pages cut off by the time and size limits
    assert stats.downloads == sum(n for path, n in site.bodies.items() if not path.endswith(("slow", "huge")))


def test_a_second_run_downloads_nothing_and_stores_nothing_new(site, store, tmp_path):
    cache = HttpCache(tmp_path / "cache")
    _run(store, site, cache)
    sessions = store.counts()["sessions"]
    before = sum(site.bodies[p] for p in site.routes if "huge" not in p and "slow" not in p)
    report, stats = _run(store, site, cache)
    after = sum(site.bodies[p] for p in site.routes if "huge" not in p and "slow" not in p)
    assert after == before  # every page that loaded the first time: a 304 or a cache hit now
    assert stats.downloads == 0 and stats.not_modified > 0
    assert store.counts()["sessions"] == sessions
    assert {o.reason for o in report.outcomes if o.status == "skipped" and "robots" not in o.reason} >= {
        "already stored (same content)"
    }


def test_an_interrupted_run_resumes_where_it_stopped(site, store, tmp_path):
    cache = HttpCache(tmp_path / "cache")
    first, _ = _run(store, site, cache, limit=3)
    assert [o.status for o in first.outcomes] == ["ingested", "ingested", "ingested"]
    downloaded_first = dict(site.bodies)
    second, stats = _run(store, site, cache)
    done_before = {o.path for o in first.outcomes}
    assert all(o.status == "skipped" for o in second.outcomes if o.path in done_before)
    assert sum(o.status == "ingested" for o in second.outcomes) == 4  # the other transcripts that load
    assert {path: site.bodies[path] for path in downloaded_first} == downloaded_first  # nothing fetched twice
    assert stats.downloads > 0


def test_a_page_the_site_changed_is_ingested_again_as_a_new_version(site, store, tmp_path):
    cache = HttpCache(tmp_path / "cache")
    _run(store, site, cache, limit=1)
    path = site.transcript_paths[0]
    site.routes[path].body = site.routes[path].body.replace(b"turn 3 is about", b"turn 3, corrected, is about")
    report, stats = _run(store, site, cache, limit=1)
    assert report.outcomes[0].status == "ingested" and stats.downloads == 1


def test_ingest_url_and_fetch_store_a_page_once(site, store, tmp_path):
    cache = HttpCache(tmp_path / "cache")
    url = site.url(site.transcript_paths[0])
    with Fetcher(FAST, cache) as fetcher:
        outcome = ingest_url(store, url, fetcher, QUICK, site_base=site.base)
    assert outcome.status == "ingested" and outcome.path == url
    report, _ = _run(store, site, cache, limit=1)
    assert report.outcomes[0].status == "skipped" and report.outcomes[0].reason == "already stored (same content)"


def test_reports_take_prose_pages_and_leave_transcripts(site, store, tmp_path):
    report, _ = _run(store, site, HttpCache(tmp_path / "cache"), kind="reports")
    by_end = {o.path.rsplit("-", 1)[-1]: o for o in report.outcomes}
    assert by_end["description"].status == "ingested"
    assert "a transcript, not a report" in by_end["1"].reason


def _said(result) -> list[str]:
    """What a run printed, less the note a first run gives on stderr about the store it creates."""
    return [line for line in result.output.strip().splitlines() if not line.startswith("note: creating a new store")]


@pytest.fixture
def cli_run(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    db = str(tmp_path / "cli.sqlite3")

    def invoke(*args):
        return CliRunner().invoke(cli, ["--db", db, *map(str, args)], catch_exceptions=False)

    return invoke


def test_cli_ingest_url_stores_the_page_under_its_address(site, cli_run, tmp_path):
    url = site.url(site.transcript_paths[1])
    result = cli_run("ingest", url, "--no-analysis")
    assert result.exit_code == 0, result.output
    assert "1 ingested, 0 skipped, 0 failed" in result.output
    sessions = json.loads(cli_run("sessions", "--json").output)["sessions"]
    assert [s["title"] for s in sessions] == ["IGF 2021 – Day 3 – Synthetic Session 2"]
    shown = cli_run("show", sessions[0]["id"])
    assert f"source {url}" in shown.output and "Chidi Mockwell" in shown.output
    assert any((tmp_path / "xdg-cache").rglob("*.body"))  # fetched into the user cache dir
    again = cli_run("ingest", url, "--no-analysis")
    assert "0 ingested, 1 skipped, 0 failed" in again.output


def test_cli_ingest_url_failure_is_one_line_exit_1_and_nothing_stored(site, cli_run, tmp_path):
    missing = site.url("/en/content/igf-2021-synthetic-missing")
    result = cli_run("ingest", missing)
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if line.strip().startswith("failed")]
    assert failed == [
        f"  failed  {missing}: HTTP 404: no such page (it may have been moved or removed; check the address in a browser)"
    ]
    assert not (tmp_path / "cli.sqlite3").exists()  # nothing stored: not even an empty store is left behind


def test_cli_ingest_mixes_files_and_addresses_and_reports_a_move(site, cli_run, tmp_path):
    note = tmp_path / "short.txt"
    note.write_text(">> ALBA TESTA: A file on disk.\n>> BRUNO SAMPLE: Next to a web page.\n")
    old = site.url("/multilingual/content/igf-2021-synthetic-old-address")
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "mix.sqlite3"), "ingest", str(note), old, "--no-analysis"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "2 ingested, 0 skipped, 0 failed" in result.output
    assert "moved permanently (301) to " + site.url("/en/content/igf-2021-synthetic-moved-session") in result.stderr


def test_cli_fetch_igf_runs_over_a_listing_and_exits_1_for_failed_pages(site, cli_run, tmp_path, monkeypatch):
    monkeypatch.setenv("FORUMLENS_MAX_INPUT_MB", "0.1")  # the ingest size limit is the download limit too
    args = ["fetch", "igf", "--year", "2021", "--base", site.base, "--cache", tmp_path / "c", "--delay", "0"]
    args += ["--timeout", "0.5", "--retries", "0", "--no-analysis", "--json"]
    result = cli_run(*args)
    assert result.exit_code == 1  # the 404 and the slow page failed
    data = json.loads(result.stdout)
    assert data["listing"] == igf_site.listing_url(2021, base=site.base)
    statuses = {o["path"].rsplit("/", 1)[-1]: o["status"] for o in data["outcomes"]}
    assert statuses["igf-2021-synthetic-session-1"] == "ingested" and statuses["igf-2021-synthetic-missing"] == "failed"
    assert data["http"]["downloads"] > 0
    assert statuses["igf-2021-synthetic-flaky"] == "failed"  # a 500, and --retries 0
    assert statuses["igf-2021-synthetic-huge"] == "failed"
    second = json.loads(cli_run(*args).stdout)
    # the next run downloads only what failed before and now loads: the flaky page, whose server recovered
    assert second["http"]["downloads"] == 1
    assert [o["path"] for o in second["outcomes"] if o["status"] == "ingested"] == [
        site.url("/en/content/igf-2021-synthetic-flaky")
    ]


def test_cli_fetch_igf_says_in_one_line_why_it_cannot_start(site, cli_run, tmp_path):
    missing = site.url("/multilingual/igf-2021-nothing-here")
    result = cli_run("fetch", "igf", "--year", "2021", "--listing", missing, "--cache", tmp_path / "c", "--delay", "0")
    assert result.exit_code == 1
    assert _said(result) == [
        f"error: {missing}: HTTP 404: no such page (it may have been moved or removed; check the address in a browser)"
    ]
    early = cli_run("fetch", "igf", "--year", "2005")
    assert early.exit_code == 1 and "no IGF in 2005" in early.output


@pytest.fixture
def closed_port() -> str:
    """The address of a loopback port nothing listens on: what a site looks like with the network down."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_cli_fetch_offline_says_the_network_is_unreachable_and_creates_no_store(closed_port, cli_run, tmp_path):
    db = tmp_path / "cli.sqlite3"
    result = cli_run(
        "fetch",
        "igf",
        "--year",
        "2021",
        "--base",
        closed_port,
        "--cache",
        tmp_path / "c",
        "--delay",
        "0",
        "--retries",
        "0",
    )
    assert result.exit_code == 1
    (line,) = _said(result)
    host = closed_port.removeprefix("http://")
    assert line.startswith(f"error: cannot reach {host}: the network is unreachable or the site is down")
    assert "check the internet connection (and --base)" in line
    assert "robots.txt" not in line  # the site's rules are not what failed
    assert not list(tmp_path.glob("cli.sqlite3*")) and not db.exists()
    # no "creating a new store" before the first request: the store it would name is removed again
    assert "creating a new store" not in result.stderr


def test_cli_fetch_says_where_the_new_store_is_once_when_a_page_is_stored(site, cli_run, tmp_path):
    args = ["fetch", "igf", "--year", "2021", "--base", site.base, "--cache", tmp_path / "c", "--delay", "0"]
    first = cli_run(*args, "--timeout", "0.5", "--retries", "0", "--no-analysis", "--limit", "2")
    assert first.stderr.count(f"note: creating a new store at {tmp_path / 'cli.sqlite3'}") == 1
    again = cli_run(*args, "--timeout", "0.5", "--retries", "0", "--no-analysis", "--limit", "2")
    assert "creating a new store" not in again.stderr


def test_cli_ingest_of_an_unreachable_page_fails_it_and_creates_no_store(closed_port, cli_run, tmp_path):
    result = cli_run("ingest", f"{closed_port}/en/content/igf-2021-day-1")
    assert result.exit_code == 1
    assert "cannot reach" in result.output and "the network is unreachable or the site is down" in result.output
    assert "check the internet connection and the address" in result.output
    assert "--base" not in result.output  # an option of `fetch igf`, not of `ingest`
    assert not list(tmp_path.glob("cli.sqlite3*"))


def test_an_unreachable_site_is_not_blamed_on_robots_txt(closed_port, tmp_path):
    from forumlens.fetch.http import BlockedByRobots, HostUnreachable

    with Fetcher(FAST, HttpCache(tmp_path / "c")) as fetcher, pytest.raises(HostUnreachable) as raised:
        fetcher.get(f"{closed_port}/en/content/igf-2021-day-1")
    assert not isinstance(raised.value, BlockedByRobots) and "robots.txt" not in raised.value.render()
