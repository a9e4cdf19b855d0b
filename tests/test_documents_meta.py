"""Metadata of documents: detected with a confidence, overridden by flags or a sidecar."""

import datetime as dt

import pytest

from forumlens.documents import DocumentMeta, parse_overrides, read_sidecar
from forumlens.documents.language import detect_language
from forumlens.documents.meta import detect_kind, find_dates
from forumlens.errors import ConfigError
from forumlens.pipeline import prepare_document
from forumlens.read import read_bytes

from .docfiles import make_docx, make_pdf


def _meta(data, name, overrides=None, today=None):
    return prepare_document(read_bytes(data, name), overrides, today=today)[1]


def test_an_annual_report_is_recognised_with_confidences():
    closing = (
        "This report describes the activities of the coalition during the year and the plans "
        "that were agreed with its members for the next one."
    )
    data = make_pdf(
        [
            ("h1", "Annual Report 2023"),
            ("p", "Dynamic Coalition on Core Internet Values. Published 15 January 2024."),
            ("p", closing),
        ]
    )
    meta = _meta(data, "report.pdf")
    assert (meta.title, meta.kind, meta.date, meta.year, meta.language) == (
        "Annual Report 2023",
        "annual-report",
        "2024-01-15",
        2023,
        "en",
    )
    assert [c["acronym"] for c in meta.coalitions] == ["DC-CIV"]
    assert meta.confidence["kind"] >= 0.9 and meta.source["kind"] == "title"
    assert meta.confidence["coalitions"] >= 0.6 and meta.source["year"] == "title"
    assert meta.pages == 1 and meta.format == "pdf"
    assert DocumentMeta.from_json(meta.to_json()) == meta


@pytest.mark.parametrize(
    "title, kind",
    [
        ("Session report: DC on Internet Standards at IGF 2022", "session-report"),
        ("Report of the workshop on community networks", "session-report"),
        ("Joint statement on meaningful access", "statement"),
        ("Recommendations on data governance", "recommendations"),
        ("Glossary of platform policy terms", "glossary"),
        ("Discussion paper: AI and children", "paper"),
        ("Minutes", "other"),
    ],
)
def test_kind_from_the_title(title, kind):
    assert detect_kind(title, "", [])[0] == kind


def test_glossary_shape_and_first_page_cues_are_weaker_evidence():
    terms = [f"Term {i}: what it means in a sentence." for i in range(6)]
    assert detect_kind("Terms", "", terms)[:2] == ("glossary", 0.75)
    assert detect_kind("Outcome", "This statement was adopted by the members.", [])[:2] == ("statement", 0.6)
    assert detect_kind("Outcome", "nothing here", [])[:2] == ("other", 0.3)


def test_a_session_report_names_its_coalition_from_the_title():
    data = make_docx(
        [
            ("h1", "Session report: Dynamic Coalition on Accessibility and Disability, IGF 2022"),
            ("p", "The session took place on 30 November 2022 in Addis Ababa."),
            ("p", "Speakers stressed captioning for all sessions."),
        ]
    )
    meta = _meta(data, "dcad.docx")
    assert meta.kind == "session-report" and meta.year == 2022 and meta.date == "2022-11-30"
    assert [c["id"] for c in meta.coalitions] == ["dcad"] and meta.coalitions[0]["evidence"] == "title"


def test_a_coalition_named_once_in_the_text_is_a_candidate_mentioned_once():
    data = make_pdf(
        [
            ("h1", "Statement of the Dynamic Coalition on Accessibility and Disability 2023"),
            ("p", "The coalition reviewed the accessibility of the venues and of the online platforms."),
            ("page", ""),  # below the first page: a candidate, not the author
            ("p", "We worked with the Dynamic Coalition on Community Connectivity on a survey of 40 countries."),
        ]
    )
    meta = _meta(data, "dcad-statement-2023.pdf")
    [dc3] = [c for c in meta.candidates if c["id"] == "dc3"]
    assert dc3["evidence"] == "mentioned once"  # it read "mentioned 1 times"


def test_language_from_stopwords_and_script():
    assert detect_language("Le rapport de la coalition est publié pour les membres et les partenaires.")[0] == "fr"
    assert detect_language("El informe de la coalición para los miembros y las partes interesadas.")[0] == "es"
    assert detect_language("The report of the coalition is published for the members and the partners.")[0] == "en"
    assert detect_language("Доклад динамической коалиции по вопросам управления интернетом")[0] == "ru"
    assert detect_language("ok")[0] is None


def test_dates_in_text():
    assert [d[1] for d in find_dates("Kyoto, 8 October 2023 — updated 2023-10-12; draft of March 2023")] == [
        "2023-10-08",
        "2023-10-12",
        "2023-03",
    ]
    assert find_dates("December 1, 2022")[0][1:] == ("2022-12-01", 0.75)


def test_overrides_win_with_full_confidence():
    data = make_pdf([("h1", "Our work"), ("p", "Some text about what we did this year.")])
    stated = parse_overrides(
        {"coalitions": ["DC-CIV", "DC on Community Connectivity"], "kind": "annual report", "date": "2023-12"}
    )
    meta = _meta(data, "w.pdf", stated)
    assert meta.kind == "annual-report" and meta.date == "2023-12" and meta.year == 2023
    assert [c["id"] for c in meta.coalitions] == ["dc-civ", "dc3"]
    assert meta.confidence["kind"] == meta.confidence["coalitions"] == 1.0 and meta.source["kind"] == "flag"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"kind": "novel"}, "unknown document kind 'novel'"),
        ({"date": "yesterday"}, "is not a date"),
        ({"coalitions": ["DC on Nothing At All"]}, "unknown coalition"),
        ({"language": "english!"}, "not a language code"),
        ({"colour": "red"}, "unknown metadata field"),
    ],
)
def test_bad_overrides_say_what_is_allowed(data, message):
    with pytest.raises(ConfigError, match=message):
        parse_overrides(data)


def test_sidecar_is_read_and_flags_win_over_it(tmp_path):
    path = tmp_path / "r.pdf"
    (tmp_path / "r.pdf.meta.toml").write_text('kind = "statement"\ndate = 2022-05-01\ncoalitions = "DCAD"\n')
    sidecar = read_sidecar(path)
    assert sidecar is not None and sidecar.values() == {
        "kind": "statement",
        "date": "2022-05-01",
        "coalitions": (
            {"id": "dcad", "name": "DC on Accessibility and Disability", "acronym": "DCAD", "confidence": 1.0},
        ),
    }
    merged = sidecar.merged(parse_overrides({"kind": "paper"}))
    assert merged.kind == "paper" and merged.date == "2022-05-01" and merged.origin == "flag+sidecar"
    assert read_sidecar(tmp_path / "other.pdf") is None
    (tmp_path / "bad.pdf.meta.toml").write_text("kind = [")
    with pytest.raises(ConfigError, match="not valid TOML"):
        read_sidecar(tmp_path / "bad.pdf")


LIBRARIES = "The coalition met twice this year and surveyed public access in forty countries."


def test_a_file_date_that_contradicts_the_title_year_loses():
    """python-docx's own template declares 2013-12-23: a 2016 report is dated 2016, and the
    source says the title gave it and which file date was set aside."""
    data = make_docx([("h1", "Annual Report 2016: Public Access in Libraries"), ("p", LIBRARIES)])
    assert read_bytes(data, "r.docx").info["created"] == "2013-12-23"  # the premise
    meta = _meta(data, "r.docx", today="2026-12-04")
    assert (meta.date, meta.year, meta.source["year"]) == ("2016", 2016, "title")
    assert meta.source["date"].startswith("title;") and "2013-12-23" in meta.source["date"]


def test_a_file_date_of_the_ingest_day_loses_to_a_year_in_the_first_lines():
    today = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
    items = [("h1", "Statement on privacy"), ("p", "Sharm El Sheikh, IGF 2009. " + LIBRARIES)]
    data = make_pdf(items, created=today)
    meta = _meta(data, "s.pdf", today="2026-12-04")
    assert (meta.date, meta.year) == ("2009", 2009)
    assert meta.source["date"].startswith("first lines;") and "2026-12-04" in meta.source["date"]
    assert meta.source["year"] == "date (first lines)"
    # read another day, the same file date still contradicts the stated year
    assert _meta(data, "s.pdf", today="2027-01-10").date == "2009"
    # with no year stated anywhere, a file date of the ingest day is no date at all
    bare = make_pdf([("h1", "Statement on privacy"), ("p", LIBRARIES)], created=today)
    meta = _meta(bare, "s.pdf", today="2026-12-04")
    assert meta.date is None and meta.source["date"].startswith("unknown;")


@pytest.mark.parametrize("created", [dt.datetime(2016, 11, 20), dt.datetime(2017, 2, 10)])
def test_a_file_date_that_agrees_with_the_stated_year_is_kept(created):
    """A report is published in the year it covers or the next: its own date then stands."""
    data = make_docx([("h1", "Annual Report 2016: Public Access in Libraries"), ("p", LIBRARIES)], created=created)
    meta = _meta(data, "r.docx", today="2026-12-04")
    assert (meta.date, meta.source["date"], meta.year) == (created.date().isoformat(), "declared", 2016)


def test_a_coalition_outside_the_registry_names_its_own_report():
    """The title names a coalition the registry does not know: it is the document's, with no
    registry id, under its name as said (was "none found")."""
    data = (
        b"# Dynamic Coalition on Rural Data Centres: Annual Report 2024\n\n"
        b"The coalition met three times this year and wrote two papers on energy use.\n"
    )
    meta = _meta(data, "rdc.md")
    assert [(c["id"], c["name"], c["evidence"]) for c in meta.coalitions] == [
        (None, "Dynamic Coalition on Rural Data Centres", "title")
    ]
    assert meta.source["coalitions"] == "title" and meta.confidence["coalitions"] >= 0.6
    # a registered coalition's report still names the registry's coalition, once
    registered = _meta(b"# Dynamic Coalition on Accessibility and Disability: Annual Report 2023\n\nText.\n", "a.md")
    assert [c["id"] for c in registered.coalitions] == ["dcad"]


def test_a_transcript_title_cut_short_to_dc_gives_the_name_the_session_spells_out():
    text = (
        b"IGF 2024 Day 2 - DC on Rural Data Centres - Energy\n\n"
        b">> MODERATOR: Welcome to the session of the Dynamic Coalition on Rural Data Centres.\n"
        b">> ANA LIMA: Thank you. We measured forty sites.\n"
    )
    meta = prepare_document(read_bytes(text, "t.txt"), None)[1]
    assert [c["name"] for c in meta.coalitions] == ["Dynamic Coalition on Rural Data Centres"]


def test_a_date_in_a_list_item_is_an_outputs_date_not_the_documents():
    data = (
        b"# Dynamic Coalition on Rural Data Centres: Annual Report 2024\n\n"
        b"## Outputs\n\n"
        b"- A report on e-waste, released in February 2024.\n"
        b"- A draft methodology, to be released in 2025.\n"
    )
    meta = _meta(data, "rdc.md")
    assert (meta.date, meta.source["date"], meta.year) == ("2024", "title", 2024)
    # a date the document states of itself, outside a list, still dates it
    dated = data.replace(b"## Outputs", b"Published 3 March 2025.\n\n## Outputs")
    assert _meta(dated, "rdc.md").date == "2025-03-03"


def test_a_date_a_promise_is_due_is_not_the_documents_date():
    """ "will publish its annual report in March 2025" dates the report promised, not the statement."""
    data = (
        b"# Statement of the Dynamic Coalition on Rural Data Centres\n\n"
        b"The coalition met at IGF 2024 and agreed the following.\n\n"
        b"The coalition will publish its annual report in March 2025, and plans to hold a webinar on 4 June 2025.\n"
    )
    meta = _meta(data, "statement.md")
    assert (meta.date, meta.source["date"]) == ("2024", "first lines")
    # the same date said as done, not promised, still dates it
    done = data.replace(b"will publish its annual report in March 2025, and plans to hold", b"held")
    assert _meta(done, "statement.md").date == "2025-06-04"
    # a promise in one sentence does not reach the next one's date
    adopted = data.replace(b"agreed the following.", b"agreed the following. Adopted on 5 December 2024.")
    assert _meta(adopted, "statement.md").date == "2024-12-05"


_HEADER = (
    "IGF 2017 - Day 2 - Room XXIV - WS #88 Broadband for Mountain Villages\n\n"
    "The following are the outputs of the real-time captioning taken during the Twelfth Annual Meeting "
    "of the Internet Governance Forum (IGF) in Geneva, Switzerland, from {span}. Although it is largely "
    "accurate, it may be incomplete.\n\n{dated}"
    ">> MODERATOR: Good morning. Our report, finished on 1 March 2016, looks at nine valleys.\n\n"
    ">> ANNA BERGER: Thank you. The pilot ran until 30 June 2016.\n"
)


@pytest.mark.parametrize(
    ("span", "dated", "date"),
    [
        # the caption header states the meeting's days: its last day is no session's day
        ("18 to 21 December 2017", "", "2017-12"),
        ("18–21 December 2017", "", "2017-12"),
        # a meeting over two months says only its year (the title's)
        ("28 November to 2 December 2017", "", "2017"),
        # a day among the meeting's days, written under the header, is the session's
        ("18 to 21 December 2017", "DECEMBER 19, 2017\n\n", "2017-12-19"),
        ("18 to 21 December 2017", "19 December 2017\n\n", "2017-12-19"),
        # with no span stated, a single day in the header still dates the session
        ("Geneva on 19 December 2017", "", "2017-12-19"),
    ],
)
def test_the_last_day_of_a_meeting_is_not_the_date_of_its_sessions(span, dated, date):
    """The IGF's caption header gives the meeting's days ("from 18 to 21 December 2017"): a Day 2
    transcript was dated 21 December, and a full date in a speaker's story could win over the span."""
    meta = _meta(_HEADER.format(span=span, dated=dated).encode(), "ws88.txt")
    assert meta.date == date, (span, dated, meta.date, meta.source.get("date"))


def test_a_span_of_days_is_found_and_two_days_joined_by_and_are_not_one():
    assert find_dates("from 12 to 14 November 2018.") == [(14, "2018-11", 0.6)]
    assert find_dates("between 3 and 5 June 2023") == [(16, "2023-06", 0.6)]
    assert find_dates("items 3 and 5 June 2023") == [(12, "2023-06-05", 0.75)]  # no span: "and" joins two things
    assert find_dates("on 13 November 2018") == [(3, "2018-11-13", 0.75)]


def test_a_pdf_title_over_two_lines_names_the_coalition_without_the_second_line():
    """ "Annual Report 2024" set on its own line under the coalition's name is not part of the name."""
    body = (
        "The coalition will publish an open data portal for the stations in 2025 and asks regulators "
        "to fund the links. It met four times this year, twice with the harbour authorities and twice "
        "online, and counts eleven members in three countries."
    )
    data = make_pdf(
        [("h1", "Dynamic Coalition on Tidal Energy Data"), ("h1", "Annual Report 2024"), ("p", "2. Plans"), ("p", body)]
    )
    meta = _meta(data, "tidal.pdf")
    assert meta.title == "Dynamic Coalition on Tidal Energy Data: Annual Report 2024"
    assert [c["name"] for c in meta.coalitions] == ["Dynamic Coalition on Tidal Energy Data"]
