"""A speaker's numbered points read as one takeaway (`summarise.enumeration`, issue 23).

Written sessions in caption style, not the benchmark files: an announcement ("Three
things."), items that open with ordinals ("First, ... Second, ... Finally, ..."), a
list with an unnumbered first item, and sentences that merely contain a number word.
"""

from __future__ import annotations

import pytest

from forumlens.summarise import build_report, check_citations
from forumlens.summarise.attribution import Credits
from forumlens.summarise.context import build_context
from forumlens.summarise.enumeration import ENUMERATION_WORDS, Enumerations, _find, counts_points, ordinal, unnumbered
from forumlens.summarise.rank import Scored, score_units
from forumlens.summarise.wording import Wording
from forumlens.transcript.parse import parse_transcript

CAPTIONS = """Open forum on rural libraries and connectivity

>> MODERATOR:  Welcome everyone.  Let me give the floor to Rosa, who runs a network of village libraries.

>> ROSA MENDEZ:  Thank you.  From our pilot in forty villages we learned three things.  First, the libraries became the only public place with a stable connection after dark.  Second, older women used the computers more than any other group once a librarian sat with them.  And third, the solar batteries failed after two years because no budget line paid for replacing them.  That is where we are now.

>> MODERATOR:  Thank you, Rosa.  Karim, you work for the regulator.

>> KARIM HADDAD:  Thank you.  The regulator has a universal service fund, and one of the problems is that libraries never apply to it.  We have two proposals.  The fund will publish a short application form for libraries next year.  Second, the fund will pay for batteries and maintenance, not only for new towers.

>> AUDIENCE:  Thank you.  I am from a teachers union.  Schools share the same problem with batteries, and the first time a battery fails the school goes offline for months, because the repair budget sits in the capital.

>> MODERATOR:  Thank you all.  We are out of time.
"""


@pytest.fixture(scope="module")
def session():  # type: ignore[no-untyped-def]
    return parse_transcript(CAPTIONS, source="libraries.txt", sha256="libraries")


def test_ordinals_open_items_and_number_words_inside_a_sentence_do_not() -> None:
    assert ordinal("First, the libraries became the only public place.") == 1
    assert ordinal("And third, the batteries failed.") == 3
    assert ordinal("My second point is that the fund is unknown.") == 2
    assert ordinal("Three, no shutdowns.") == 3
    assert ordinal("One of the problems is that libraries never apply.") is None
    assert ordinal("The first time a battery fails the school goes offline.") is None
    assert counts_points("From our pilot in forty villages we learned three things.")
    assert not counts_points("The fund paid for three towers and two schools in the north last year.")
    assert unnumbered("Second, the fund will pay.") == "The fund will pay."


def test_lists_are_found_inside_one_turn_with_their_announcement(session) -> None:  # type: ignore[no-untyped-def]
    ctx = build_context(session)
    by_turn: dict[int, list] = {}  # type: ignore[type-arg]
    for u in ctx.units:
        by_turn.setdefault(u.turn, []).append(u)
    found = [e for units in by_turn.values() for e in _find(units)]
    assert len(found) == 2
    rosa, karim = found
    assert rosa.announcement is not None and rosa.announcement.text.endswith("three things.")
    assert [u.text.split(",")[0] for u in rosa.items] == ["First", "Second", "And third"]
    # an unnumbered first item after "two proposals", then "Second, ..."
    assert karim.announcement is not None and "two proposals" in karim.announcement.text
    assert karim.items[0].text.startswith("The fund will publish")
    # the union member's "the first time" starts no list
    assert all(u.who != "AUDIENCE" for e in found for u in e.items)


def test_a_chosen_item_is_shown_with_its_siblings_each_cited_verbatim(session) -> None:  # type: ignore[no-untyped-def]
    ctx = build_context(session)
    credits = Credits.of(session, None)
    wording = Wording.of(ctx, credits)
    lists = Enumerations(ctx.units)
    pool = score_units(ctx.units, chairs=ctx.chairs)
    third = next(s for s in pool if s.unit.text.startswith("And third"))
    bullet = lists.merged(wording, third)
    assert bullet is not None
    text = bullet.text.lower()
    assert "libraries became the only public place" in text
    assert "older women used the computers" in text
    assert "solar batteries failed" in text
    assert "Second," not in bullet.text and "third," not in bullet.text.lower()  # numbering dropped inside
    assert len(bullet.citations) == 3
    for c in bullet.citations:
        assert c.quote in session.text
    assert len(bullet.text.split()) <= ENUMERATION_WORDS + 10  # the budget counts the points, not the name
    # a sentence in no list is not merged
    other = next(s for s in pool if s.unit.text.startswith("The regulator has"))
    assert lists.merged(wording, other) is None


def test_two_picks_from_one_list_make_one_bullet(session) -> None:  # type: ignore[no-untyped-def]
    ctx = build_context(session)
    wording = Wording.of(ctx, Credits.of(session, None))
    lists = Enumerations(ctx.units)
    pool = score_units(ctx.units, chairs=ctx.chairs)
    first = next(s for s in pool if s.unit.text.startswith("First, the libraries"))
    third = next(s for s in pool if s.unit.text.startswith("And third"))
    bullets = lists.bullets(wording, [first, third])
    assert len(bullets) == 1
    assert "libraries became" in bullets[0].text.lower() and "batteries failed" in bullets[0].text


def test_the_report_states_the_list_as_one_cited_takeaway(session) -> None:  # type: ignore[no-untyped-def]
    report = build_report(session)
    assert check_citations(report, [session]) == []
    rosa = [
        b
        for b in report.takeaways
        if any("solar batteries" in c.quote or "older women" in c.quote for c in b.citations)
    ]
    assert len(rosa) <= 1  # never the same list split over two bullets
    for b in rosa:
        assert len(b.citations) >= 2


SHORT_ITEMS = """Open forum on older people online

>> MODERATOR:  Welcome.  Amina, you ran the national consultation.

>> AMINA YUSUF:  Thank you.  In the consultation we heard three things.  One, mobile money.  Two, the SIM registration.  Three, the language of the apps.  Older people asked for help in their own language, not only in English.
"""


def test_an_announcement_of_short_items_reads_as_one_sentence_with_a_colon() -> None:
    session = parse_transcript(SHORT_ITEMS, source="older.txt", sha256="older")
    ctx = build_context(session)
    wording = Wording.of(ctx, Credits.of(session, None))
    lists = Enumerations(ctx.units)
    announcement = next(Scored(u, 1.0, {}) for u in ctx.units if u.text.startswith("In the consultation"))
    bullet = lists.merged(wording, announcement, attributed=True)
    assert bullet is not None
    assert bullet.text == (
        "In the consultation we heard three things: mobile money; the SIM registration; the language of the apps."
    )
    assert bullet.citations[0].quote == "In the consultation we heard three things."
    assert len(bullet.citations) == 4 and all(c.quote in session.text for c in bullet.citations)
    # a verbless item alone is no point, so choosing it never stands for the list
    one = next(Scored(u, 1.0, {}) for u in ctx.units if u.text.startswith("One, mobile"))
    assert wording.bullet(one) is None
