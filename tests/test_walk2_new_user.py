"""A new user's second walk (issue 19, task W2): the thread pages, the ingest message, ambiguous session refs.

Every check runs the real CLI (`forumlens ingest`, `report`, `show`) and the real portal
over a store of `examples/` plus the shared main session, analysed by the real pipeline,
so what is checked is what a user meets.
"""

from __future__ import annotations

import html
import json
import re
import warnings
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.cli import cli
from forumlens.format import counted
from forumlens.web import create_app

from .conftest import MAIN_SESSION, ROOT
from .web_support import web_settings

EXAMPLES = ROOT / "examples"
ONE_TURN = "Welcome everyone to this short open forum on community networks and the needs of rural libraries.\n"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("walk2") / "store.sqlite3")
    code, out = _run("--db", path, "ingest", str(EXAMPLES), str(MAIN_SESSION))
    assert code == 0, out
    return path


@pytest.fixture(scope="module")
def sessions(db) -> list[dict]:
    code, out = _run("--db", db, "sessions", "--json")
    assert code == 0, out
    data = json.loads(out)
    return data["sessions"] if isinstance(data, dict) else data


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, web_settings(db))) as c:
        yield c


def _app(path: str):
    return TestClient(create_app(path, web_settings(path)))


# -- 1. the coalition filter ---------------------------------------------------------------------------


def test_every_coalition_the_thread_list_offers_filters_it(client):
    page = client.get("/threads").text
    offered = re.findall(r'<select name="coalition">(.*?)</select>', page, re.S)[0]
    options = [(v, unescape(n)) for v, n in re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', offered)]
    assert len(options) >= 3
    for value, name in options:
        filtered = client.get("/threads", params={"coalition": value})
        assert filtered.status_code == 200, (value, _text(filtered.text)[:300])
        assert f"of {name};" in _text(filtered.text)
        assert re.search(rf'<option value="{re.escape(value)}" selected>', filtered.text), value
        rows = client.get("/api/threads", params={"coalition": value}).json()["threads"]
        assert rows and all(t["coalition"] == name for t in rows)
        by_name = client.get("/threads", params={"coalition": name})  # the name as typed works as well
        assert by_name.status_code == 200 and f"of {name};" in _text(by_name.text)


def test_a_thread_pages_coalition_link_lists_that_thread(client):
    threads = client.get("/api/threads").json()["threads"]
    office = next(t for t in threads if t["coalition"])
    page = client.get(f"/threads/{office['id']}").text
    name = html.escape(office["coalition"], quote=False)
    link = unescape(re.search(rf'<a href="(/threads\?coalition=[^"]+)">{re.escape(name)}</a>', page)[1])
    listed = client.get(link)
    assert listed.status_code == 200, _text(listed.text)[:300]
    assert f'href="/threads/{office["id"]}"' in listed.text


def test_an_unknown_coalition_is_named_in_words_with_the_nearest_that_have_threads(client):
    page = client.get("/threads").text
    offered = re.findall(r'<select name="coalition">(.*?)</select>', page, re.S)[0]
    value, name = next(
        (v, unescape(n))
        for v, n in re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', offered)
        if "network-neutrality" in v
    )
    mistyped = value.replace("neutrality", "neutralty-watch")  # near a coalition on record, but none of them
    typo = client.get("/threads", params={"coalition": mistyped})
    assert typo.status_code == 404
    text = _text(typo.text)
    assert f"“{mistyped.replace('-', ' ')}”" in text and mistyped not in text
    nearest = re.findall(rf'<a href="([^"]+)">{re.escape(html.escape(name, quote=False))}</a>', typo.text)
    assert nearest and client.get(unescape(nearest[0])).status_code == 200
    assert parse_qs(urlsplit(unescape(nearest[0])).query)["coalition"] == [value]
    api = client.get("/api/threads", params={"coalition": "no-such-coalition-here"})
    assert api.status_code == 404 and "“no such coalition here”" in json.dumps(api.json(), ensure_ascii=False)


# -- 2. why these items are linked -------------------------------------------------------------------------


def test_link_decisions_cite_title_year_and_line_not_raw_keys(client, sessions):
    titles = {s["id"]: (s["title"], s["year"]) for s in sessions}
    threads = client.get("/api/threads").json()["threads"]
    checked = 0
    for t in threads[:8]:
        decisions = client.get(f"/api/threads/{t['id']}").json()["threads"][0]["decisions"]
        links = client.get(f"/threads/{t['id']}").text.split('id="links"', 1)[1]
        cited = re.findall(r'<a class="cite[^"]*" href="/sessions/(\w+)#L(\d+)" data-item="([^"]+)">([^<]+)</a>', links)
        assert {d["item"] for d in decisions} <= {item for _, _, item, _ in cited}  # each decision is shown
        text = _text(links)
        for d in decisions:
            assert d["item"] not in text  # "d209c5706265:39" is not something a reader can use
        for session, line, item, said in cited:
            assert item == f"{session}:{line}"
            title, year = titles[session]
            said = unescape(said)
            assert said.startswith(f"{title} ({year}") and said.endswith(f", line {line}"), said
            checked += 1
    assert checked >= 5


# -- 3. an empty thread list says why ----------------------------------------------------------------------


def test_an_empty_store_says_nothing_is_stored_and_how_to_get_threads(tmp_path):
    path = str(tmp_path / "empty.sqlite3")
    assert _run("--db", path, "migrate")[0] == 0
    with _app(path) as c:
        text = _text(c.get("/threads").text)
    assert "Nothing is stored yet" in text and "forumlens ingest PATH" in text and "forumlens analyse" in text
    assert "No thread matches these filters" not in text


def test_a_store_not_analysed_says_no_thread_found_yet_and_to_analyse(tmp_path):
    path = str(tmp_path / "raw.sqlite3")
    code, out = _run("--db", path, "ingest", "--no-analysis", str(EXAMPLES))
    assert code == 0, out
    with _app(path) as c:
        text = _text(c.get("/threads").text)
    assert "No thread found yet" in text and "forumlens analyse --missing" in text
    assert "No thread matches these filters" not in text


def test_filters_that_keep_nothing_still_say_so(client):
    text = _text(client.get("/threads", params={"since": "2099"}).text)
    assert "No thread matches these filters" in text and "Nothing is stored yet" not in text


def test_a_coalition_no_thread_follows_stays_chosen_and_the_page_says_why(client):
    """A coalition on record that no thread follows (invited but absent, say): the filter read "any" above
    "0 threads of …" and "No thread matches these filters", leaving the reader to guess which one kept nothing."""
    on_record = dict.fromkeys(re.findall(r'href="/coalitions/([a-z0-9-]+)"', client.get("/coalitions").text))
    followed = set(re.findall(r'<option value="([a-z0-9-]+)"', client.get("/threads").text))
    threadless = [c for c in on_record if c not in followed]
    assert threadless, "the examples and the main session have a coalition no thread follows"
    html = client.get("/threads", params={"coalition": threadless[0]}).text
    assert re.search(rf'<option value="{threadless[0]}" selected>[^<]+\(no thread\)</option>', html)
    text = _text(html)
    assert "no ask, promise or question of it is on record" in text and "No thread matches" not in text
    assert f'<a href="/coalitions/{threadless[0]}">its page</a>' in html and '<a href="/threads">' in html


# -- 4. one turn, many turns ---------------------------------------------------------------------------------


def test_ingest_and_show_count_one_turn_in_the_singular(tmp_path):
    path = str(tmp_path / "one.sqlite3")
    source = tmp_path / "welcome.txt"
    source.write_text(f">> MODERATOR: {ONE_TURN}", encoding="utf-8")
    code, out = _run("--db", path, "ingest", str(source), str(EXAMPLES / "igf2025-of-one-year-on.txt"))
    assert code == 0, out
    assert re.search(r"→ session \w+, 1 turn\b(?!s)", out), out
    many = re.search(r"igf2025-of-one-year-on\.txt → session \w+, (\d+) turns", out)
    assert many and int(many[1]) > 1, out
    assert "1 turns" not in out
    sid = re.search(r"welcome\.txt → session (\w+)", out)[1]
    code, shown = _run("--db", path, "show", sid)
    assert code == 0 and "1 turn ·" in shown and "1 turns" not in shown, shown
    code, parsed = _run("parse", str(source))
    assert code == 0 and "\n1 turn\n" in parsed, parsed


def test_counted_picks_the_number_of_the_noun():
    assert [counted(n, "turn") for n in (0, 1, 2)] == ["0 turns", "1 turn", "2 turns"]
    assert counted(1, "speech", "speeches") == "1 speech" and counted(3, "speech", "speeches") == "3 speeches"


# -- 5. an ambiguous session ref -----------------------------------------------------------------------------


def test_an_ambiguous_ref_lists_each_session_with_title_and_year(db, sessions):
    code, out = _run("--db", db, "report", "IGF")
    assert code != 0
    lines = out.splitlines()
    assert "matches 3 sessions" in lines[0] and "title" in lines[0]
    for s in sessions:
        row = next(line for line in lines if s["id"] in line)
        assert str(s["year"]) in row and s["title"][:40] in row, row


def test_a_unique_or_whole_title_is_a_target(db, sessions, tmp_path):
    one_year_on = next(s for s in sessions if "One Year On" in s["title"])
    code, out = _run("--db", db, "report", "one year on")  # a unique part, any case
    assert code == 0 and f"session {one_year_on['id']}" in out, out
    code, out = _run("--db", db, "report", one_year_on["title"].upper())  # the whole title, any case
    assert code == 0 and f"session {one_year_on['id']}" in out, out
    # a title that is also part of a longer one: given whole, it is that session, not "several"
    path = str(tmp_path / "titles.sqlite3")
    source = tmp_path / "forum.txt"
    source.write_text(f">> MODERATOR: {ONE_TURN}", encoding="utf-8")
    assert _run("--db", path, "ingest", str(EXAMPLES / "igf2025-of-one-year-on.txt"))[0] == 0
    assert _run("--db", path, "ingest", "--title", "Open Forum", str(source))[0] == 0
    code, out = _run("--db", path, "show", "open forum")
    assert code == 0 and out.startswith("Open Forum\n"), out
    code, out = _run("--db", path, "show", "forum")
    assert code != 0 and "matches 2 sessions" in out and "Open Forum" in out and one_year_on["title"][:40] in out


def test_threads_explain_cites_each_decision_with_title_year_and_line(db, sessions):
    titles = {s["id"]: (s["title"], s["year"]) for s in sessions}
    code, out = _run("--db", db, "threads", "--json")
    assert code == 0, out
    thread = json.loads(out)["threads"][0]
    code, text = _run("--db", db, "threads", "--explain", thread["id"])
    assert code == 0, text
    # the thread's own items (an item that went elsewhere may sit in a session the command did not read)
    # every decision, the thread's own items and those weighed and sent elsewhere, names its source
    heads = [line for line in text.splitlines() if line.startswith("- ")]
    own = [line for line in heads if " went to thread " not in line and " was left out" not in line]
    assert len(own) == len(thread["items"])
    for head in heads:
        key = re.match(r"- (\w+):(\d+) — ", head)
        assert key, head
        title, year = titles[key[1]]
        assert f"— {title} ({year}), line {key[2]} (" in head, head
