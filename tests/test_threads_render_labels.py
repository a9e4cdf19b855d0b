"""`forumlens threads` names actors readably and its citations describe themselves (issues 20 and 23).

Through the real command over a store of the repository's own examples (`make demo`:
an AUDIENCE MEMBER's question, a question a moderator relays from a remote participant,
named askers) and the threads development corpus (three caption sessions and a
coalition's annual report with sections). Expectations are read from the store (titles,
stated dates, the section of each document line) and from the transcripts themselves.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.store import open_store
from forumlens.threads.render import FLOOR, REMOTE, Source, speaker_label
from forumlens.transcript.speakers import name_key

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DEV = ROOT / "bench" / "threads" / "dev"
CONTRACT_ITEM = ["session", "line", "year", "speaker", "role", "quote"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("threads-render") / "store.sqlite3")
    for folder in (EXAMPLES, DEV):
        result = CliRunner().invoke(cli, ["--db", path, "ingest", str(folder)])
        assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def stored(db: str) -> dict[str, dict]:
    """Per session: title, stated date, whether a document, and the section of each line of its paragraphs."""
    store = open_store(db, readonly=True)
    try:
        out = {}
        for doc in store.stored_documents():
            session = store.load_session(doc.id)
            sections = {
                n: " ".join(t.section.split())
                for t in session.turns
                if t.section
                for n in range(t.line, max(t.line, t.end_line) + 1)
            }
            out[doc.id] = {
                "title": doc.title,
                "date": doc.meta.get("date"),
                "document": doc.kind != "transcript",
                "sections": sections,
                "lines": (store.session_text(doc.id) or ("", "", ""))[2].split("\n"),
            }
        return out
    finally:
        store.close()


def run(db: str, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", db, "threads", "--linker", "lexical", *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def threads(db: str) -> list[dict]:
    return json.loads(run(db, "--json"))["threads"]


def asked(threads: list[dict], words: str) -> dict:
    """The question thread raised by the sentence containing `words`."""
    return next(t for t in threads if t["kind"] == "question" and words in t["items"][0]["quote"])


def test_unnamed_and_named_askers_read_as_people_would_say_them(threads):
    # ">> AUDIENCE MEMBER:" in the captions, who says "I am Meera from …": named by her own words
    audience = asked(threads, "How much does it cost a small country")
    assert audience["actor_name"] == "Meera" and audience["items"][0]["who"] == "Meera"
    # relayed by the online moderator ("A remote participant from the Ghana IGF asks: …"), never named
    remote = asked(threads, "how can national IGFs use the report")
    assert remote["actor_name"] == REMOTE and remote["items"][0]["who"] == REMOTE
    priya = asked(threads, "Will the guide also cover libraries")
    assert priya["actor_name"] == "Priya Nair" and priya["actor"] == "person:priya nair"


@pytest.mark.parametrize(
    ("label", "readable"),
    [
        ("AUDIENCE MEMBER", FLOOR),
        ("Unidentified speaker 2", FLOOR),
        ("a participant in IGF 2024 – Day 1 – Workshop #42: From Coalition Outputs to Policy Action", FLOOR),
        ("remote participant", REMOTE),  # a question a moderator relays ("a remote participant asks: …")
        ("Online participant", REMOTE),
        ("a remote participant from the Ghana IGF", "a remote participant from the Ghana IGF"),
        ("PARTICIPANT from Kenya", "a participant from Kenya"),
        ("Audience member from Brazil", "an audience member from Brazil"),
        ("Floor Jansen", "Floor Jansen"),  # a name that starts like a role label is a name
        ("Priya Nair", "Priya Nair"),
        ("DC on Public Access in Libraries", "DC on Public Access in Libraries"),
    ],
)
def test_caption_labels_of_unnamed_voices_read_as_descriptions(label, readable):
    assert speaker_label(label) == readable


def test_a_document_speaks_as_the_document():
    report = Source("Dynamic Coalition on Community Connectivity – Annual Report 2023", 2023, "2023-11", document=True)
    assert speaker_label(None, report) == f"the document “{report.title}”"
    assert speaker_label(f"in {report.title}", report, titled=False) == "the document"
    assert speaker_label(None, Source("IGF 2024 – Workshop", 2024)) == FLOOR  # an unnamed caption voice


def test_every_actor_name_is_a_name_as_spoken_or_an_unnamed_voice(threads):
    for t in threads:
        kind, _, key = t["actor"].partition(":")
        spoken = {i["speaker"] for i in t["items"] if i["speaker"]}
        if t["coalition"]:
            assert t["actor_name"] == t["coalition"]
        elif kind == "person":
            own = {s for s in spoken if name_key(s) == key}
            assert t["actor_name"] in own or t["actor_name"].startswith(("a ", "an ", "the document")), t
            if t["actor_name"] not in spoken:
                assert t["actor_name"] != key  # never the lowercased comparison key
        elif kind == "org":
            assert t["actor_name"] == key


def test_text_and_markdown_headers_use_the_readable_actor(db, threads):
    text = run(db)
    md = run(db, "--md")
    for t in threads:
        years = str(t["first_year"]) if t["first_year"] == t["last_year"] else f"{t['first_year']}–{t['last_year']}"
        assert f"] {t['id']}  {t['actor_name']}  {years}\n" in text
        what = t["kind"] + (f", {t['category'].replace('-', ' ')}" if t["category"] != "other" else "")
        assert f"## {t['actor_name']} — {what} · {t['status']} ({years})\n" in md  # the portal's name
    assert not re.search(r"^\[.*\] \w+  a participant in ", text, re.MULTILINE)  # no session title as the asker


def test_json_items_gain_the_description_of_their_source(db, threads, stored):
    store = open_store(db, readonly=True)
    try:
        people = store.known_people()
    finally:
        store.close()
    for t in threads:
        for item in t["items"]:
            assert list(item)[: len(CONTRACT_ITEM)] == CONTRACT_ITEM  # the contract, in order, then extensions
            source = stored[item["session"]]
            assert item["title"] == source["title"]
            assert item.get("date") == (source["date"] or None)
            assert item.get("section") == source["sections"].get(item["line"])
            assert item["quote"] in source["lines"][item["line"] - 1]
            spoken = item["speaker"] or ""
            assert item["who"] == spoken or item["who"] in (FLOOR, REMOTE) or item["who"].startswith("the document")
            if item["who"] != spoken:
                assert not spoken or name_key(spoken) not in {name_key(n) for n in people}  # a person keeps their name
    documents = [i for t in threads for i in t["items"] if stored[i["session"]]["document"]]
    assert documents and all(i.get("section") for i in documents)  # the annual report's paragraphs are under headings


def test_markdown_citations_name_title_year_speaker_section_and_line(db, threads, stored):
    md = run(db, "--md")
    for t in threads:
        for item in t["items"]:
            source = stored[item["session"]]
            when = str(item["year"])
            date = source["date"] or ""
            cite = f"({source['title']} ({when}"
            assert cite in md, cite
            if len(date) > 4:  # a stated month or day says more than the year
                assert re.search(re.escape(cite) + r"; [^)]*" + re.escape(date[:4]), md)
            if item.get("section"):
                assert f"§ {item['section']}, line {item['line']})" in md
            quote = " ".join(item["quote"].split())
            who = "the document" if source["document"] and not item["speaker"] else item["who"]
            assert f"— {who}: “{quote}”" in md, (who, quote)


def clipped(text: str, limit: int) -> str:
    """`text` as a plain-text citation shows it: spaces collapsed, cut to `limit` characters with "…"."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def test_text_citations_describe_their_source_like_markdown(db, threads, stored):
    """Each item line of the plain text names year, session title, section (documents) and line, then who said
    what: read against the store and the transcripts, never the bare `session:Lline` of before (issue 20)."""
    from forumlens.threads.render import TITLE_SHOWN

    text = run(db)
    lines = text.split("\n")
    assert not re.search(r"\b[0-9a-f]{12}:L\d+", text)  # no session id standing in for the source
    for t in threads:
        for item in t["items"]:
            source = stored[item["session"]]
            where = f"“{clipped(source['title'], TITLE_SHOWN)}”"
            section = source["sections"].get(item["line"])
            if section:
                where += f", § {clipped(section, TITLE_SHOWN)}"
            who = "the document" if item["who"].startswith("the document") else item["who"]  # the title is beside
            head = f"    {item['year']}  {where}, L{item['line']}  {item['role']}  {who}: "
            said = [ln[len(head) :] for ln in lines if ln.startswith(head)]
            assert said, head
            quote = " ".join(item["quote"].split())
            assert any(quote.startswith(s.rstrip("…")) for s in said), (head, said)
    cited = {stored[i["session"]]["title"] for t in threads for i in t["items"]}
    assert any(len(title) > TITLE_SHOWN for title in cited)  # the dev corpus has long titles: they are cut
    for title in cited:
        assert f"“{clipped(title, TITLE_SHOWN)}”" in text


@pytest.mark.parametrize(
    "label",
    [
        "PARTICIPANT from Kenya",
        "Audience member from Brazil",
        "a remote participant from the Ghana IGF",
        "Speaker from the Dhaka hub",
        "AUDIENCE",
        "the Remote Hub",
        "Floor Jansen",
        "Priya Nair",
    ],
)
def test_a_report_and_a_thread_name_a_voice_by_one_rule(label):
    # the IGF template's "X asked: …" and a thread's item say the same voice the same way
    from forumlens.summarise.labels import speaker_phrase

    assert speaker_phrase(label) == speaker_label(label)
