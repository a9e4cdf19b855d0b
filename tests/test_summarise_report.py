"""Session reports: shape, determinism, procedure filtered, use of analyse/resolve output, and
(issue 23) citations that describe themselves, each point shown once, a numbered Sources list."""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

import pytest

from forumlens.models import Session
from forumlens.summarise import build_report, check_citations, render
from forumlens.summarise.procedural import is_procedural
from forumlens.summarise.render import quote_differs
from forumlens.summarise.sources import describe_analyses, human_date
from forumlens.transcript.parse import parse_transcript

RES = Path(__file__).resolve().parent / "resources" / "summarise"
MAIN = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "igf2021-dc-main-session.txt"


def _load(path: Path) -> Session:
    data = path.read_bytes()
    return parse_transcript(data.decode("utf-8"), source=path.name, sha256=hashlib.sha256(data).hexdigest())


@pytest.fixture(scope="module")
def cyber() -> Session:
    return _load(RES / "of-cyber-capacity-2019.txt")


@pytest.fixture(scope="module")
def main() -> Session:
    return _load(MAIN)


def test_report_sections_without_any_analysis(cyber: Session) -> None:
    report = build_report(cyber)
    assert 5 <= len(report.takeaways) <= 8
    assert 1 <= len(report.calls_to_action) <= 5
    assert any(b.kind == "funding" for b in report.calls_to_action)
    speakers = {s.speaker for s in report.speakers}
    assert {"Mele Taufa", "Andre Campbell", "Sofia Lindqvist"} <= speakers
    assert all(1 <= len(s.bullets) <= 2 for s in report.speakers)
    assert any("Samoa" in b.citations[0].quote or "young people" in b.citations[0].quote for b in report.open_questions)
    assert any("no resolve output" in n for n in report.inferred)
    assert not report.notes  # what was inferred is recorded, never printed


def test_takeaways_are_not_procedure_and_follow_the_session(main: Session) -> None:
    report = build_report(main)
    assert len(report.takeaways) == 8  # a long session gets the most
    lines = [b.citations[0].line for b in report.takeaways]
    assert lines == sorted(lines)
    for b in report.bullets():
        assert not is_procedural(b[1].citations[0].quote)
    assert len({b.citations[0].speaker for b in report.takeaways}) >= 6  # many voices, not one


def test_speaker_points_name_the_coalition(main: Session) -> None:
    report = build_report(main)
    by = {s.speaker: s for s in report.speakers}
    assert by["Jutta Croll"].coalition == "DC on Children's Rights in the Digital Environment"
    assert by["Mark Carvell"].coalition == "DC on Internet Standards, Security and Safety"
    assert by["Jennifer Chung"].role == "moderator"
    assert {c.name for c in report.coalitions} >= {"DC on Network Neutrality", "DC on Core Internet Values"}


def test_report_is_deterministic(main: Session) -> None:
    assert json.dumps(build_report(main).to_json()) == json.dumps(build_report(main).to_json())


def test_analysis_output_is_used_when_given(cyber: Session) -> None:
    analysis = {
        "people": [
            {"name": "Mele Taufa", "role": "guest", "affiliation": "Tonga CERT"},
            {
                "name": "Andre Campbell",
                "role": "dc-representative",
                "affiliation": "DC on Internet Standards, Security and Safety",
            },
        ],
        "coalitions": [
            {
                "name": "DC on Internet Standards, Security and Safety",
                "acronym": "IS3C",
                "status": "presented",
                "lines": [24],
            }
        ],
        "asks": [
            {
                "category": "cooperation",
                "by": "Andre Campbell",
                "line": 30,
                "quote": "Please coordinate with each other.",
            },
            {"category": "funding", "by": "Mele Taufa", "line": 16, "quote": "a quote that is not in the source"},
        ],
        "questions": [
            {
                "line": 48,
                "by": None,
                "status": "unanswered",
                "text": "how can small states take part in the UN negotiations on cyber norms when they have no diplomat who covers cyber?",
            }
        ],
    }
    report = build_report(cyber, analysis)
    assert [b.citations[0].quote for b in report.calls_to_action] == ["Please coordinate with each other."]
    assert report.calls_to_action[0].kind == "cooperation"
    assert len(report.open_questions) == 1 and report.open_questions[0].citations[0].line == 48
    by = {s.speaker: s for s in report.speakers}
    assert by["Andre Campbell"].coalition == "DC on Internet Standards, Security and Safety"
    assert [c.acronym for c in report.coalitions] == ["IS3C"]
    assert check_citations(report, [cyber]) == []
    assert not report.inferred and not report.notes


def test_stored_analyses_read_back_as_the_stage_records(main: Session) -> None:
    """The report of a stored session is the report the pipeline made from the records."""
    from forumlens.analyse import find_intel
    from forumlens.resolve import resolve_session
    from forumlens.summarise import Findings

    cast = resolve_session(main)
    intel = find_intel(main, cast, mentions=cast.mentions)
    findings = Findings(
        people=cast.people,
        coalitions=cast.coalitions,
        segments=intel.segments,
        asks=intel.asks,
        questions=intel.questions,
    )
    stored = Findings.from_json(json.loads(json.dumps({**cast.to_json(), **intel.to_json()})))
    for part in ("people", "coalitions", "segments", "asks", "questions"):  # what JSON keeps of each record
        assert [r.to_json() for r in getattr(stored, part)] == [r.to_json() for r in getattr(findings, part)], part
    assert stored.coalitions == findings.coalitions and stored.asks == findings.asks
    assert build_report(main, stored).to_json() == build_report(main, findings).to_json()
    assert Findings.from_json({}) == Findings()  # nothing stored: asks and questions are inferred


@pytest.mark.parametrize(
    "fmt, marker",
    [
        ("md", "## Key takeaways"),
        ("html", "<h2>Key takeaways</h2>"),
        ("text", "KEY TAKEAWAYS"),
        ("json", '"takeaways"'),
    ],
)
def test_renderers(cyber: Session, fmt: str, marker: str) -> None:
    report = build_report(cyber)
    out = render(report, fmt)
    assert marker in out
    quote = report.takeaways[0].citations[0].quote
    if fmt == "json":
        assert json.loads(out)["takeaways"][0]["citations"][0]["quote"] == quote
    if fmt != "json":
        assert cyber.title in out  # every format names the session the lines come from


def _body_and_sources(md: str) -> tuple[str, str]:
    body, _, sources = md.partition("\n## Sources\n")
    return body, sources


def test_markdown_shows_each_point_once_and_ends_with_numbered_sources(main: Session) -> None:
    report = build_report(main)
    md = render(report, "md")
    body, sources = _body_and_sources(md)
    assert sources, "a brief ends with its Sources list"
    flat_body = " ".join(body.split())
    for _, bullet in report.bullets():
        assert flat_body.count(" ".join(bullet.text.split())) <= 1  # never twice
    for bullet in report.takeaways:
        assert " ".join(bullet.text.split()) in flat_body
        for c in bullet.citations:
            assert " ".join(c.quote.split()) not in flat_body or not quote_differs(bullet.text, c.quote)
    numbers = [int(m.group(1)) for m in re.finditer(r"^(\d+)\. ", sources, re.M)]
    assert numbers == list(range(1, len(numbers) + 1))  # one session: its entries in order
    cited = {(c.line, c.quote) for _, b in report.bullets() for c in b.citations}
    assert len(numbers) <= len(cited)  # one entry per distinct quote, a bullet's quotes of one line merged
    line_of = {int(n): int(line) for n, line in re.findall(r"^(\d+)\. (?:.*?, )?line (\d+)", sources, re.M)}
    for m in re.finditer(r"\[([\d, ]+)\]$", body, re.M):  # no bullet cites one line twice ("[1, 2]" of L113)
        lines = [line_of[int(n)] for n in m.group(1).split(",")]
        assert len(lines) == len(set(lines)), m.group(0)
    assert f"**{main.title} ({main.year})**" in sources
    for c in report.takeaways[0].citations:  # the entry names speaker and line; the quote when it says more
        entry = next(line for line in sources.splitlines() if f"{c.speaker}, line {c.line}" in line)
        if quote_differs(report.takeaways[0].text, c.quote):
            assert " ".join(c.quote.split()) in entry
    refs = {int(n) for m in re.finditer(r"\[([\d, ]+)\]$", body, re.M) for n in m.group(1).split(",")}
    assert refs == set(numbers)  # every point points into the list, every entry is used


def test_html_keeps_quotes_behind_details_and_links_every_reference(main: Session) -> None:
    report = build_report(main)
    page = render(report, "html")
    shown = re.sub(r"<details>.*?</details>", "", page, flags=re.S)
    hidden = "".join(re.findall(r"<details>.*?</details>", page, flags=re.S))
    for bullet in report.takeaways:
        for c in bullet.citations:
            quote = html.escape(" ".join(c.quote.split()), quote=False)
            if quote_differs(bullet.text, c.quote):
                assert quote in hidden and quote not in shown.split('class="sources"')[0]
    links = set(re.findall(r'href="#(src-\d+)"', page))
    anchors = set(re.findall(r'id="(src-\d+)"', page))
    assert links and links == anchors


def test_citations_describe_their_session_in_every_format(main: Session) -> None:
    report = build_report(main, {"document": {"date": "2021-12-07"}})
    for c in json.loads(json.dumps(report.to_json()))["takeaways"][0]["citations"]:
        assert (c["title"], c["year"], c["date"]) == (main.title, 2021, "2021-12-07")
        assert {"line", "speaker", "quote"} <= set(c) and "page" not in c  # a transcript has no pages
    heading = f"{main.title} (2021; 7 December 2021)"
    assert heading in render(report, "md") and heading in " ".join(render(report, "text").split())
    assert html.escape(heading, quote=False) in render(report, "html")
    assert check_citations(report, [main]) == []  # describing a citation never changes what it quotes


def test_document_citations_name_page_and_section() -> None:
    from forumlens.pipeline import parse_document
    from forumlens.read import read_bytes

    from .docfiles import make_pdf

    items = [
        ("h1", "Coalition annual report"),
        ("h2", "Findings"),
        ("p", "Public libraries that offer free connectivity reach people that commercial networks leave behind."),
        ("page", ""),
        ("h2", "Recommendations"),
        ("p", "Governments should fund public access points in every district and publish the results every year."),
        ("p", "Regulators should reserve spectrum for community operators and simplify licensing for them."),
    ]
    session = parse_document(read_bytes(make_pdf(items), "report.pdf"))
    report = build_report(session)
    cited = [c for _, b in report.bullets() for c in b.citations]
    assert cited
    for c in cited:
        turn = next(t for t in session.turns if t.line <= c.line <= max(t.line, t.end_line))
        data = c.to_json()
        assert (data.get("page"), data.get("section")) == (turn.page, turn.section)
    later = next(c for c in cited if c.to_json().get("page") == 2)
    assert "p. 2, § Recommendations" in render(report, "md")
    assert later.to_json()["section"] == "Recommendations"


def test_describe_analyses_extends_stored_citations_without_renaming(main: Session) -> None:
    stored = {
        "document": {"date": "2021-12-07"},
        "takeaways": [{"text": "t", "citations": [{"line": 39, "speaker": "S", "quote": "q"}]}],
        "speaker_points": [{"speaker": "S", "points": [{"text": "t", "citations": [{"line": 39, "quote": "q"}]}]}],
        "asks": [{"line": 39, "quote": "q"}],
    }
    described = describe_analyses(main, stored)
    cite = described["takeaways"][0]["citations"][0]
    assert cite == {"line": 39, "speaker": "S", "quote": "q", "title": main.title, "year": 2021, "date": "2021-12-07"}
    assert described["speaker_points"][0]["points"][0]["citations"][0]["title"] == main.title
    assert described["asks"] == stored["asks"] and stored["takeaways"][0]["citations"][0] == {
        "line": 39,
        "speaker": "S",
        "quote": "q",
    }  # other kinds untouched, the input not modified
    assert describe_analyses(main, described) == described  # idempotent: a stored session described twice


@pytest.mark.parametrize(
    "date, shown",
    [
        ("2021-12-07", "7 December 2021"),
        ("2021-12", "December 2021"),
        ("2021", "2021"),
        ("7 Dec", "7 Dec"),
        (None, None),
    ],
)
def test_human_date(date: str | None, shown: str | None) -> None:
    assert human_date(date) == shown


def test_html_escapes_source_text() -> None:
    text = (
        "T\n\n>> ANA SILVA:  We need <b>funding</b> & channels to decision makers in every region of the world.\n"
        ">> BEN OKO:  Governments should publish <script> results of accessibility audits every single year.\n"
    )
    session = parse_transcript(text, sha256="c" * 64)
    out = render(build_report(session), "html")
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_one_bullets_quotes_of_one_line_are_one_source_in_every_format(main: Session) -> None:
    """Issue 23: the first takeaway of the shared transcript quotes two sentences of L113; it
    cited "L113 Minda Moreira; L113 Minda Moreira" (text) and "[1, 2]" (Markdown, HTML)."""
    report = build_report(main)
    twice = [b for _, b in report.bullets() if len({c.line for c in b.citations}) < len(b.citations)]
    assert twice, "the shared transcript has a bullet quoting two sentences of one line"
    text = render(report, "text")
    cites = [  # "[1] L113 Minda Moreira; [5] L401 Mark Carvell": the numbers of the Sources list
        re.sub(r"(^|; )\[\d+\] ", r"\1", line.strip())
        for line in text.splitlines()
        if re.match(r"^ {6}\[\d+\] L\d+", line)
    ]
    assert cites and all(len(set(c.split("; "))) == len(c.split("; ")) for c in cites), cites
    for b in twice:  # the text view says each line once under the bullet
        assert f"L{b.citations[0].line} {b.citations[0].speaker}" in cites
    md = render(report, "md")
    body, sources = _body_and_sources(md)
    line_of = {int(n): int(line) for n, line in re.findall(r"^(\d+)\. (?:.*?, )?line (\d+)", sources, re.M)}
    for b in twice:
        refs = re.search(re.escape(" ".join(b.text.split())) + r" \[([\d, ]+)\]", " ".join(body.split()))
        assert refs and len(refs.group(1).split(",")) == len({c.line for c in b.citations})
        entry = next(e for e in sources.splitlines() if e.startswith(f"{refs.group(1).split(',')[0]}. "))
        for c in b.citations:  # the one entry keeps every quote the bullet does not say word for word
            if quote_differs(b.text, c.quote):
                assert " ".join(c.quote.split()) in entry
    page = render(report, "html")
    label = {int(n): int(line) for n, line in re.findall(r'id="src-(\d+)" value="\d+">[^<]*line (\d+)<', page)}
    for refs in re.findall(r'<sup class="refs">\[(.*?)\]</sup>', page):
        lines = [label[int(n)] for n in re.findall(r'href="#src-(\d+)"', refs)]
        assert len(lines) == len(set(lines)), refs
    assert set(label.values()) <= set(line_of.values()) | {c.line for _, b in report.bullets() for c in b.citations}
    data = json.loads(render(report, "json"))  # the contract keeps every verbatim quote
    assert len(data["takeaways"][0]["citations"]) == len(report.takeaways[0].citations)


UNNAMED_TURNS = """IGF 2019 – Workshop #3: Libraries and Connectivity

>> Good morning.  Libraries in rural areas need stable funding for connectivity.

>> Thank you.  Governments should include public libraries in their national broadband plans.

>> What is the timeline for the survey of public access?

>> We will publish the survey of public access next year.
"""


def test_a_report_built_without_earlier_stages_prints_no_internal_note() -> None:
    """A transcript whose turns name no one has no cast: the summariser infers chairs and
    coalitions itself, and that is a fact about the program, not about the session."""
    session = parse_transcript(UNNAMED_TURNS, source="ws3.txt", sha256="0" * 64)
    report = build_report(session)
    assert report.inferred  # recorded for tests and debugging
    for fmt in ("text", "md", "html", "json"):
        out = render(report, fmt)
        assert "output)" not in out and "inferred" not in out.lower(), fmt
