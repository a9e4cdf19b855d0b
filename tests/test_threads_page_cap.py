"""A thread with many items: its page shows the first and last items, says how many more, and `?all=1` shows all.

The store is ingested by the real pipeline from transcripts written here: a coalition
that raises the same need at one session a year for many years, worded differently each
time, with caption noise and non-native phrasing, beside other coalitions' unrelated
asks (which must stay out of the thread). The thread and its items are what
`/api/threads` says; the page is fetched through the app (`create_app`), and every
citation shown must be the full page's own, verbatim, pointing at a line that holds the quote.
"""

from __future__ import annotations

import re
import warnings
from html import unescape
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.store import open_store
from forumlens.web import create_app
from forumlens.web import threads as web_threads

from .web_support import web_settings

COALITION = "Dynamic Coalition on Community Connectivity"
# The same need, said as people say it year after year (the grants fund for local operators).
NEED = [
    "We need a small grants fund so that local operators can buy radios, solar panels and routers.",
    "Again this year we are asking for a small grants fund for the local operators, for radios and solar panels.",
    "Our first ask is still the grants fund, small grants for community operators to buy the routers and the solar panels.",
    "The community networks needs a small grant fund, for buy radios and solar panels, this is what we ask since years.",
    "We still need the small grants fund for local operators, radios, routers, solar panels, nothing of this has changed.",
]
OTHERS = [
    (
        "LUCAS MEYER",
        "Dynamic Coalition on Public Access in Libraries",
        "Libraries need dedicated funding to keep public Wi-Fi open after the emergency budgets end.",
    ),
    (
        "NADIA HASSAN",
        "Dynamic Coalition on Accessibility and Disability",
        "We need captioning in every session room, also for the remote hubs.",
    ),
]
SESSIONS = 60  # three a year, 2006–2025 (the IGF's years), about 100 items: well past the page's cap
PER_YEAR = 3
FIRST_YEAR = 2006


def transcript(n: int) -> tuple[int, str]:
    """The n-th synthetic session: its year and text (the need worded the n-th way, then again later on)."""
    year = FIRST_YEAR + n // PER_YEAR
    other_name, other_dc, other_ask = OTHERS[n % len(OTHERS)]
    need, again = NEED[n % len(NEED)], NEED[(n + 2) % len(NEED)]
    noise = " [inaudible] " if n % 3 == 0 else " "
    text = f"""IGF {year} – Day {1 + n % PER_YEAR} – Dynamic Coalitions Coordination Session: needs and next steps

The following are the outputs of the real-time captioning taken during the Internet Governance Forum. It is posted as an aid, but should not be treated as an authoritative record.

***

>> HELENA BRANDT:  Good morning, everyone, and welcome to the coordination session of the Dynamic Coalitions.  We start with the {COALITION}.  Amara, please.

>> AMARA OKAFOR:  Thank you, Helena.  I speak for the {COALITION}.{noise}This year we mapped the networks of our members and we held regional workshops.

{need}

>> HELENA BRANDT:  Thank you, Amara.  Now the {other_dc}.

>> {other_name}:  Thank you.  I speak for the {other_dc}.  {other_ask}

>> HELENA BRANDT:  Amara, one more word before we close?

>> AMARA OKAFOR:  Yes, briefly, for the {COALITION}.  {again}

>> HELENA BRANDT:  Thank you all.  The session is closed.
"""
    return year, text


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("long-thread")
    for n in range(SESSIONS):
        year, text = transcript(n)
        (folder / f"igf{year}-coordination-day{1 + n % PER_YEAR}.txt").write_text(text, "utf-8")
    path = str(folder / "store.sqlite3")
    with open_store(path) as store:
        outcomes = ingest_paths(store, sorted(Path(folder).glob("*.txt")), IngestOptions())
    assert [o.status for o in outcomes] == ["ingested"] * SESSIONS, outcomes
    return path


@pytest.fixture(scope="module")
def client(db: str):
    with TestClient(create_app(db, web_settings(db))) as c:
        yield c


@pytest.fixture(scope="module")
def longest(client: TestClient) -> dict:
    threads = client.get("/api/threads").json()["threads"]
    found = max(threads, key=lambda t: len(t["items"]))
    assert len(found["items"]) > 3 * web_threads.TIMELINE_ENDS, len(found["items"])  # long enough to be capped
    return found


def timeline_of(html: str) -> str:
    return unescape(html.split('id="timeline"', 1)[1].split('id="links"', 1)[0])


def citations(part: str) -> list[str]:
    """Each shown item as the page cites it: its link and what the link says."""
    return re.findall(r'<span class="cites"><a href="[^"]+">[^<]*</a></span>', part)


def test_the_long_thread_is_the_coalitions_need_and_nothing_else(longest):
    assert longest["kind"] == "ask" and longest["actor_name"] == longest["coalition"]
    assert longest["coalition"].endswith("Community Connectivity")  # the registry's name of COALITION
    assert all(i["speaker"] == "Amara Okafor" for i in longest["items"])
    assert {i["year"] for i in longest["items"]} == {
        FIRST_YEAR + n // PER_YEAR for n in range(SESSIONS)
    }  # raised every year
    for item in longest["items"]:
        assert not any(ask in item["quote"] for _, _, ask in OTHERS)  # the other coalitions' asks stay out


def test_a_long_thread_page_shows_its_first_and_last_items_and_how_many_more(client, longest):
    keep = web_threads.TIMELINE_ENDS
    items = longest["items"]  # in time order, as the page's full timeline
    capped = client.get(f"/threads/{longest['id']}")
    full = client.get(f"/threads/{longest['id']}?all=1")
    assert capped.status_code == full.status_code == 200
    shown, every = timeline_of(capped.text), timeline_of(full.text)
    cited_shown, cited_all = citations(shown), citations(every)
    assert len(cited_all) == len(items) and len(cited_shown) == 2 * keep
    assert cited_shown == cited_all[:keep] + cited_all[-keep:]  # the same citations, verbatim, in the same order
    for item in items[:keep] + items[-keep:]:
        assert f'href="/sessions/{item["session"]}#L{item["line"]}"' in shown and item["quote"] in shown
    for item in items[keep:-keep]:
        assert f'href="/sessions/{item["session"]}#L{item["line"]}"' not in shown
    hidden = len(items) - 2 * keep
    years = sorted({i["year"] for i in items[keep:-keep]})
    span = f"{years[0]}–{years[-1]}" if years[0] != years[-1] else str(years[0])
    assert f"… {hidden} more items ({span})" in shown
    assert f'href="/threads/{longest["id"]}?all=1#timeline"' in shown
    assert "more items" not in every and "more decision" not in unescape(full.text)


def test_shown_citations_land_on_lines_that_hold_the_quote(client, longest, db):
    store = open_store(db, readonly=True)
    try:
        lines = {}
        for item in longest["items"]:
            found = store.session_text(item["session"])
            assert found is not None
            lines[item["session"]] = found[2].split("\n")
    finally:
        store.close()
    shown = timeline_of(client.get(f"/threads/{longest['id']}").text)
    links = re.findall(r'href="/sessions/([0-9a-f]{12})#L(\d+)"', shown)
    by_place = {(i["session"], i["line"]): i for i in longest["items"]}
    assert links
    for session, line in links:
        item = by_place[(session, int(line))]
        assert item["quote"] in lines[session][int(line) - 1]
        page = client.get(f"/sessions/{session}").text
        assert f'id="L{line}"' in page


def test_decisions_are_those_of_the_shown_items_with_the_rest_counted(client, longest):
    keep = web_threads.TIMELINE_ENDS
    decisions = client.get(f"/api/threads/{longest['id']}").json()["threads"][0]["decisions"]
    capped = unescape(client.get(f"/threads/{longest['id']}").text).split('id="links"', 1)[1]
    full = unescape(client.get(f"/threads/{longest['id']}?all=1").text).split('id="links"', 1)[1]
    items = longest["items"]
    shown = {f"{i['session']}:{i['line']}" for i in items[:keep] + items[-keep:]}
    listed = re.findall(r'<a class="cite[^"]*" href="[^"]+" data-item="([^"]+)">', capped)
    mine = [d["item"] for d in decisions if d["thread"] == longest["id"]]
    assert [x for x in listed if x in mine] == [x for x in mine if x in shown]  # every shown item says why
    assert len(re.findall(r'<a class="cite[ "]', full)) == len(decisions)
    more = len(decisions) - len(listed)
    assert more > 0 and f"… {more} more decision" in capped
