"""Speed work of issue 19 (stop 26) must give the plain code's answers.

Four steps were made cheaper: a summary's voice of a unit scans the unit's whole turn for
another body once per turn and body (`Wording._turn_names_other_body`), not once per unit
asked; the cue patterns' first-character lookahead is kept by the command line's pattern
cache (`analyse._regex._kept_head`; the shipped models' parsed JSON kept between runs is
tested in `test_shipped.py`); the glossary finds an acronym's candidate sentences with
`str.find` over all sentences' initials at once, and does not search a second time with the
same spelling (`tag.glossary`). Each is compared here with the plain code on real
transcripts, random strings, or a cold and a warm cache.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from forumlens.analyse import _regex, cues, questions
from forumlens.pipeline import analyse_session
from forumlens.summarise.attribution import Credits
from forumlens.summarise.context import build_context
from forumlens.summarise.rewrite import other_body
from forumlens.summarise.wording import Wording
from forumlens.tag import SessionMemo, glossary
from forumlens.text.recache import PatternCache
from forumlens.transcript.parse import parse_transcript

HERE = Path(__file__).resolve().parent
MAIN = HERE.parents[1] / "shared" / "corpus" / "igf2021-dc-main-session.txt"
SOURCES = [MAIN, *sorted((HERE / "resources" / "summarise").glob("*.txt"))[:3]]


def _session(path: Path):
    return parse_transcript(path.read_text("utf-8"), source=path.name, sha256=path.name)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_voice_is_the_one_a_fresh_wording_gives(path: Path) -> None:
    session = _session(path)
    analyses = analyse_session(session)
    ctx = build_context(session, analyses)
    credits = Credits.of(session, analyses)
    wording = Wording.of(ctx, credits)
    units = list(ctx.units)
    voices = [wording.voice(u) for u in units] + [wording.voice(u) for u in reversed(units)]
    checked = bodies = 0
    for i, u in enumerate(units):
        fresh = Wording.of(ctx, credits).voice(u)  # nothing remembered: the plain computation
        assert voices[i] == fresh == voices[-1 - i], (path.name, u.line)
        checked += 1
        bodies += fresh.body is not None
    assert checked > 50
    if path == MAIN:
        assert bodies > 10  # the shared transcript's coalition speakers speak for their bodies


def test_the_turn_test_is_other_body_over_the_whole_turn() -> None:
    session = _session(MAIN)
    analyses = analyse_session(session)
    ctx = build_context(session, analyses)
    wording = Wording.of(ctx, Credits.of(session, analyses))
    first: dict[tuple[str, int, int], str] = {}
    for u in ctx.units:
        first.setdefault((u.session, u.turn, u.sent_index), u.text)
    said = {}
    for (s, t, _i), text in first.items():
        said.setdefault((s, t), []).append(text)
    bodies = ["Dynamic Coalition on Gender and Internet Governance", "DC on Journalism", "Internet Rights Coalition"]
    named = 0
    for u in list(ctx.units)[::3]:
        for body in bodies:
            want = other_body(" ".join(said[(u.session, u.turn)]), body, membership=True)
            assert wording._turn_names_other_body(u, body) == want
            named += want
    assert named > 0


def _cue_sources() -> list[tuple[str, int]]:
    found = []
    for mod in (cues, questions):
        for value in vars(mod).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                src = value.pattern
                m = re.match(r"\(\?:\(\?=\[[^\]]*\]\)\|\^\)|\(\?=\[[^\]]*\]\)", src)
                if m and _regex.first_chars(src[m.end() :], value.flags):
                    src = src[m.end() :]
                found.append((src, value.flags & ~re.UNICODE))
    return found


def test_a_kept_lookahead_builds_the_pattern_compiled_without_a_cache(tmp_path, monkeypatch) -> None:
    sources = [*_cue_sources(), (r"\b(hear|see)\b", re.I), (r"\b(?:go|^\W*do)\b", re.I), (r"\b\w+ing", 0)]
    assert len(sources) > 30
    plain = [_regex.compile_cue(p, f) for p, f in sources]  # no cache installed: computed
    path = tmp_path / "regex.marshal"
    cold = PatternCache(path)
    monkeypatch.setattr(_regex, "installed", lambda: cold)
    assert [_regex.compile_cue(p, f) for p, f in sources] == plain
    assert cold.new > 0
    cold.save()
    warm = PatternCache(path)
    monkeypatch.setattr(_regex, "installed", lambda: warm)

    def never(*_args: object) -> str:
        raise AssertionError("a kept lookahead was computed again")

    monkeypatch.setattr(_regex, "_head", never)
    assert [_regex.compile_cue(p, f) for p, f in sources] == plain
    assert warm.new == 0


def _initials(sentences: list[glossary._Sentence]) -> list[str]:
    """Each sentence's content-word initials, as `_candidates` reads them."""
    return [
        "".join([w[0] for w in map(str.lower, glossary._WORD_RE.findall(s.text)) if w not in glossary._SKIP])
        for s in sentences
    ]


def _plain_candidates(initials: list[str], acronym: str) -> list[int]:
    """`_candidates` as it was: `letters in` each sentence's initials."""
    letters = "".join(c for c in acronym.lower() if c.isalpha())
    return [i for i, found in enumerate(initials) if letters in found] if letters else []


def test_candidate_sentences_are_the_plain_ones() -> None:
    session = _session(MAIN)
    real = glossary._sentences(session, SessionMemo())
    words = ["Internet", "Governance", "Forum", "of", "the", "İstanbul", "ünited", "Nations", "and", "data", "(x)"]
    rng = random.Random(27)
    made = [
        glossary._Sentence(" ".join(rng.choice(words) for _ in range(rng.randint(0, 9))), 1, None) for _ in range(300)
    ]
    hits = 0
    for sentences in (real, made, [], [glossary._Sentence("", 1, None)]):
        cache: dict[object, object] = {}
        initials = _initials(sentences)
        for _ in range(400):
            acronym = "".join(rng.choice("igfundatİü-&s") for _ in range(rng.randint(0, 4)))
            want = _plain_candidates(initials, acronym)
            assert glossary._candidates(sentences, acronym, cache) == want, acronym
            hits += len(want)
        assert glossary._candidates(sentences, "igf", None) == _plain_candidates(initials, "igf")
    assert hits > 1000


def test_an_acronym_spelled_as_its_key_is_searched_once(monkeypatch) -> None:
    text = "IGF 2021\n\n>> ANA: The IGF met. Later the IGF and the ITU spoke, and the ITU again.\n"
    session = parse_transcript(text)
    plain = glossary.extract_glossary(session, memo=SessionMemo())
    asked: list[str] = []
    real = glossary._expand

    def counted(acronym, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(acronym)
        return real(acronym, *args, **kwargs)

    monkeypatch.setattr(glossary, "_expand", counted)
    assert glossary.extract_glossary(session, memo=SessionMemo()) == plain
    assert asked and len(asked) == len(set(asked))
