"""Takeaway selection signals: announced wrap-ups, questions inside run-ons, faithful bullets.

Written sessions in caption style (run-ons, stutters, a chair who announces a summary),
not the benchmark files: the behaviour must hold for any transcript shaped like this.
"""

from __future__ import annotations

import re

import pytest

from forumlens.summarise import build_report, check_citations
from forumlens.summarise.context import build_context
from forumlens.summarise.rank import _text_factors, is_summary, score_units, session_model, wrapup_spans
from forumlens.summarise.spans import best_version
from forumlens.summarise.units import terms
from forumlens.transcript.parse import parse_transcript

CAPTIONS = """Workshop on rural clinics and connectivity

>> MODERATOR:  Good morning everyone.  Can you hear us?  Let me start with Ana, who runs a clinic network.  Ana, please.

>> ANA SILVA:  Thank you.  So, um, what we found is that, that most of the, the rural clinics in our province run on, you know, solar panels, because the grid is not reliable, and the batteries fail after two years because nobody budgets for replacing them, and so the clinics go offline for weeks at a time.  The second finding is that nurses learn the telemedicine tools quickly when the training happens in the clinic itself.  We need a maintenance budget line in every connectivity project.

>> MODERATOR:  Thank you, Ana.  Next we have Tomas from the regulator.

>> TOMAS NOVAK:  Thank you.  Yeah, so, the regulator published a universal service fund rule last year, and, and the fund can now pay for batteries and maintenance, not only for new towers, which by the way is what the clinics asked for.  But most clinics do not know that the fund exists, so the information has to reach them.  I think the fund should publish a simple application form for small clinics.

>> AUDIENCE:  Thank you.  My name is Lea, I am from a nurses union.  The batteries are a real problem in our clinics too, so how can a small clinic apply to the fund without a lawyer or a consultant helping it?

>> TOMAS NOVAK:  It is a fair question, and a simple form for small clinics is exactly what we are drafting now with the nurses.

>> MODERATOR:  We are running out of time, so let me try to summarise what I heard.  I think everyone agreed that solar clinics need a maintenance budget for batteries, that the universal service fund can now pay for it, and that small clinics need a simple way to apply, with training for nurses in the clinic itself.  Thank you to all the speakers and to everyone online.
"""


@pytest.fixture(scope="module")
def session():  # type: ignore[no-untyped-def]
    return parse_transcript(CAPTIONS, source="clinics.txt", sha256="clinics")


def test_an_announced_summary_carries_into_the_next_sentences(session) -> None:  # type: ignore[no-untyped-def]
    ctx = build_context(session)
    spans = wrapup_spans(ctx.units)
    carried = [u.text for u in ctx.units if (u.session, u.turn, u.start, u.end) in spans]
    assert any(t.startswith("I think everyone agreed") for t in carried)
    assert not any("Ana" in t or "regulator published" in t for t in carried)  # only after the announcement
    model = session_model(ctx.units, ctx.chairs)
    assert model is not None
    wrap = next(u for u in ctx.units if u.text.startswith("I think everyone agreed"))
    assert is_summary(model, wrap)


def test_the_chairs_wrap_up_is_a_takeaway_kept_whole(session) -> None:  # type: ignore[no-untyped-def]
    ctx = build_context(session)
    model = session_model(ctx.units, ctx.chairs)
    assert model is not None
    pool = score_units(ctx.units, chairs=ctx.chairs)
    wrap = next(s for s in pool if s.unit.text.startswith("I think everyone agreed"))
    assert wrap.unit.who in ctx.chairs  # a chair's sentence, yet not weighed down as chairing
    assert best_version(model, wrap) is wrap  # a summary lists findings: not cut to one clause
    report = build_report(session)
    assert any(b.citations[0].quote.startswith("I think everyone agreed") for b in report.takeaways)
    top = max(report.takeaways, key=lambda b: b.score or 0.0)
    assert top.text.startswith("Everyone agreed that solar clinics need a maintenance budget")


def test_a_question_inside_a_run_on_weighs_as_a_question() -> None:
    asked = "The batteries are a real problem in our clinics too, so how can a small clinic apply to the fund without a lawyer"
    told = "The batteries are a real problem in our clinics too, so a small clinic needs a form it can fill in without a lawyer"
    _w, factor_asked, after_asked = _text_factors(asked)
    _w, factor_told, after_told = _text_factors(told)
    value = lambda f, after: f * __import__("math").prod(after)  # noqa: E731
    assert value(factor_asked, after_asked) < 0.6 * value(factor_told, after_told)


# What the rewrite stage may add besides names: pronouns and agreement after a body's name,
# and the words of an unnamed speaker's attribution.
REWRITE_WORDS = frozenset(
    [
        "it",
        "its",
        "it's",
        "itself",
        "the",
        "has",
        "is",
        "was",
        "does",
        "doesn't",
        "hasn't",
        "isn't",
        "wasn't",
        "a",
        "participant",
        "moderator",
        "remote",
        "hub",
    ]
)


def test_takeaways_are_clean_prose_and_cite_verbatim(session) -> None:  # type: ignore[no-untyped-def]
    report = build_report(session)
    assert 5 <= len(report.takeaways) <= 8
    assert check_citations(report, [session]) == []
    turns = {t.index: t.text for t in session.turns}
    for bullet in report.takeaways + report.calls_to_action:
        for cite in bullet.citations:
            assert any(cite.quote in text for text in turns.values())  # verbatim slice of a turn
        said = " ".join(c.quote for c in bullet.citations).lower()
        words = {w.strip(".,:;?!‑()").lower() for w in bullet.text.split()}
        # only deletions (bar case), plus what the documented rewrites add (`rewrite`): the
        # speaker's name and affiliation in an attribution, a body's name for "we" with its
        # pronouns and agreeing verbs
        credited = " ".join(f"{c.speaker or ''} {c.voiced_by or ''}" for c in bullet.citations).lower()
        added = set(credited.replace("(", " ").replace(")", " ").split()) | REWRITE_WORDS
        assert words <= {w.strip(".,:;?!‑") for w in said.split()} | added | {""}
        assert not re.search(r"\b(um|uh|you know)\b", bullet.text, re.IGNORECASE)
        assert not re.search(r"\b(\w+),? \1\b", bullet.text, re.IGNORECASE)  # no "the, the" stutter left
        assert "Next we have" not in bullet.text and "Thank you to all" not in bullet.text


def test_clause_windows_never_cut_at_a_stutter_or_fenced_filler() -> None:
    from forumlens.summarise.spans import clause_bounds

    text = "most of the, the rural clinics run on, you know, solar panels, because the grid fails"
    clauses = [text[a:b] for a, b in clause_bounds(text)]
    assert clauses == ["most of the, the rural clinics run on, you know, solar panels", "because the grid fails"]


def test_the_sessions_most_raised_asks_are_among_its_takeaways() -> None:
    """Issue 23 item 2: a category of ask raised again and again is the session's business,
    so its best ask is a takeaway (and still cited verbatim), not only a call to action."""
    from collections import Counter
    from pathlib import Path

    from forumlens.summarise.actions import infer_asks, select_actions
    from forumlens.summarise.report import MIN_RAISED

    checked = 0
    for path in sorted((Path(__file__).parent / "resources" / "summarise").glob("*.txt")):
        session = parse_transcript(path.read_text("utf-8"), source=path.name, sha256=path.name)
        ctx = build_context(session)
        asks = infer_asks(ctx.units, ctx.chairs)
        report = build_report(session)
        assert check_citations(report, [session]) == []
        cited = [(c.line, c.quote) for b in report.takeaways for c in b.citations]
        counts = Counter(a.category for a in asks if a.category != "other")
        for category, n in counts.most_common(2):
            if n < MIN_RAISED:
                continue
            item, _cite, _ = select_actions(
                session, ctx.units, [a for a in asks if a.category == category], 1, ctx.chairs, ctx.ranking().scored()
            )[0]
            assert any(line == item.unit.line or quote in item.unit.text for line, quote in cited), (
                path.name,
                category,
            )
            checked += 1
    assert checked >= 1  # the written sessions include one whose asks recur


def test_a_wrap_up_sentence_is_the_rooms_point_not_a_share_of_its_speaker(session) -> None:  # type: ignore[no-untyped-def]
    """The chair's wrap-up restates the room: it neither uses up the chair's per-speaker share
    nor costs the new-voice bonus, so a second wrap-up sentence can stand beside the first."""
    from forumlens.summarise.rank import Scored, mmr_select, vectorise
    from forumlens.summarise.report import _voice_of

    ctx = build_context(session)
    model = session_model(ctx.units, ctx.chairs)
    assert model is not None
    voice = _voice_of(model)
    wrap = next(u for u in ctx.units if u.text.startswith("I think everyone agreed"))
    own = next(u for u in ctx.units if u.who == wrap.who and not is_summary(model, u))
    other = next(u for u in ctx.units if u.who != wrap.who)
    assert voice(wrap) != wrap.who and voice(own) == own.who and voice(other) == other.who
    vecs = vectorise([wrap, own]).vecs
    pool = [Scored(wrap, 1.0, vecs[0]), Scored(own, 0.9, vecs[1])]
    assert len(mmr_select(pool, 2, per_speaker=1, max_sim=1.0)) == 1  # one point per speaker...
    assert len(mmr_select(pool, 2, per_speaker=1, max_sim=1.0, voice_of=voice)) == 2  # ...but a wrap-up is the room's


def test_no_clause_window_starts_inside_an_unfinished_subordinate_clause() -> None:
    """ "..., so that captioning, sign language and venues are guaranteed ...": a window from
    "sign language" would assert what the speaker only aimed at."""
    text = (
        ">> GUNELA ASTBRINK:  We call on the host country to include accessibility in the host country agreement, "
        "with a budget line, so that captioning, sign language and accessible venues are guaranteed and not "
        "negotiated every time, and the secretariat should publish the budget every year.\n"
        ">> TOMAS REYES:  Community networks need a budget line for accessibility too, and the host country "
        "agreement is the place to guarantee it for every meeting.\n"
    )
    session = parse_transcript("Accessibility\n\n" + text, source="a.txt", sha256="a")
    ctx = build_context(session)
    model = session_model(ctx.units, ctx.chairs)
    assert model is not None
    offered: list[str] = []

    def record(unit):  # type: ignore[no-untyped-def]
        offered.append(unit.text)
        return False  # accept none: every window is offered

    long_one = next(s for s in score_units(ctx.units, chairs=ctx.chairs) if "so that captioning" in s.unit.text)
    assert best_version(model, long_one, accept=record) is None
    assert offered and any(t.startswith("with a budget line") for t in offered)
    assert not any(t.startswith(("sign language", "and not negotiated")) for t in offered)


def test_a_winning_window_spares_reading_the_whole_sentence(session) -> None:  # type: ignore[no-untyped-def]
    """Tomas's run-on loses to one of its clause windows: accepting every version chooses what
    no filter chooses, the whole sentence is never offered to `accept`, and the window's
    terms (built from its clauses' terms) are those of its own text."""
    ctx = build_context(session)
    model = session_model(ctx.units, ctx.chairs)
    assert model is not None
    run_on = next(s for s in score_units(ctx.units, chairs=ctx.chairs) if "universal service fund rule" in s.unit.text)
    offered: list[str] = []

    def record(unit):  # type: ignore[no-untyped-def]
        offered.append(unit.text)
        return True

    plain, accepted = best_version(model, run_on), best_version(model, run_on, accept=record)
    assert plain is not None and accepted is not None
    assert plain.unit != run_on.unit  # a window beats the whole run-on
    assert (accepted.unit, accepted.score) == (plain.unit, plain.score)
    assert offered and run_on.unit.text not in offered
    assert accepted.unit.terms == tuple(terms(accepted.unit.text))
    assert run_on.unit.text[accepted.unit.start - run_on.unit.start :].startswith(accepted.unit.text)
