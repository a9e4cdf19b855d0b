"""`forumlens publish`: link rewriting, a whole published site whose every link resolves, and its index.

The site is published once per module from the portal test store (the shared corpus,
the main session's annotated analyses, a hostile transcript), with two saved topics.
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.commands.publish import publish as publish_command
from forumlens.errors import ConfigError
from forumlens.generated import HTML_META
from forumlens.publish import site as site_module
from forumlens.publish.index import IndexedTurn, SearchIndex, fold, shard_key, words
from forumlens.publish.links import INTERNAL_ORIGIN, relative_href, rewrite_html, rewrite_url, site_file
from forumlens.publish.site import MARKER, PublishOptions, publish_site
from forumlens.resolve.registry import load_registry
from forumlens.store import open_store
from forumlens.web import views
from forumlens.web.threads import linked_threads

from .web_support import build_web_store, main_session_id, web_settings

SID = main_session_id()
TOPICS = ["regular updates", "funding"]


# -- addresses and rewriting (pure) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("/", "", "index.html"),
        ("/sessions", "", "sessions/index.html"),
        ("/sessions", "page=1", "sessions/index.html"),
        ("/sessions", "page=3", "sessions/page-3.html"),
        ("/sessions", "year=2021", None),  # a filtered list needs the server
        ("/sessions", "page=0", None),
        ("/sessions/abc123", "", "sessions/abc123.html"),
        ("/sessions/abc123/related", "line=4", None),
        ("/people/Jennifer-Chung", "", "people/jennifer-chung.html"),  # the portal's slug rule
        ("/people/index", "", "people/_index.html"),  # a person called Index is not the list
        ("/briefs", "topic=Index", "briefs/_index.html"),
        ("/sessions/page-2", "", "sessions/_page-2.html"),
        ("/people", "name=x", None),
        ("/coalitions/dc-on-youth", "", "coalitions/dc-on-youth.html"),
        ("/topics", "", "topics/index.html"),
        ("/topics/sdg", "", "topics/sdg/index.html"),
        ("/topics/sdg/SDG5", "", "topics/sdg/SDG5.html"),
        ("/threads", "page=2", "threads/page-2.html"),
        ("/threads", "coalition=dc-civ", None),
        ("/search", "q=access", "search.html"),
        ("/search", "speaker=x&q=", None),
        ("/briefs", "", "briefs/index.html"),
        ("/briefs", "topic=Meaningful%20Access", "briefs/meaningful-access.html"),
        ("/briefs/download", "topic=a%20b&format=md", "briefs/a-b.md"),
        ("/briefs/download", "topic=a&format=pdf", None),
        ("/static/style.css", "", "static/style.css"),
        ("/api/sessions/abc", "", None),
        ("/openapi.json", "", None),
        ("/sessions/../etc", "", None),
    ],
)
def test_site_file_maps_portal_addresses_to_files(path, query, expected):
    assert site_file(path, query) == expected


def test_relative_links_work_from_any_depth():
    assert relative_href("sessions/abc.html#L12", "index.html") == "sessions/abc.html#L12"
    assert relative_href("sessions/abc.html#L12", "people/x.html") == "../sessions/abc.html#L12"
    assert relative_href("static/style.css", "topics/sdg/SDG5.html") == "../../static/style.css"
    assert relative_href("sessions/abc.html#L3", "sessions/abc.html") == "#L3"  # same page: the fragment alone


def test_rewrite_url_keeps_external_links_and_drops_unpublished_ones():
    published = {"sessions/abc.html", "search.html"}
    assert rewrite_url("/sessions/abc#L7", "people/x.html", published) == "../sessions/abc.html#L7"
    assert rewrite_url(INTERNAL_ORIGIN + "/sessions/abc", "index.html", published) == "sessions/abc.html"
    pager = INTERNAL_ORIGIN + "/sessions?page=2"  # the portal builds pager links from its request
    assert rewrite_url(pager, "sessions/index.html", {"sessions/page-2.html"}) == "page-2.html"
    assert rewrite_url("/sessions/zzz", "index.html", published) is None  # mapped, but not in the site
    assert rewrite_url("/api/sessions/abc", "index.html", published) is None
    assert rewrite_url("https://www.intgovforum.org/x", "index.html", published) == "https://www.intgovforum.org/x"
    assert rewrite_url("#L4", "sessions/abc.html", published) == "#L4"
    assert rewrite_url("/search?q=net neutrality&mode=lexical", "people/x.html", published) == (
        "../search.html?q=net+neutrality"
    )


def test_rewrite_html_replaces_server_forms_and_unlinks_what_the_site_lacks():
    page = (
        "<html><head><title>t</title></head><body>"
        '<form class="quick" action="/search" method="get"><input name="q"></form>'
        '<form class="filters" action="/sessions" method="get"><select name="year"></select></form>'
        '<a href="/sessions/abc?x=1&amp;y=2">filtered</a> <a href="/people/jane-doe">Jane</a>'
        '<div id="L3"><a class="ln" href="#L3">3</a>text<a class="similar" href="/sessions/abc/related?line=3">≈</a></div>'
        '<link rel="stylesheet" href="/static/style.css"><script src="/static/gone.js"></script>'
        "<footer>f</footer></body></html>"
    )
    out = rewrite_html(
        page,
        "people/jane-doe.html",
        {"people/jane-doe.html", "static/style.css", "search.html"},
        canonical="https://example.org/record/people/jane-doe.html",
        extra_footer=' · <a href="/">home</a>',
    )
    assert '<form class="quick" action="../search.html" method="get">' in out
    assert 'name="year"' not in out and "publish-note" in out
    assert "<a>filtered</a>" in out and '<a href="jane-doe.html">Jane</a>' in out
    assert "similar" not in out and "≈" not in out and '<a class="ln" href="#L3">3</a>' in out
    assert 'href="../static/style.css"' in out and "gone.js" not in out
    assert '<link rel="canonical" href="https://example.org/record/people/jane-doe.html">' in out
    assert "<a> · " not in out and "f · <a>home</a></footer>" in out  # index.html is not in this site


def test_a_search_form_with_a_filter_needs_the_live_portal():
    """The site's search has no speaker filter: a person page's "Search what X said" would search
    every turn under that person's label, so it is replaced by the note like the filter forms."""
    page = (
        "<html><head><title>t</title></head><body>"
        '<form class="filters" action="/search" method="get"><input type="hidden" name="speaker" value="Jane Doe">'
        '<label>Search what Jane Doe said <input type="search" name="q"></label></form>'
        "<footer>f</footer></body></html>"
    )
    out = rewrite_html(page, "people/jane-doe.html", {"people/jane-doe.html", "search.html"})
    assert "Search what Jane Doe said" not in out and 'name="speaker"' not in out
    assert "publish-note" in out


def test_fold_and_words_match_the_clients_rules():
    assert fold("Égalité ΣΟΦΟΣ") == "egalite σοφοσ"
    assert words("The Net-Neutrality of the IGF's café, 2021!") == ["net", "neutrality", "igf", "cafe", "2021"]
    assert shard_key("neutrality") == "ne" and shard_key(fold("één")) == "ee" and shard_key("σοφ") == "_3c3_3bf"


def _decode(postings: str) -> dict[int, int]:
    out, last = {}, 0
    for entry in postings.split(","):
        gap, _, tf = entry.partition(":")
        last += int(gap, 36)
        out[last] = int(tf, 36) if tf else 1
    return out


def _load(path: Path) -> list:
    text = path.read_text("utf-8")
    found = re.fullmatch(r"forumlensIndex\.\w+\((.*)\);\n", text, re.DOTALL)
    assert found, path
    return json.loads("[" + found.group(1) + "]")


def test_search_index_postings_point_at_the_turns_with_the_word(tmp_path):
    index = SearchIndex()
    turns = [
        IndexedTurn(3, "Net neutrality and neutral networks", "Ann Lee", "people/ann-lee.html"),
        IndexedTurn(5, "Neutrality, neutrality, always neutrality.", "Bo"),
        IndexedTurn(9, "Nothing about it here", None),
    ]
    index.add_session("sessions/s1.html", "Session one", 2021, turns)
    stats = index.write(tmp_path)
    assert stats.turns == 3 and stats.files == len(list(tmp_path.iterdir()))
    key, terms = _load(tmp_path / "t-ne.js")
    assert key == "ne" and _decode(terms["neutrality"]) == {0: 1, 1: 3}
    assert not (tmp_path / "t-an.js").exists()  # "and" is a stopword: not indexed
    meta = _load(tmp_path / "meta.js")[0]
    assert meta["turns"] == 3 and meta["sessions"] == [["sessions/s1.html", "Session one", 2021]]
    n, docs = _load(tmp_path / "d-0.js")
    assert n == 0 and docs[0][:3] == [0, 3, 0] and meta["speakers"][0] == ["Ann Lee", "people/ann-lee.html"]
    assert docs[2][2] == -1  # no speaker


# -- a published site ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[str, Path]:
    folder = tmp_path_factory.mktemp("publish")
    db = build_web_store(folder)
    site = folder / "site"
    publish_site(db, site, web_settings(db), PublishOptions(briefs=TOPICS, record_year=2022))  # threads by default
    return db, site


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key in ("href", "src", "action") and value is not None:
                self.links.append((tag, value))
            if key == "id" and value:
                self.ids.add(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def test_every_internal_link_of_the_site_resolves_to_a_file_and_its_anchor(published):
    _, site = published
    pages = sorted(site.rglob("*.html"))
    parsed = {p: _parse(p) for p in pages}
    checked = anchors = 0
    for page, found in parsed.items():
        for tag, link in found.links:
            parts = urlsplit(link)
            assert not link.startswith("/"), f"{page.relative_to(site)}: absolute link {link}"
            if parts.scheme or parts.netloc:
                assert INTERNAL_ORIGIN not in link
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), f"{page.relative_to(site)}: <{tag}> {link} does not resolve"
            assert site in target.parents
            checked += 1
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in parsed[target].ids, f"{page.relative_to(site)}: {link} has no anchor"
                anchors += 1
    assert checked > 1000 and anchors > 100  # a real site: many links, many citations to lines


def test_the_site_holds_a_page_for_everything_in_the_store(published):
    db, site = published
    store = open_store(db, readonly=True)
    try:
        sessions = store.session_ids()
        people = {p.id for p in store.people_on_record(None)}
        coalitions = {c["id"] for c in views.coalition_list(store)}
        tags = {(t["scheme"], t["code"]) for t in views.tag_list(store)}
        threads = {t.id for t in linked_threads(store).threads}
    finally:
        store.close()
    assert {p.stem for p in (site / "sessions").glob("*.html") if p.stem != "index"} == set(sessions)
    assert {p.stem for p in (site / "people").glob("*.html") if p.stem != "index"} == people
    assert {p.stem for p in (site / "coalitions").glob("*.html") if p.stem != "index"} == coalitions
    assert {(p.parent.name, p.stem) for p in (site / "topics").glob("*/*.html") if p.stem != "index"} == tags
    assert len(sessions) == 6 and len(people) > 20 and len(coalitions) > 10
    assert {p.stem for p in (site / "threads").glob("*.html") if p.stem != "index"} == threads and threads
    marker = json.loads((site / MARKER).read_text("utf-8"))
    assert marker["counts"]["sessions"] == len(sessions) and marker["counts"]["briefs"] == len(TOPICS)


def test_session_page_keeps_line_anchors_and_loses_server_only_parts(published):
    _, site = published
    page = (site / "sessions" / f"{SID}.html").read_text("utf-8")
    assert 'id="L333"' in page and "having regular updates to our office" in page
    assert 'href="#L333"' in page  # the takeaway's citation, on the same page
    assert "/related?line=" not in page and 'class="similar"' not in page
    assert 'href="../static/style.css"' in page and 'href="../static/publish.css"' in page
    hostile = next(p for p in (site / "sessions").glob("*.html") if "markup" in p.read_text("utf-8"))
    assert "<script>window.__pwned" not in hostile.read_text("utf-8")


def test_briefs_on_saved_topics_are_published_with_their_downloads(published):
    _, site = published
    index = (site / "briefs" / "index.html").read_text("utf-8")
    for topic in TOPICS:
        name = topic.replace(" ", "-")
        assert f'href="{name}.html"' in index
        assert f"<h2>{topic}</h2>" in (site / "briefs" / f"{name}.html").read_text("utf-8")
        data = json.loads((site / "briefs" / f"{name}.json").read_text("utf-8"))
        assert data["topic"] == topic
        markdown = (site / "briefs" / f"{name}.md").read_text("utf-8")
        assert INTERNAL_ORIGIN not in markdown
        for link in re.findall(r"\]\(([^)]+)\)", markdown):
            path, _, line = link.partition("#")
            assert (site / "briefs" / path).resolve().is_file() and re.fullmatch(r"L\d+", line)
    brief = json.loads((site / "briefs" / "regular-updates.json").read_text("utf-8"))
    # the Tech Envoy's office asking for regular updates (L333-L335 of the shared transcript) is a cited point
    assert any(
        333 <= c["line"] <= 335 and "regular updates" in c["quote"] for b in brief["bullets"] for c in b["citations"]
    )


def test_the_coalition_record_page_lists_every_registry_coalition(published):
    _, site = published
    page = (site / "record.html").read_text("utf-8")
    assert "Coalition record for IGF 2022" in page
    for entity in load_registry().of_kind("dc"):
        if str(entity.info.get("active", "yes")) != "no":
            assert f'id="{entity.id}"' in page, entity.name
    assert 'href="coalitions/dc-on-platform-responsibility.html"' in page


def test_search_index_covers_every_turn_and_finds_a_known_line(published):
    db, site = published
    meta = _load(site / "search" / "meta.js")[0]
    store = open_store(db, readonly=True)
    try:
        total = sum(1 for sid in store.session_ids() for t in store.load_session(sid).turns if t.text.strip())
    finally:
        store.close()
    assert meta["turns"] == total
    _, terms = _load(site / "search" / f"t-{shard_key('regular')}.js")
    hits = set(_decode(terms["regular"])) & set(_decode(_load(site / "search" / "t-up.js")[1]["updates"]))
    session = meta["sessions"].index(next(s for s in meta["sessions"] if s[0] == f"sessions/{SID}.html"))
    found = []
    for turn in hits:
        shard, docs = _load(site / "search" / f"d-{turn // meta['docs_per_shard']}.js")
        doc = docs[turn - shard * meta["docs_per_shard"]]
        text = doc[3].lower()
        assert "regular" in text and "updates" in text
        found.append((doc[0], doc[1] + text[: text.index("regular")].count("\n")))  # the line of the word
    assert (session, 333) in found  # the line the portal's own search cites


# -- the command, and failures --------------------------------------------------------------------


def _invoke(args: list[str]):
    cli.add_command(publish_command, "publish")  # until cli.FEATURE_COMMANDS lists it
    return CliRunner().invoke(cli, args, env={"FORUMLENS_CONFIG": "/nonexistent"})


def test_command_publishes_with_canonical_links_and_replaces_its_own_site(published, tmp_path):
    db, _ = published
    out = tmp_path / "www"
    topics = tmp_path / "topics.txt"
    topics.write_text("# saved topics\n\nregular updates\n  Regular Updates  \nvisibility\n", "utf-8")
    args = ["publish", str(out), "--base-url", "https://example.org/igf/", "--briefs-from", str(topics), "--json"]
    args.append("--no-threads")
    result = _invoke(["--db", db, *args])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["pages"] > 50 and summary["counts"]["sessions"] == 6 and summary["bytes"] > 100_000
    assert summary["counts"]["briefs"] == 2  # comments, blank lines and the same topic twice left out
    assert sorted(p.name for p in (out / "briefs").glob("*.html")) == [
        "index.html",
        "regular-updates.html",
        "visibility.html",
    ]
    page = (out / "sessions" / f"{SID}.html").read_text("utf-8")
    assert f'<link rel="canonical" href="https://example.org/igf/sessions/{SID}.html">' in page
    assert not (out / "threads").exists() and "<a>Threads</a>" in page  # --no-threads: no pages, no link
    coalition = (out / "coalitions" / "dc-on-gender-and-internet-governance.html").read_text("utf-8")
    assert 'id="threads"' not in coalition and 'id="outputs"' in coalition
    with_threads = (published[1] / "coalitions" / "dc-on-gender-and-internet-governance.html").read_text("utf-8")
    assert 'id="threads"' in with_threads  # the section a default site keeps
    (out / "stale.html").write_text("old", "utf-8")
    again = _invoke(["--db", db, "publish", str(out)])  # the default: threads published
    assert again.exit_code == 0, again.output
    assert "published" in again.stdout and "pages/s" in again.stdout and " 0 threads" not in again.stdout
    assert not (out / "stale.html").exists() and (out / "index.html").is_file()
    listed = {p.stem for p in (out / "threads").glob("*.html") if p.stem != "index"}
    assert listed == {p.stem for p in (published[1] / "threads").glob("*.html") if p.stem != "index"} and listed
    coalition = (out / "coalitions" / "dc-on-gender-and-internet-governance.html").read_text("utf-8")
    assert 'id="threads"' in coalition
    assert "<a>Threads</a>" not in (out / "sessions" / f"{SID}.html").read_text("utf-8")  # the menu links them
    assert sorted(p.name for p in tmp_path.iterdir()) == ["topics.txt", "www"]  # no temporary or old copy left


def test_the_progress_line_counts_the_pages_the_summary_counts(published, tmp_path):
    """A brief's .md and .json downloads are files, not pages: with briefs, "pages 44/44" on the
    way and "published 42 pages" at the end disagreed."""
    db, _ = published
    seen: list[tuple[int, int]] = []
    options = PublishOptions(briefs=TOPICS, record_year=2022, threads=False)
    result = publish_site(db, tmp_path / "site", web_settings(db), options, progress=lambda *at: seen.append(at))
    pages = sum(1 for p in (tmp_path / "site").rglob("*.html") if "static" not in p.parts)
    assert seen[-1] == (result.pages, result.pages) == (pages, pages)
    assert {total for _, total in seen} == {pages}  # the same total from the first line on
    assert (tmp_path / "site" / "briefs" / "funding.md").is_file()  # the downloads are there, as files


def test_a_failed_publish_leaves_the_previous_site_intact(published, tmp_path, monkeypatch):
    db, _ = published
    out = tmp_path / "site"
    seen: list[tuple[int, int]] = []
    result = publish_site(db, out, web_settings(db), progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (result.pages, result.pages) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken(*args, **kwargs):
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(site_module, "_index_session", broken)
    with pytest.raises(RuntimeError, match="disk trouble"):
        publish_site(db, out, web_settings(db))
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_refuses_a_folder_it_did_not_write(published, tmp_path):
    db, _ = published
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    with pytest.raises(ConfigError, match="holds no site published by forumlens"):
        publish_site(db, tmp_path, web_settings(db))
    assert (tmp_path / "notes.txt").read_text("utf-8") == "mine"
    result = _invoke(["--db", db, "publish", str(tmp_path)])
    assert result.exit_code == 1 and "holds no site published by forumlens" in result.stderr


def test_command_rejects_a_base_url_that_is_not_http(published, tmp_path):
    db, _ = published
    result = _invoke(["--db", db, "publish", str(tmp_path / "x"), "--base-url", "example.org"])
    assert result.exit_code == 1 and "not an http(s) address" in result.stderr
    assert not (tmp_path / "x").exists()


def test_command_says_what_to_install_without_the_web_extra(published, tmp_path, monkeypatch):
    db, _ = published
    for name in [m for m in sys.modules if m.startswith("forumlens.publish.")]:
        monkeypatch.delitem(sys.modules, name)
    for name in [m for m in sys.modules if m == "fastapi" or m.startswith("fastapi.")]:
        monkeypatch.setitem(sys.modules, name, None)  # import fastapi… → ImportError, as when not installed
    result = _invoke(["--db", db, "publish", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert "needs the web extra (fastapi is missing)" in result.stderr and "forumlens[web]" in result.stderr


def test_ingest_of_a_published_site_skips_its_pages(tmp_path):
    """Every page `forumlens publish` writes names forumlens its generator (`generated.HTML_META`),
    so `ingest` of the site's folder (a site kept next to the transcripts) stores none of them as a
    new session; the walk says which files it skipped and why."""
    transcript = tmp_path / "ws.txt"
    transcript.write_text(
        ">> LERATO MOKOENA: Welcome. Community networks need spectrum they can afford.\n"
        ">> JONAS WEBER: Regulators should publish spectrum prices before the next auction.\n",
        "utf-8",
    )
    db = tmp_path / "small.sqlite3"
    stored = _invoke(["--db", str(db), "ingest", str(transcript), "--no-analysis"])
    assert stored.exit_code == 0, stored.output
    site = tmp_path / "www"
    made = _invoke(["--db", str(db), "publish", str(site), "--no-threads"])
    assert made.exit_code == 0, made.output
    pages = sorted(site.rglob("*.html"))
    assert pages and all(HTML_META in page.read_text("utf-8") for page in pages)
    again = tmp_path / "again.sqlite3"
    result = _invoke(["--db", str(again), "ingest", str(site), "--no-analysis"])
    assert f"{len(pages)} files skipped, written by forumlens" in result.stderr, result.output
    assert "ingested" not in result.stdout
    assert not again.exists()  # nothing stored: no store created
