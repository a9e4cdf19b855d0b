"""Stop 34's speed-ups (issue 19) give the plain computations' answers.

Each shortcut is checked against the code it replaced, written out here as the reference,
on real turns (the speeches of the asks, intel and resolve test sessions) and on text built
to reach its edges (emoji and flags, combining accents, letters Unicode leaves whole,
characters just below and above U+2000, lone surrogates):

- `labelwords.without_symbols` tests "any character at or above U+2000" with one regex
  search instead of a Python walk over every character;
- `speakers.name_key` skips the walk that drops combining marks when the decomposed text is
  ASCII (no ASCII character is one);
- `questions.taken_up_pattern` / `named_reply_pattern` are compiled once per set of asker
  names, and only for a question a later turn names the asker of: a cache keyed wrongly
  (by one name, or by an unordered set) would hand one asker another's pattern;
- `cues._WordIndex` finds a word's places once per word and text, as the regex scan does;
- `Registry.by_name` looks a folded name up in an index built once instead of scanning
  every entity (the first entity of a name wins, as the scan's first hit did);
- `threads.items.extract_items` gives `turn_actor` (None, None) for a turn whose opening
  `_introductions` already read and found nothing in, instead of reading it again;
- `analyse.cues.content_words` stems each distinct word once (remembered) instead of every
  occurrence in a loop.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from forumlens.analyse import cues as analyse_cues
from forumlens.analyse import questions
from forumlens.analyse.questioncues import REPLY_HEAD
from forumlens.ingest import prepare_bytes
from forumlens.resolve import cues
from forumlens.resolve.registry import load_registry
from forumlens.threads import actors, extract_items, items
from forumlens.transcript import labelwords
from forumlens.transcript.labelwords import UNDECOMPOSED, clean_label
from forumlens.transcript.parse import parse_transcript
from forumlens.transcript.speakers import name_key

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = sorted(
    [
        *(ROOT / "tests" / "resources" / "asks_blind17").glob("*.txt"),
        *(ROOT / "tests" / "resources" / "intel_blind17").glob("*.txt"),
        *(ROOT / "tests" / "resources" / "resolve").glob("*.txt"),
    ]
)

EDGES = [
    "Tevita Folaumahina 🇹🇴",
    "🌊 Host | Losana Vakacegu",
    "Family 👨\u200d👩\u200d👧 keycap 1\ufe0f\u20e3 and text\ufe0e",
    "Sørensen SØRENSEN Łukasz Yıldız İstanbul",
    "Cafe\u0301 na\u0308ive e\u0301te\u0301",  # combining accents, decomposed already
    "just below \u1fff and at \u2000 the edge",
    "en\u2013dash \u2011 non\u00adbreaking \u00a0 space\u202fnarrow\ttab",
    "lone surrogate \ud800 here",
    "plain ASCII label: Ms. Jane Doe, Ministry of ICT.",
    "",
]


def _turn_texts() -> list[str]:
    texts = []
    for path in SESSIONS:
        texts += [t.text for t in parse_transcript(path.read_text("utf-8")).turns if t.text]
    return texts


def _random_texts(n: int = 3000) -> list[str]:
    rng = random.Random(19)
    alphabet = "aZ .:-_\t\n'’é\u0301ıøØ\u2000\u1fff\u200d\ufe0f🇹🇴😀\u00adİK\u212a"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def _plain_without_symbols(text: str) -> str:
    if all(ord(ch) < 0x2000 for ch in text):
        return text
    return "".join(
        ch
        for ch in text
        if ord(ch) < 0x2000
        or (ch not in labelwords._EMOJI_GLUE and unicodedata.category(ch) not in labelwords._SYMBOL_CATEGORIES)
    )


def _plain_name_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", clean_label(name).translate(UNDECOMPOSED))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _turn_texts() + EDGES + _random_texts()


def test_without_symbols_is_the_character_walk(texts: list[str]) -> None:
    assert len(texts) > 3000
    for text in texts:
        assert labelwords.without_symbols(text) == _plain_without_symbols(text), text
    assert labelwords.without_symbols("Tevita 🇹🇴") == "Tevita "  # the flag goes, the name stays


def test_name_key_is_the_plain_key(texts: list[str]) -> None:
    for text in texts:
        if "\ud800" in text:
            continue  # NFKD of a lone surrogate is itself: covered by without_symbols above
        assert name_key(text) == _plain_name_key(text), text
    assert name_key("SØRENSEN") == name_key("Sørensen") == "sorensen"
    assert name_key("Café") == name_key("Cafe\u0301") == "cafe"


def test_question_patterns_are_the_ones_built_per_question() -> None:
    """The kept pattern of a set of names is the one building it afresh gives (`__wrapped__`: no cache)."""
    for names in (["Adaeze"], ["Kaveh", "Tomás"], ["Tehran", "Nadia"], ["O'Neil", "Smith-Jones"]):
        key = tuple(sorted(names))
        for kept in (questions.taken_up_pattern, questions.named_reply_pattern):
            assert kept(key).pattern == kept.__wrapped__(key).pattern
            assert kept(key) is kept(tuple(sorted(names)))  # asked again: built once
        assert questions.named_reply_pattern(key).pattern.startswith(rf"\b{REPLY_HEAD}\s+(?:")


def test_question_pattern_cache_keeps_askers_apart() -> None:
    """One asker's pattern never answers for another's name, whatever was asked before."""
    anna, omar = questions.taken_up_pattern(("Anna",)), questions.taken_up_pattern(("Omar",))
    assert anna is not omar
    assert anna.search("On Anna's question about the feedback, we will publish it.")
    assert not omar.search("On Anna's question about the feedback, we will publish it.")
    both = questions.taken_up_pattern(("Anna", "Omar"))
    assert both.search("the number for Omar: forty schools")
    assert questions.taken_up_pattern(("Anna", "Omar")) is both  # asked again: the kept one
    reply = questions.named_reply_pattern(("Sandra",))
    assert reply.search("To answer Sandra, ministries publish the figures.")
    assert not questions.named_reply_pattern(("Omar",)).search("To answer Sandra, ministries publish the figures.")


def test_word_positions_are_the_regex_scan(texts: list[str]) -> None:
    words = ["anna", "ict", "k", "the", "dc", "sørensen", "istanbul", "ı", ""]
    for text in texts[:400] + EDGES:
        index = cues._WordIndex(text)
        for word in words:
            plain = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
            expected = [m.start() for m in plain.finditer(text) if m.group().lower() == word]
            assert index.positions(word) == expected, (word, text[:80])


def test_registry_by_name_is_the_scan() -> None:
    """The folded-name index answers as the scan over every entity did: the first entity of a
    name in registry order, any case, and None for a name no entity has."""
    registry = load_registry()

    def scan(name: str) -> object:
        low = name.casefold()
        return next((e for e in registry.entities.values() if e.name.casefold() == low), None)

    names = [e.name for e in registry.entities.values()]
    asked = names + [n.upper() for n in names] + [n.lower() for n in names] + ["No Such Body", "", "ẞ", "ss"]
    for name in asked:
        assert registry.by_name(name) is scan(name), name
    ids = list(registry.entities)
    twins = replace(registry, entities={"b": replace(registry.entities[ids[0]], id="b"), **registry.entities})
    assert twins.by_name(registry.entities[ids[0]].name.upper()).id == "b"  # the first of the two


THREAD_SOURCES = [
    *sorted((ROOT / "bench" / "threads" / "dev").iterdir()),
    *sorted((ROOT / "bench" / "threads" / "blind17").iterdir()),
]


def test_turns_without_an_introduction_are_not_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """`extract_items` hands `turn_actor` (None, None) for a turn `_introductions` left out, instead
    of having it read the turn's opening again: the items are the ones the second reading gave, and
    each turn's opening is read once."""
    prepared = [prepare_bytes(path.read_bytes(), path.name) for path in THREAD_SOURCES]
    assert all(p.failure is None for p in prepared)
    calls = {"n": 0}
    plain_introduced = actors.introduced_actor

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        return plain_introduced(*args, **kwargs)

    monkeypatch.setattr(actors, "introduced_actor", counted)
    monkeypatch.setattr(items, "introduced_actor", counted)
    fast = [json.dumps(extract_items(p.session, p.analyses).to_json()) for p in prepared]
    once = calls["n"]
    monkeypatch.setattr(items, "_UNSAID", None)  # the old call: `turn_actor` reads the opening again
    calls["n"] = 0
    plain = [json.dumps(extract_items(p.session, p.analyses).to_json()) for p in prepared]
    assert fast == plain
    assert once < calls["n"]  # some turns said nothing of their body: the shortcut was taken


def _plain_content_words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[a-z]+", text.lower()):
        if len(w) < 4 or w in analyse_cues._STOP:
            continue
        for suffix in ("ings", "ing", "ies", "es", "ed", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        out.add(w)
    return out


def test_content_words_are_the_plain_loop(texts: list[str]) -> None:
    """Each word stemmed once and remembered: the same set as the word-by-word loop."""
    for text in texts:
        assert analyse_cues.content_words(text) == _plain_content_words(text), text
    assert analyse_cues.content_words("Meetings, meetings and the studies we published") == {
        "meet",
        "stud",
        "publish",
    }
