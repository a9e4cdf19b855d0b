"""`forumlens report SESSION --template igf` (issue 23, item 7): the IGF workshop reporting
template, headings in the DESIGN.md order in every format, every sentence cited verbatim."""

from __future__ import annotations

import builtins
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.errors import ConfigError
from forumlens.models import Session
from forumlens.pipeline import analyse_session, prepare_document
from forumlens.read import read_bytes
from forumlens.summarise import check_citations
from forumlens.summarise.template import HEADINGS, NOT_STATED, RAPPORTEUR, IgfReport, igf_report
from forumlens.summarise.template_render import SHORT_FORM, render_template, template_docx
from forumlens.transcript.parse import parse_transcript

from .conftest import MAIN_SESSION, RESOURCES, ROOT

EXAMPLE = ROOT / "examples" / "igf2024-ws-coalition-outputs.txt"
CYBER = RESOURCES / "summarise" / "of-cyber-capacity-2019.txt"


def _analysed(path: Path) -> tuple[Session, dict[str, Any]]:
    session, meta = prepare_document(read_bytes(path.read_bytes(), str(path)))
    analyses = analyse_session(session)
    analyses["document"] = meta.to_json()
    return session, analyses


@pytest.fixture(scope="module")
def main() -> tuple[Session, dict[str, Any], IgfReport]:
    session, analyses = _analysed(MAIN_SESSION)
    return session, analyses, igf_report(session, analyses)


def _sentences(data: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for section in data["sections"]:
        out += section["items"] + [s for p in section["paragraphs"] for s in p["sentences"]]
    return out + data["short_form"]["key_takeaways"] + data["short_form"]["calls_to_action"]


def test_every_sentence_of_the_main_session_template_is_cited_verbatim(main) -> None:
    session, _, report = main
    assert check_citations(report, [session]) == []
    sentences = _sentences(json.loads(json.dumps(report.to_json())))
    assert len(sentences) >= 20
    assert all(s["text"] and s["citations"] for s in sentences)
    # the JSON alone is auditable too: the same check over the sentences as written out
    assert check_citations({"session": session.id, "sentences": sentences}, [session]) == []
    for s in sentences:
        for c in s["citations"]:
            assert c["title"] == session.title and c["year"] == session.year


def test_template_sections_follow_the_rules(main) -> None:
    session, analyses, report = main
    assert [s.heading for s in report.sections] == list(HEADINGS)
    assert report.section("Session title").value == session.title
    assert report.section("Rapporteur").value == RAPPORTEUR
    moderators = {p["name"] for p in analyses["people"] if p["role"] == "moderator"}
    chairs = report.section("Chair/Moderator").items
    assert {b.text.split(",")[0].split(" (")[0] for b in chairs} == moderators
    named = [p for p in analyses["people"] if p["role"] != "moderator"]
    assert len(report.section("Speakers and their institutional affiliations").items) == len(named)
    for p in named:
        if p["name"] and p["affiliation"]:
            assert any(
                b.text == f"{p['name']}, {p['affiliation']}"
                for b in report.section("Speakers and their institutional affiliations").items
            )
    discussion = report.section("Discussion").paragraphs
    assert 1 <= len(discussion) <= 3  # the IGF template: at most three paragraphs, exchanges first
    assert discussion[0].lead.startswith(("Question from ", "Questions and answers"))
    assert len(report.section("Way forward and key takeaways").paragraphs) <= 3
    calls = report.section("Calls to action").items
    assert [(b.text, b.kind) for b in calls] == [(c["text"], c["kind"]) for c in analyses["calls_to_action"]]
    presenters = {p["name"] for p in analyses["people"] if p["role"] in ("dc-representative", "guest") and p["name"]}
    leads = {p.lead.split(",")[0] for p in report.section("Presentations").paragraphs}
    assert leads <= presenters | {"Unnamed speaker"} and len(leads) >= 5
    issues = report.section("Key issues raised").items
    assert 2 <= len(issues) <= 8 and all(len(b.citations) == 1 for b in issues)
    assert len(report.short_takeaways) <= 3 and len(report.short_calls) <= 2
    assert len({b.kind for b in report.short_calls}) == len(report.short_calls)
    takeaways = {b["citations"][0]["quote"] for b in analyses["takeaways"]}
    assert all(b.citations[0].quote in takeaways for b in report.short_takeaways)


def test_a_point_is_credited_to_the_person_whose_turn_it_is_in() -> None:
    """A caption label the analysis flagged (a mis-attribution) does not move a point to
    another person: the point goes to the resolved person whose turn covers its line."""
    text = (
        "Workshop on open data\n\n"
        ">> ANA LIMA:  Welcome.  I will moderate this session today.\n\n"
        ">> RUI COSTA:  I speak for the Open Data Coalition.  We published a data charter for cities this year.\n\n"
        "Our charter asks every city to publish budgets as open data.\n"
    )
    session = parse_transcript(text, source="open-data.txt", sha256="a" * 64)
    turn = next(t for t in session.turns if t.label == "RUI COSTA")
    point_line = turn.line + 2
    analyses = {
        "people": [
            {"name": "Ana Lima", "role": "moderator", "lines": [3]},
            {
                "name": "Rui Costa",
                "role": "dc-representative",
                "affiliation": "Open Data Coalition",
                "lines": [turn.line],
            },
        ],
        "speaker_points": [
            {
                "speaker": "Someone Else",  # the label as the caption had it
                "points": [
                    {
                        "text": "Our charter asks every city to publish budgets as open data.",
                        "citations": [
                            {
                                "line": point_line,
                                "speaker": "Rui Costa",
                                "quote": "Our charter asks every city to publish budgets as open data.",
                            }
                        ],
                    }
                ],
            }
        ],
    }
    report = igf_report(session, analyses)
    (paragraph,) = report.section("Presentations").paragraphs
    assert paragraph.lead == "Rui Costa, Open Data Coalition"
    assert paragraph.sentences[0].citations[0].line == point_line
    (speaker,) = report.section("Speakers and their institutional affiliations").items
    assert speaker.citations[0].quote == "I speak for the Open Data Coalition."  # where the affiliation is said
    (chair,) = report.section("Chair/Moderator").items
    assert chair.citations[0].quote == "I will moderate this session today."
    assert check_citations(report, [session]) == []


@pytest.mark.parametrize(
    "opening, organiser",
    [
        ("This workshop is organised by the Open Data Coalition and the city of Porto.", "item"),
        ("Welcome to everyone joining us online and in the room today.", NOT_STATED),
    ],
)
def test_the_organiser_comes_from_the_opening_or_is_not_stated(opening: str, organiser: str) -> None:
    text = f"Workshop on open data\n\n>> ANA LIMA:  Good morning.  {opening}\n\n>> RUI COSTA:  Thank you, Ana.\n"
    session = parse_transcript(text, source="w.txt", sha256=hashlib.sha256(text.encode()).hexdigest())
    section = igf_report(session, {}).section("Organiser")
    if organiser == NOT_STATED:
        assert section.value == NOT_STATED and not section.items
    else:
        assert [c.quote for c in section.items[0].citations] == [opening]


def test_a_coalition_named_in_the_title_is_the_organiser() -> None:
    session, analyses = _analysed(RESOURCES / "summarise" / "dc-accessibility-2022.txt")
    assert analyses["document"]["coalitions"], "the title of this session names its coalition"
    value = igf_report(session, analyses).section("Organiser").value or ""
    assert analyses["document"]["coalitions"][0]["name"] in value


def test_the_date_is_the_one_the_document_analysis_found() -> None:
    session, analyses = _analysed(CYBER)
    date = analyses["document"]["date"]
    # the caption header gives the meeting's days ("from 25 to 29 November 2019"): the session's month
    assert date == "2019-11"
    assert igf_report(session, analyses).section("Date").value == "November 2019"
    day = {**analyses, "document": {**analyses["document"], "date": "2019-11-27"}}  # a day, when one is found
    assert igf_report(session, day).section("Date").value == "27 November 2019"
    assert igf_report(session, {}).section("Date").value == str(session.year)  # nothing stored: the year


def _cli(*args: str) -> Any:
    return CliRunner().invoke(cli, ["report", *args], catch_exceptions=False)


def test_template_json_has_the_headings_in_order_and_cites_every_sentence() -> None:
    result = _cli(str(EXAMPLE), "--template", "igf", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [s["heading"] for s in data["sections"]] == list(HEADINGS)
    session = prepare_document(read_bytes(EXAMPLE.read_bytes(), str(EXAMPLE)))[0]
    sentences = _sentences(data)
    assert sentences and check_citations({"session": data["session"], "sentences": sentences}, [session]) == []
    text = EXAMPLE.read_text("utf-8")
    assert all(c["quote"] in text for s in sentences for c in s["citations"])


@pytest.mark.parametrize("flag", ["--text", "--md", "--html"])
def test_every_format_draws_the_headings_in_order(flag: str, tmp_path: Path) -> None:
    out = tmp_path / "template.out"
    result = _cli(str(EXAMPLE), "--template", "igf", flag, "-o", str(out))
    assert result.exit_code == 0, result.output
    content = out.read_text("utf-8")
    wanted = [*HEADINGS, *SHORT_FORM, "Sources"]
    if flag == "--text":
        wanted = [h.upper() for h in wanted]
    positions = [content.find(h if flag != "--html" else f"<h2>{h}</h2>") for h in wanted]
    assert -1 not in positions and positions == sorted(positions)


def test_the_docx_opens_and_has_the_headings_in_order(tmp_path: Path) -> None:
    import docx

    out = tmp_path / "report.docx"
    result = _cli(str(EXAMPLE), "--template", "igf", "--docx", "-o", str(out))
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [*HEADINGS, *SHORT_FORM, "Sources"]
    body = "\n".join(p.text for p in document.paragraphs)
    session, analyses = _analysed(EXAMPLE)
    for _, bullet in igf_report(session, analyses).bullets():
        assert " ".join(bullet.text.split()) in body  # every sentence, with its source number
    assert re.search(r"\[\d+\]", body)


def test_the_docx_is_the_rapporteurs_own_on_a4_paper(tmp_path: Path) -> None:
    # python-docx's template said "Author: python-docx, created 23 December 2013" (File > Info
    # in Word, and what the rapporteur would submit) and set US Letter paper
    import datetime as dt

    import docx

    out = tmp_path / "report.docx"
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    assert _cli(str(EXAMPLE), "--template", "igf", "--docx", "-o", str(out)).exit_code == 0
    document = docx.Document(str(out))
    props = document.core_properties
    assert props.author == "" and props.last_modified_by == ""
    assert props.created is not None and props.created.replace(tzinfo=dt.UTC) >= before
    assert props.modified == props.created
    assert props.comments  # the generator mark ingest's folder walk reads is kept
    for section in document.sections:
        assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_an_empty_short_form_says_none_recorded_in_every_format() -> None:
    # a session of greetings only: no takeaways and no calls, so the short form's two headings
    # would stand over nothing (and the note names the command that exists, `analyse`)
    session = parse_transcript(">> ANA LIMA: Good morning.\n>> BEN OKAFOR: Thank you, good morning.\n")
    report = igf_report(session, {})
    assert not report.short_takeaways and not report.short_calls
    for fmt in ("text", "md", "html"):
        content = render_template(report, fmt)
        tail = content[content.lower().find(SHORT_FORM[0].lower()) :]
        assert tail.lower().count("none recorded") >= 2, fmt
        assert f"forumlens analyse {session.id}" in content and "reanalyse" not in content, fmt


def test_the_note_of_an_analysed_session_without_takeaways_names_no_command() -> None:
    session = parse_transcript(">> ANA LIMA: Good morning.\n>> BEN OKAFOR: Thank you, good morning.\n")
    report = igf_report(session, analyse_session(session))
    assert report.notes and all("forumlens" not in n for n in report.notes)
    assert "no takeaways" in report.notes[0]


def test_docx_without_python_docx_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    session, analyses = _analysed(EXAMPLE)
    real_import = builtins.__import__

    def no_docx(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "docx":
            raise ImportError("No module named 'docx'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_docx)
    with pytest.raises(ConfigError) as info:
        template_docx(igf_report(session, analyses))
    assert "python-docx" in str(info.value) and "forumlens[documents]" in info.value.render()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--docx", "-o", "x.docx"], "--template igf"),
        (["--template", "igf", "--docx"], "-o FILE"),
        (["--template", "igf", "--pdf", "-o", "x.pdf"], "not --pdf"),
        (["--template", "igf", "--docx", "--md", "-o", "x.docx"], "--docx"),
    ],
)
def test_template_flags_are_checked(args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["report", str(EXAMPLE), *args])
    assert result.exit_code != 0 and message in result.output


def test_the_template_of_a_stored_session_equals_that_of_its_file(tmp_path: Path) -> None:
    db = str(tmp_path / "t.sqlite3")
    assert CliRunner().invoke(cli, ["--db", db, "ingest", str(EXAMPLE)]).exit_code == 0
    stored = CliRunner().invoke(cli, ["--db", db, "report", "Workshop #42", "--template", "igf", "--json"])
    fresh = _cli(str(EXAMPLE), "--template", "igf", "--json")
    assert json.loads(stored.output) == json.loads(fresh.output)


def test_render_template_refuses_an_unknown_format(main) -> None:
    with pytest.raises(ValueError, match="docx"):
        render_template(main[2], "pdf")


ROLE_LABELS = """IGF 2022 – Day 1 – Open Forum #7: Rural Connectivity Funds

***

>> CHAIR:  Good afternoon and welcome to this open forum on rural connectivity funds.  Our first speaker is Nadia Haddad from the Ministry of Communications of Jordan.

>> NADIA HADDAD:  Thank you, Chair.  Nadia Haddad, Ministry of Communications of Jordan.  Our universal service fund connected two hundred rural schools last year.

>> {second}:  Thank you, Nadia.  Let us hear from the floor.

>> AUDIENCE:  How do you measure whether the connected schools actually use the connection?

>> NADIA HADDAD:  We publish a yearly report on school usage of the connection.

>> CHAIR:  Thank you all.  The session is closed.
"""


@pytest.mark.parametrize(
    ("second", "shown"),
    [("CHAIR", "The Chair"), ("CO-CHAIR", "The Co-Chair"), ("ONLINE MODERATOR", "The Online Moderator")],
)
def test_a_role_label_reads_as_the_role(second: str, shown: str) -> None:
    """Issue 23 item 7: a speaker the captions call only by a role is that role in the
    template ("The Chair"), not an "Unnamed speaker"; the floor has no affiliation to state."""
    text = ROLE_LABELS.format(second=second)
    session = parse_transcript(text, source="of7.txt", sha256=hashlib.sha256(text.encode()).hexdigest())
    analyses = analyse_session(session)
    report = igf_report(session, analyses)
    assert check_citations(report, [session], {session.id: analyses}) == []
    chairs = [b.text for b in report.section("Chair/Moderator").items]
    assert "The Chair (affiliation not stated)" in chairs
    if second != "CHAIR":
        assert f"{shown} (affiliation {NOT_STATED})" in chairs
    speakers = [b.text for b in report.section("Speakers and their institutional affiliations").items]
    assert "Participants from the floor" in speakers
    rendered = render_template(report, "text")
    assert "Unnamed speaker" not in rendered and "The Chair" in rendered


CAPTION_ROLES = """Workshop on rural backhaul

>> MODERATOR: Good morning.  I'm Lena Okafor and I will moderate this workshop on rural backhaul today.

>> INTERPRETER: (Speaking through interpreter) Thank you.  I am Jonas Berg from the Ministry of Transport of Norland.  The cost of backhaul for rural schools remains far too high.

>> REMOTE MODERATOR: We have a question online.  How can small operators share the towers of the large ones?

>> LENA OKAFOR: Thank you all for coming to this workshop today.
"""


def test_sources_cite_the_credited_person_not_the_caption_label() -> None:
    # a turn captioned with a role is cited as the person it is counted for (as every other
    # sentence is); a role with no person behind it stays the role
    text = CAPTION_ROLES
    session = parse_transcript(text, source="roles.txt", sha256=hashlib.sha256(text.encode()).hexdigest())
    analyses = analyse_session(session)
    credited = {p["name"]: p["lines"] for p in analyses["people"] if p.get("name")}
    assert credited.get("Lena Okafor", [None])[0] == 3 and credited.get("Jonas Berg", [None])[0] == 5
    report = igf_report(session, analyses)
    cited = {c.line: c.speaker for _, b in report.bullets() for c in b.citations}
    assert cited[3] == "Lena Okafor" and cited[5] == "Jonas Berg"
    assert cited.get(7, "REMOTE MODERATOR") == "REMOTE MODERATOR"
    sources = render_template(report).split("SOURCES", 1)[1]
    assert "MODERATOR, line 3" not in sources and "INTERPRETER" not in sources
    assert check_citations(report, [session], {session.id: analyses}) == []


def test_report_help_lists_the_template_headings_as_drawn_in_order() -> None:
    result = CliRunner().invoke(cli, ["report", "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert ", ".join(HEADINGS) in " ".join(result.output.split())  # Rapporteur included, DESIGN's order


@pytest.mark.parametrize(
    "coalition, said",
    [
        ({"name": "DC on Public Access in Libraries", "evidence": "title"}, "(named in the session title)"),
        ({"name": "DC on Public Access in Libraries", "evidence": "first page"}, "(named on its first page)"),
        ({"name": "DC on Public Access in Libraries", "evidence": "mentioned 4 times"}, "(named in its text)"),
        ({"name": "DC on Public Access in Libraries", "confidence": 1.0}, "(given when it was stored)"),  # --coalition
    ],
)
def test_the_organiser_says_where_the_coalition_was_named(coalition: dict[str, Any], said: str) -> None:
    # a statement titled "Statement on Meaningful Access" whose first page names its coalition
    # was said to be organised by a coalition "named in the session title"
    session = parse_transcript("Statement on Meaningful Access\n\nLibraries connect people.\n")
    report = igf_report(session, {"document": {"coalitions": [coalition]}})
    assert report.section("Organiser").value == f"DC on Public Access in Libraries {said}"


def test_a_documents_we_is_its_coalition_not_a_participant(tmp_path: Path) -> None:
    # the template of a coalition's statement rendered its paragraphs' "we" as "A participant:
    # We call on donors …", where the summaries and briefs say "The Dynamic Coalition on … calls
    # on donors …" (the document's author, `attribution` rule 5)
    import docx

    document = docx.Document()
    document.add_heading("Statement of the Dynamic Coalition on Public Access in Libraries", 0)
    document.add_heading("Funding", 1)
    document.add_paragraph(
        "We call on donors to fund library connectivity programmes in rural districts, including "
        "satellite links for remote villages and the training of librarians."
    )
    document.add_paragraph(
        "Public libraries give free connectivity and digital skills training to people that "
        "commercial networks leave behind in rural districts."
    )
    path = tmp_path / "statement.docx"
    document.save(str(path))
    session, analyses = _analysed(path)
    report = igf_report(session, analyses)
    sentences = [b.text for _, b in report.bullets()]
    assert any("calls on donors" in s for s in sentences), sentences
    assert not any(s.startswith("A participant") for s in sentences), sentences
    assert check_citations(report, [session]) == []
