"""A wrap-up announced at the end of one caption paragraph is carried out in the next one of the
same speaker (issue 23): captions often repeat the label for every paragraph of one speech
("Let me sum up." / "First. ..."), and the chair's numbered synthesis there is the session's
outcome said once, as it is when it runs on in the same paragraph.

The fixtures are invented here (no corpus text): a regional consultation on rural post offices
that also pay out pensions.
"""

from __future__ import annotations

from forumlens.summarise import build_report
from forumlens.summarise.context import build_context
from forumlens.summarise.rank import _within, wrapup_spans
from forumlens.transcript.parse import parse_transcript

BODY = """Rural post offices and pensions

MODERATOR: Welcome. Two speakers, then the room.

AKOSUA DARKO: In our district the post office is the only place where older people collect their pension in cash, and three of the nine offices closed last year, so some walk two hours each way.

RAFAEL QUISPE: We tested paying pensions through the shops that sell phone credit, and half of the shopkeepers ran out of cash before noon on payment day.

"""

SPLIT = (
    BODY
    + """MODERATOR: Thank you both. Let me try to sum up before we close.

MODERATOR: First. The post office is the last cash point for older people in the villages. Second. Shops that sell phone credit do not hold enough cash for pension day. Did I get it right?

AKOSUA DARKO: Yes.
"""
)

INTERRUPTED = (
    BODY
    + """MODERATOR: Thank you both. Let me try to sum up before we close.

AKOSUA DARKO: Sorry, one more thing: the buses stopped too.

MODERATOR: First. The post office is the last cash point for older people in the villages. Second. Shops that sell phone credit do not hold enough cash for pension day.
"""
)


def _carried(text: str, numbered: bool = False) -> list[str]:
    units = build_context(parse_transcript(text, source="p.txt", sha256="p")).units
    spans = wrapup_spans(units, numbered=numbered)
    return [u.text for u in units if _within(spans, u)]


def test_the_wrap_up_goes_on_in_the_speakers_next_paragraph() -> None:
    carried = _carried(SPLIT, numbered=True)  # point by point: a harvest
    assert "The post office is the last cash point for older people in the villages." in carried
    assert "Shops that sell phone credit do not hold enough cash for pension day." in carried
    # what the speakers said before the announcement is no part of it
    assert not any("walk two hours" in t or "ran out of cash" in t for t in carried)


def test_someone_else_speaking_in_between_ends_the_announcement() -> None:
    assert _carried(INTERRUPTED) == []


def test_a_speakers_next_paragraph_without_an_announcement_is_no_wrap_up() -> None:
    plain = SPLIT.replace("Let me try to sum up before we close.", "We have ten minutes left.")
    assert _carried(plain) == []


def test_the_takeaways_keep_the_synthesis_said_in_the_next_paragraph() -> None:
    report = build_report(parse_transcript(SPLIT, source="p.txt", sha256="p"))
    quotes = " ".join(c.quote for b in report.takeaways for c in b.citations)
    assert "last cash point" in quotes or "enough cash for pension day" in quotes
