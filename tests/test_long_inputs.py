"""Long inputs: no analysis step may grow quadratically with the length of one turn.

Archive captions sometimes come as one enormous line without punctuation (a whole
session, ~2 MB). These tests check the *work* each bounded step does, counted by the
step itself (similarity pairs, candidates MMR looks at), never the clock; and that
every shortcut gives the plain algorithm's answer where it applies (normal sessions,
the same sentence ends, the same lines).
"""

from __future__ import annotations

import hashlib
import itertools
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from forumlens.models import Citation, Session, Turn, newlines_before
from forumlens.semantic.passages import turn_passages
from forumlens.summarise import actions, build_report, check_citations, rank
from forumlens.summarise.actions import UnitFinder, quote_offsets
from forumlens.summarise.context import build_context
from forumlens.summarise.units import MAX_SENTENCE_CHARS, Unit, session_units
from forumlens.tag import SessionMemo, glossary
from forumlens.transcript import sentences
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.sentences import split_sentences

from .conftest import CORPUS, MAIN_SESSION, RESOURCES

SESSIONS = [MAIN_SESSION, *sorted((CORPUS / "formats").glob("*.txt")), *sorted((RESOURCES / "summarise").glob("*.txt"))]


def _parse(text: str, source: str) -> Session:
    return parse_transcript(text, source=source, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())


def _load(path: Path) -> Session:
    return _parse(path.read_text("utf-8"), path.name)


@pytest.fixture(scope="module")
def sessions() -> list[Session]:
    return [_load(p) for p in SESSIONS]


@pytest.fixture(scope="module")
def spoken_words() -> list[str]:
    """The words of the real session's speech: a long input's vocabulary and word frequencies."""
    session = _load(MAIN_SESSION)
    return [w for t in session.turns if t.kind == "speech" for w in re.findall(r"[A-Za-z][A-Za-z']*", t.text)]


def long_turn(words: list[str], n: int, seed: int = 5) -> Session:
    """One caption turn of `n` of those words, shuffled, on one line without punctuation."""
    rng = random.Random(seed)
    body = " ".join(rng.choice(words) for _ in range(n))
    return _parse(f"IGF 2021 Long Session\n\n>> JANE DOE: {body}\n", "long.txt")


def _vectors(session: Session) -> list[dict[str, float]]:
    units = [u for u in session_units(session) if rank.rankable(u)]
    return rank.vectorise(units).vecs


# -- the similarity graph ------------------------------------------------------------------


def _all_pairs(vecs: list[dict[str, float]], min_sim: float = 0.02) -> list[dict[int, float]]:
    """The plain graph: the cosine of every pair, kept when at least `min_sim`."""
    graph: list[dict[int, float]] = [{} for _ in vecs]
    for i, a in enumerate(vecs):
        for j in range(i + 1, len(vecs)):
            w = sum(x * vecs[j].get(t, 0.0) for t, x in a.items())
            if w >= min_sim:
                graph[i][j] = graph[j][i] = w
    return graph


def test_the_graph_of_a_normal_session_is_exact(sessions: list[Session]) -> None:
    for session in sessions:
        vecs = _vectors(session)
        graph = rank.build_graph(vecs)
        assert graph.exact, session.source
        plain = _all_pairs(vecs)
        assert [sorted(row) for row in graph.rows] == [sorted(row) for row in plain]
        for row, ref in zip(graph.rows, plain):
            assert row == pytest.approx(ref, rel=1e-9, abs=1e-12)


def test_similarity_work_grows_linearly_on_a_long_turn(spoken_words: list[str]) -> None:
    """Work per unit is capped by a constant that does not depend on the input's length
    (units are at most `MAX_SENTENCE_CHARS` long, so their terms are few), where the exact
    graph's work per unit grows with the input: all pairs sharing a term quadruple."""
    budget = 1_000  # small, so the bounded graph is reached at test sizes
    exact_work = []
    for n in (6_000, 12_000, 24_000):
        vecs = _vectors(long_turn(spoken_words, n))
        graph = rank.build_graph(vecs, budget=budget)
        assert not graph.exact
        window = max(rank.MIN_WINDOW, budget // (2 * sum(len(v) for v in vecs)))
        most_terms = max(len(v) for v in vecs)
        assert most_terms <= MAX_SENTENCE_CHARS // 3
        assert graph.pairs <= len(vecs) * (2 * window * most_terms + rank.MAX_NEIGHBOURS)
        assert sum(map(len, graph.rows)) <= 2 * rank.MAX_NEIGHBOURS * len(vecs)  # edges: O(n·k)
        # every edge is the true cosine of its two units, both ways
        for i, row in enumerate(graph.rows[:50]):
            for j, w in row.items():
                assert w == pytest.approx(sum(x * vecs[j].get(t, 0.0) for t, x in vecs[i].items()))
                assert graph.rows[j][i] == w
        exact_work.append(sum(c * (c - 1) // 2 for c in _document_frequencies(vecs).values()))
    for smaller, larger in itertools.pairwise(exact_work):
        assert larger >= 3.5 * smaller


def _document_frequencies(vecs: list[dict[str, float]]) -> dict[str, int]:
    df: dict[str, int] = {}
    for v in vecs:
        for t in v:
            df[t] = df.get(t, 0) + 1
    return df


def test_a_bounded_graph_keeps_each_units_strongest_links(spoken_words: list[str]) -> None:
    """The bounded graph is a near-neighbour graph: most of a unit's strongest true links survive."""
    vecs = _vectors(long_turn(spoken_words, 6_000))
    graph = rank.build_graph(vecs, budget=500)
    plain = _all_pairs(vecs)
    found = total = 0
    for row, ref in zip(graph.rows, plain):
        best = sorted(ref, key=lambda j: -ref[j])[:5]
        found += sum(1 for j in best if j in row)
        total += len(best)
    assert found >= 0.6 * total
    scores = rank.lexrank(vecs, graph=graph.rows)
    assert sum(scores) == pytest.approx(1.0) and min(scores) > 0


# -- MMR ---------------------------------------------------------------------------------


class _Touched(dict):  # type: ignore[type-arg]
    """A vector that records that MMR compared it with something."""

    seen: ClassVar[set[int]] = set()

    def items(self) -> Iterator[tuple[str, float]]:  # type: ignore[override]
        _Touched.seen.add(id(self))
        return super().items()  # type: ignore[return-value]

    def get(self, key: str, default: float | None = None) -> float | None:  # type: ignore[override]
        _Touched.seen.add(id(self))
        return super().get(key, default)


def test_mmr_looks_at_a_bounded_pool_of_the_best_candidates(spoken_words: list[str]) -> None:
    session = long_turn(spoken_words, 30_000)
    pool = rank.score_units(session_units(session))
    limit = 200
    assert len(pool) > 2 * limit
    touched = [rank.Scored(s.unit, s.score, _Touched(s.vec)) for s in pool]
    _Touched.seen.clear()
    chosen = rank.mmr_select(touched, 8, per_speaker=8, pool_limit=limit)
    assert len(chosen) == 8 and len(_Touched.seen) <= limit
    best = sorted(pool, key=lambda s: (-s.score, s.unit.position))[:limit]
    assert {c.unit for c in chosen} <= {s.unit for s in best}
    # within the pool, the choice is plain MMR's: the same as given the pool alone
    alone = rank.mmr_select(best, 8, per_speaker=8, pool_limit=limit)
    assert [c.unit for c in chosen] == [c.unit for c in alone]


def test_normal_sessions_fit_in_the_mmr_pool(sessions: list[Session]) -> None:
    for session in sessions:
        assert len(build_context(session).ranking().scored()) < rank.MMR_POOL


# -- sentence splitting, lines -----------------------------------------------------------------

# The sentence-end pattern as written before it took runs of marks whole: the reference.
_PLAIN_END = re.compile(r"[.?!…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u00C0-\u024F])")


def test_sentence_ends_are_the_plain_patterns(sessions: list[Session]) -> None:
    rng = random.Random(3)
    alphabet = [*"aB. .?!…\"'”’)](“‘(\nZ9é", "Mr.", "  ", "..."]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(20_000)]
    texts += [session.text for session in sessions]
    for text in texts:
        assert [m.span() for m in sentences._END.finditer(text)] == [m.span() for m in _PLAIN_END.finditer(text)]


@pytest.mark.parametrize("marks", [".", "?!", "…"])
def test_a_long_run_of_marks_is_one_sentence_end(marks: str) -> None:
    text = "We need funding" + marks * 20_000 + " And we need it now"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans][-1] == "And we need it now"
    assert len(sentences._END.findall(text)) == 1
    # why a run is scanned once: no end can start inside it, only at its first mark
    short = "We need funding" + marks * 5 + " And now"
    first = short.index(marks[0])
    assert sentences._END.match(short, first)
    assert not any(sentences._END.match(short, i) for i in range(first + 1, first + len(marks) * 5))


def test_a_punctuation_less_line_is_cut_into_bounded_sentences(spoken_words: list[str]) -> None:
    session = long_turn(spoken_words, 20_000)
    text = session.turns[0].text
    spans = split_sentences(text, max_chars=MAX_SENTENCE_CHARS)
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert " ".join(text[a:b] for a, b in spans).split() == text.split()  # every word, once, in order


def _multiline_turn_session() -> Session:
    """The real session's speech as one turn whose text keeps its line breaks."""
    main = _load(MAIN_SESSION)
    body = "\n".join(t.text for t in main.turns if t.kind == "speech")
    return _parse(f"Title\n\n>> JANE DOE: {body}\n", "one-turn.txt")


def test_lines_counted_on_are_the_lines_counted_from_the_start(sessions: list[Session]) -> None:
    for session in [*sessions, _multiline_turn_session()]:
        turns = {t.index: t for t in session.turns}
        units: list[Unit] = session_units(session)
        assert units
        assert all(u.line == turns[u.turn].line_at(u.start) for u in units)
        for turn in session.turns:
            for p in turn_passages(turn):
                assert p.line == turn.line + turn.text.count("\n", 0, p.start)
        got = {(s.text, s.line) for s in glossary._sentences(session, SessionMemo())}
        want = {
            (t.text[a:b], t.line + t.text.count("\n", 0, a))
            for t in session.turns
            if t.kind == "speech"
            for a, b in split_sentences(t.text)
        }
        assert got == want


# -- glossary ----------------------------------------------------------------------------------


def test_glossary_finds_containing_terms_as_the_pairwise_check_does() -> None:
    rng = random.Random(11)
    stems = ["digit", "coalit", "core", "internet", "valu", "access", "public"]
    for _ in range(200):
        seqs = list({tuple(rng.choice(stems) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 30))})
        within = glossary._within(seqs)
        for seq in seqs:
            plain = {o for o in seqs if len(o) > len(seq) and glossary._contains(o, seq)}
            assert set(within.get(seq, ())) == plain


# -- the whole report on a long turn -------------------------------------------------------------


def test_a_report_of_a_long_punctuation_less_turn_cites_verbatim(spoken_words: list[str]) -> None:
    session = long_turn(spoken_words, 12_000)
    report = build_report(session)
    assert report.takeaways
    assert check_citations(report, [session]) == []


# -- quotes to sentences, and quotes to lines (the summary's calls to action) -----------------------


def _plain_unit_for(units: list[Unit], citation: Citation) -> Unit | None:
    """The scan `UnitFinder` replaces: from `span` lines before the citation, in order, the
    first unit near its lines that holds the quote or is held by it."""
    starts = [u.line for u in units]
    ordered = all(a <= b for a, b in itertools.pairwise(starts))
    span = max((u.text.count("\n") for u in units), default=0)
    last = citation.line + citation.quote.count("\n")
    for u in units:
        if ordered and u.line < citation.line - span:
            continue
        if ordered and u.line > last:
            break
        near = citation.line <= u.line <= last or u.line <= citation.line <= u.line + u.text.count("\n")
        if near and (citation.quote in u.text or u.text in citation.quote):
            return u
    return None


def _units_of(texts: list[str], lines: list[int]) -> list[Unit]:
    return [Unit("s", i, line, None, None, 0, len(t), t, 0.0, 0, ()) for i, (t, line) in enumerate(zip(texts, lines))]


@pytest.mark.parametrize(("seed", "scan"), [(1, 0), (2, 0), (3, UnitFinder.SCAN)])
def test_the_unit_finder_picks_the_sentence_the_plain_scan_picks(
    seed: int, scan: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(UnitFinder, "SCAN", scan)  # 0: the index for every quote
    rng = random.Random(seed)
    words = ["we", "need", "the", "coalition", "funding", "asks", "a", "\n", "\x00", "."]
    for _ in range(400):
        n = rng.randint(0, 25)
        texts = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 14))) for _ in range(n)]
        if texts and rng.random() < 0.5:  # the same sentence said many times
            texts = [rng.choice(texts[: max(1, n // 4)]) for _ in range(n)]
        lines, line = [], 1
        for t in texts:
            line += rng.choice([0, 0, 1, 2, -1])  # now and then out of order
            lines.append(line)
            line += t.count("\n")
        units = _units_of(texts, lines)
        finder = UnitFinder(units)
        for _ in range(12):
            if units and rng.random() < 0.7:
                j = rng.randrange(len(units))
                u = units[j]
                a = rng.randint(0, len(u.text))
                quote = u.text[a : rng.randint(a, len(u.text))]
                if rng.random() < 0.4:  # a quote over two or three sentences
                    quote = " ".join(v.text for v in units[j : j + rng.randint(2, 3)])
                at = u.line + rng.randint(-2, 2)
            else:
                quote = " ".join(rng.choice(words) for _ in range(rng.randint(0, 25)))
                at = rng.randint(0, line + 1)
            citation = Citation(line=at, quote=quote, speaker=None)
            assert finder.find(citation) is _plain_unit_for(units, citation)


def test_the_unit_finder_without_a_free_separator_still_scans_right(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(UnitFinder, "SCAN", 0)
    texts = ["we need \x00\x01\x02\x03\ufffe\uffff funding", "we need funding", "funding"]
    units = _units_of(texts, [4, 4, 4])
    finder = UnitFinder(units)
    for quote in ["funding", "we need funding", "need", "\x00", "we need funding for all"]:
        citation = Citation(line=4, quote=quote, speaker=None)
        assert finder.find(citation) is _plain_unit_for(units, citation)
    assert finder.sep is None
    assert finder.find(Citation(line=4, quote="funding", speaker=None)) is units[0]


def test_a_quote_on_a_one_line_session_is_found_without_scanning_its_sentences(
    spoken_words: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    session = long_turn(spoken_words, 12_000)
    units = session_units(session)
    assert len({u.line for u in units}) == 1 and len(units) > 150  # every sentence near every citation
    finder = UnitFinder(units)
    checks = 0
    near = UnitFinder._near

    def counted(self: UnitFinder, i: int, citation: Citation, last: int) -> bool:
        nonlocal checks
        checks += 1
        return near(self, i, citation, last)

    monkeypatch.setattr(UnitFinder, "_near", counted)
    picked = units[::10]
    for u in picked:
        quote = u.text[len(u.text) // 3 :]
        citation = Citation(line=u.line, quote=quote, speaker=None)
        assert finder.find(citation) is _plain_unit_for(units, citation)
    # one near check for the sentence found, at most one more for a sentence the quote holds
    assert checks <= 2 * len(picked)


def test_the_nearest_occurrence_of_a_quote_is_the_one_every_occurrence_gave() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice("aab \n") for _ in range(rng.randint(0, 40)))
        if rng.random() < 0.1:
            text *= 800  # long enough for its line breaks to be kept
        turn = Turn(index=0, line=3, label=None, speaker=None, kind="speech", text=text, end_line=rng.choice([0, 50]))
        for _ in range(4):
            quote = "".join(rng.choice("aab \n") for _ in range(rng.randint(1, 4)))
            line = rng.randint(-2, 80)
            offsets = quote_offsets(text, quote)
            plain = min(offsets, key=lambda o: abs(turn.line_at(o) - line)) if offsets else None
            assert actions._nearest(turn, quote, line) == plain


def test_a_quote_in_a_long_line_stops_at_its_first_occurrence(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "we need funding for the hubs " * 2_000  # one line, the quote everywhere in it
    turn = Turn(index=0, line=2, label=None, speaker=None, kind="speech", text=text, end_line=2)
    found = 0
    offsets = actions._offsets

    def counted(text: str, quote: str) -> Iterator[int]:
        nonlocal found
        for at in offsets(text, quote):
            found += 1
            yield at

    monkeypatch.setattr(actions, "_offsets", counted)
    assert actions._nearest(turn, "funding for the hubs", 5) == text.find("funding for the hubs")
    assert found == 1


def test_line_breaks_before_an_offset_are_counted_as_str_count_does() -> None:
    rng = random.Random(3)
    for _ in range(200):
        text = "".join(rng.choice("ab\n") for _ in range(rng.randint(0, 30))) * rng.choice([1, 1_000, 3_000])
        assert newlines_before(text) == text.count("\n")
        for offset in [0, len(text), -1, -len(text) - 5, *(rng.randint(-40, len(text) + 40) for _ in range(30))]:
            assert newlines_before(text, offset) == text.count("\n", 0, offset)
