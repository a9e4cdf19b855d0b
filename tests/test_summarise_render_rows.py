"""What a printed brief or report says about itself and how often (issue 23, a new user's walk).

- A report of a stored document is headed by the document's kind ("Statement"), not
  "Session report": a coalition's statement is not a session.
- A section never prints two identical rows: two asks said on one line, both shown above,
  are one "2031 · raised · policy: see [1]" row in the year-by-year list.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from forumlens.cli import cli
from forumlens.models import Citation
from forumlens.summarise.models import Appearance, Bullet, CoalitionBrief
from forumlens.summarise.render import layout, render_html, render_markdown, render_text, report_name

STATEMENT = """\
---
title: Statement of the Dynamic Coalition on Accessibility and Disability, 2031
date: 2031-06-02
---

# Statement of the Dynamic Coalition on Accessibility and Disability

## Requests

We ask every host country to caption all main sessions in the local sign language as well. We ask the IGF Secretariat to publish accessible versions of every outcome document within a month.
"""

TRANSCRIPT = """\
IGF 2031 Oslo - Workshop 12 - Captions for everyone
2 December 2031

>> INGRID HALVORSEN: Good morning. Captions in the national language are missing in most public broadcasts in our region.

>> OMAR HADDAD: Deaf users pay twice, once for the service and once for a private captioning app. We ask regulators to make captioning a licence condition for broadcasters.
"""


@pytest.mark.parametrize(
    ("name", "text", "heading"),
    [("statement.md", STATEMENT, "_Statement · 2031"), ("oslo.txt", TRANSCRIPT, "_Session report · 2031")],
)
def test_a_report_is_headed_by_what_the_record_is(tmp_path, name: str, text: str, heading: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", str(path), "--md"])
    assert result.exit_code == 0, result.output
    subtitle = result.output.splitlines()[2]
    assert subtitle.startswith(heading), subtitle
    assert ("document" in subtitle) is (name.endswith(".md")), subtitle


def test_each_kind_has_a_name() -> None:
    assert report_name(None) == report_name("transcript") == "Session report"
    assert report_name("annual-report") == "Annual report"
    assert report_name("statement") == "Statement"
    assert report_name("something-new") == "Document"  # a kind not listed is still not a session


LINE = "We ask regulators to require captions in every broadcast. Broadcasters must publish their captioning rates."


def _brief() -> CoalitionBrief:
    def cite(quote: str, line: int = 8) -> Citation:
        return Citation(line, quote, "Omar Haddad", "s1")

    first, second = (cite(q + ".") for q in LINE.rstrip(".").split(". "))
    asked = (
        Bullet("The coalition asks regulators to require captions in every broadcast.", (first,), "policy"),
        Bullet("Broadcasters must publish their captioning rates.", (second,), "policy"),
    )
    by_year = (
        Bullet(first.quote, (first,), "2031 · raised · policy"),
        Bullet(second.quote, (second,), "2031 · raised · policy"),
        Bullet(
            "We need funding for a captioning fund.",
            (cite("We need funding for a captioning fund.", 9),),
            "2031 · raised · funding",
        ),
    )
    where = (Appearance("s1", "IGF 2031 Oslo - Workshop 12", 2031, "presented", (8,), ("Omar Haddad",)),)
    return CoalitionBrief("DC on Accessibility", "DCAD", (), (), asked, (), where, asked_by_year=by_year)


def test_two_asks_from_one_line_are_one_row_per_distinct_point() -> None:
    brief = _brief()
    md = render_markdown(brief)
    rows = [line for line in md.splitlines() if line.startswith("- **2031")]
    assert len(rows) == len(set(rows)), rows
    assert rows[0].startswith("- **2031 · raised · policy:** see [")
    assert any("funding" in r for r in rows)  # a different point on the next line keeps its row
    html = render_html(brief)
    assert html.count("2031 · raised · policy") == 1
    year_rows = next(s for s in layout(brief).sections if "year by year" in s.title).bullets
    assert len(year_rows) == 2
    # nothing is lost: the JSON keeps every item, and both asks are drawn in full above
    assert len(json.loads(json.dumps(brief.to_json()))["asked_by_year"]) == 3
    assert "Broadcasters must publish their captioning rates." in render_text(brief)


def test_a_point_and_its_sources_entry_show_the_same_whitespace() -> None:
    # captions often keep a double space after a colon: the JSON keeps it, every display shows one
    said = "The harder news:  our captioning fund is still waiting for a funder."
    quote = Citation(9, said, "Omar Haddad", "s1")
    by_year = (Bullet(said, (quote,), "2031 · repeated · funding"),)
    where = (Appearance("s1", "IGF 2031 Oslo - Workshop 12", 2031, "presented", (9,), ("Omar Haddad",)),)
    brief = CoalitionBrief("DC on Accessibility", "DCAD", (), (), (), (), where, asked_by_year=by_year)
    shown = "The harder news: our captioning fund is still waiting for a funder."
    for rendered in (render_text(brief, width=400), render_markdown(brief), render_html(brief)):
        assert "news:  our" not in rendered
        assert rendered.count(shown) == 2, rendered  # the point, and its Sources entry, in the same words
    assert brief.to_json()["asked_by_year"][0]["citations"][0]["quote"] == said


def test_the_text_view_refers_to_a_point_drawn_above_as_markdown_does() -> None:
    # `brief --coalition` prints text by default: an ask drawn under "What it asked for" is referred
    # to in the year-by-year list ("see [1]"), not printed a second time in full
    brief = _brief()
    text = render_text(brief, width=400)
    year_rows = [line for line in text.splitlines() if line.startswith("  • 2031")]
    assert year_rows[0].startswith("  • 2031 · raised · policy: see [")
    points = text.split("SOURCES")[0]
    assert points.count("Broadcasters must publish their captioning rates.") == 1  # drawn once, above
    assert any("funding" in r and "see [" not in r for r in year_rows)  # a point not shown above is drawn
