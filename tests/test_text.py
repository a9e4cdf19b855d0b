"""forumlens.text: the one stemmer, the named stopword sets and sparse similarity every stage shares."""

from __future__ import annotations

import ast
import itertools
import math
from pathlib import Path

import pytest

import forumlens
from forumlens.documents import links
from forumlens.resolve import mentions
from forumlens.summarise import rank, units
from forumlens.tag import text as tag_text
from forumlens.text import (
    FLOOR_TALK,
    FORUM_WORDS,
    KEYWORD_STOPWORDS,
    NAME_CONNECTORS,
    QUESTION_STOPWORDS,
    SPOKEN_FILLER,
    STOPWORDS,
    SUMMARY_STOPWORDS,
    cosine,
    dot,
    prefix_stem,
    stem,
    stems,
    words,
)
from forumlens.transcript.sentences import split_sentences

from .conftest import MAIN_SESSION, ROOT

# -- the stemmer -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("forms", "folded"),
    [
        (["platform", "platforms", "Platforms"], "platform"),
        (["policy", "policies"], "policy"),
        (["farmer", "farmers"], "farmer"),
        (["organisation", "organization", "organisations", "organizations"], "organiz"),
        (["coalition", "coalition's", "coalition\u2019s", "coalitions"], "coalition"),
        (["fund", "funding", "funded", "funds"], "fund"),
    ],
)
def test_stem_folds_inflections_and_spellings(forms: list[str], folded: str) -> None:
    assert {stem(w) for w in forms} == {folded}


def test_stem_leaves_short_words_and_latin_endings_alone() -> None:
    # "access", "status" and "analysis" are not plurals; three-letter words are too short to strip
    assert [stem(w) for w in ("access", "status", "analysis", "has", "was")] == [
        "access",
        "status",
        "analysis",
        "has",
        "was",
    ]


def test_plurals_in_the_main_session_fold_onto_their_singular() -> None:
    vocabulary = {w.lower() for w in words(MAIN_SESSION.read_text(encoding="utf-8"))}
    pairs = [(w, w + "s") for w in vocabulary if w + "s" in vocabulary and len(w) >= 4 and "'" not in w]
    pairs += [(w, w[:-1] + "ies") for w in vocabulary if w.endswith("y") and w[:-1] + "ies" in vocabulary]
    assert len(pairs) > 50  # the transcript is long enough to show the rule
    assert [(a, b) for a, b in pairs if stem(a) != stem(b)] == []


def test_stems_split_hyphens_of_every_kind_and_keep_stopwords() -> None:
    # U+2011 (non-breaking hyphen) is how captions write "multi-stakeholder"
    assert stems("The multi\u2011stakeholder model of the coalitions") == [
        "the",
        "multi",
        "stakeholder",
        "model",
        "of",
        "the",
        "coalition",
    ]


def test_prefix_stem_is_the_looser_title_matcher() -> None:
    # five letters join what the light stemmer keeps apart; a misheard title needs that
    assert prefix_stem("Regulatory") == prefix_stem("regulation") == "regul"
    assert stem("regulatory") != stem("regulation")
    assert prefix_stem("Net\u2019s") == "net"  # possessive dropped, short words whole


def test_every_stage_uses_the_one_stemmer() -> None:
    assert tag_text.stems is stems and units.stem is stem and links.prefix_stem is prefix_stem
    package = Path(forumlens.__file__).parent
    own = {"stem", "_stem", "stems", "prefix_stem", "cosine", "_cosine", "dot"}
    defined = [
        f"{path.relative_to(package)}:{node.name}"
        for path in package.rglob("*.py")
        if path.parent.name != "text"
        for node in ast.parse(path.read_text(encoding="utf-8")).body  # module-level: a memo method may share the name
        if isinstance(node, ast.FunctionDef) and node.name in own
    ]
    assert defined == [], "stemmers and cosines live in forumlens.text only"


# -- stopwords --------------------------------------------------------------------------------


def test_base_stopwords_are_function_words_not_topics() -> None:
    assert {"the", "and", "however", "et", "al"} <= STOPWORDS
    assert not {"internet", "water", "coalition", "youth", "data"} & STOPWORDS


def test_named_sets_are_the_base_plus_their_own_additions() -> None:
    assert SUMMARY_STOPWORDS == STOPWORDS | SPOKEN_FILLER
    assert KEYWORD_STOPWORDS == STOPWORDS | FLOOR_TALK | FORUM_WORDS
    assert not SPOKEN_FILLER & STOPWORDS and not FLOOR_TALK & STOPWORDS  # additions only
    assert NAME_CONNECTORS - {"s"} <= STOPWORDS
    assert FORUM_WORDS <= QUESTION_STOPWORDS and "answer" in QUESTION_STOPWORDS


def test_name_connectors_keep_stopwords_that_are_names() -> None:
    # "WHO", "US IGF" and "I-Kiribati IGF" are registry names: only connectors may be ignored
    names = {"who", "us", "i"}
    assert names <= STOPWORDS
    assert not names & NAME_CONNECTORS
    assert mentions._content(["world", "health", "organization", "who"])[-1] == "who"


def test_summary_terms_drop_spoken_filler_but_keep_the_topic() -> None:
    assert units.terms("Yeah, I think, you know, the funding of libraries really matters.") == [
        "fund",
        "library",
        "matter",
    ]


def test_document_titles_ignore_the_forum_name() -> None:
    assert links._title_words("Internet Governance Forum Dynamic Coalition on Platform Responsibility") == {
        "platf",
        "respo",
    }


# -- similarity --------------------------------------------------------------------------------


def test_cosine_of_identical_is_one_of_disjoint_is_zero() -> None:
    a = {"water": 2.0, "food": 1.0}
    assert cosine(a, a) == pytest.approx(1.0)
    assert cosine(a, {"water": 20.0, "food": 10.0}) == pytest.approx(1.0)  # length does not matter
    assert cosine(a, {"energy": 1.0}) == 0.0
    assert cosine(a, {}) == 0.0 and cosine({}, {}) == 0.0
    assert cosine(a, {"water": 0.0}) == 0.0


def test_cosine_is_symmetric_and_between_minus_one_and_one() -> None:
    a, b = {"x": 1.0, "y": -2.0, "z": 0.5}, {"x": 3.0, "y": 1.0}
    assert cosine(a, b) == pytest.approx(cosine(b, a))
    assert cosine(a, b) == pytest.approx((3.0 - 2.0) / (math.sqrt(5.25) * math.sqrt(10.0)))


def test_dot_is_the_cosine_of_unit_vectors_from_a_real_session() -> None:
    text = MAIN_SESSION.read_text(encoding="utf-8")
    sentences = [text[a:b] for a, b in split_sentences(text)[:60]]
    fake = [units.Unit("s", 0, i, None, None, 0, 0, s, 0.0, i, tuple(units.terms(s))) for i, s in enumerate(sentences)]
    vecs = [v for v in rank.vectorise(fake).vecs if v]
    assert len(vecs) > 40
    for v in vecs:
        assert dot(v, v) == pytest.approx(1.0)
    for v, w in itertools.pairwise(vecs):
        assert dot(v, w) == pytest.approx(cosine(v, w), abs=1e-12)
    assert rank.cosine is dot  # the summariser's similarity is this one


# -- no fallbacks for modules that are always there ----------------------------------------------


def _silent_in_package_fallbacks(tree: ast.AST) -> list[tuple[int, list[str]]]:
    """(line, modules) of each `try:` that imports only forumlens modules and, on ImportError,
    carries on instead of raising (an in-package module that needs an extra must say so)."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        for handler in node.handlers:
            caught = {n.id for n in ast.walk(handler.type) if isinstance(n, ast.Name)} if handler.type else set()
            if not caught & {"ImportError", "ModuleNotFoundError"}:
                continue
            modules = []
            for stmt in node.body:
                for imp in ast.walk(stmt):
                    if isinstance(imp, ast.Import):
                        modules += [a.name for a in imp.names]
                    elif isinstance(imp, ast.ImportFrom):
                        modules.append("." * imp.level + (imp.module or ""))
            own = [m for m in modules if m.startswith((".", "forumlens"))]
            raises = any(isinstance(n, ast.Raise) for stmt in handler.body for n in ast.walk(stmt))
            if own and len(own) == len(modules) and not raises:
                found.append((node.lineno, own))
    return found


def test_no_silent_fallback_for_the_packages_own_modules() -> None:
    """forumlens' modules ship together: `except ImportError: return None` around one is dead code.

    Guards stay for optional dependencies (pypdf, psycopg, onnxruntime, ...) and for an own
    module that needs one, which must raise an error naming the extra to install.
    """
    dead = [
        f"{path.relative_to(ROOT)}:{line} falls back if {modules} is missing: import it plainly"
        for path in sorted((ROOT / "src" / "forumlens").rglob("*.py"))
        for line, modules in _silent_in_package_fallbacks(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert dead == []
