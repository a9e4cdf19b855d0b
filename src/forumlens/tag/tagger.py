"""Multi-label topic tags (SDGs, IGF issue areas, GDC objectives) with evidence lines.

`tag_text` scores one passage. A session is tagged passage by passage (a turn, or a
window of sentences of a long turn) because the SDG scorer was trained on passages of
~100 words, and because evidence must point at lines: a session-level tag keeps the
lines of the sentences that carried the vocabulary in its strongest passages.

Schemes with a shipped model (`data/<scheme>_model.json`, today only "sdg") use it;
the others use a vocabulary-density score, hits / (hits + c), with c growing with
passage length, so one passing mention in a long speech is not a topic.

The decision scales with the length of the text. Both scores above weigh how much of a
passage is about a goal, which needs a passage to weigh: the model was fitted on ~100-word
passages and gives "clean water" 0.22. A text shorter than `_SHORT_WORDS` words (a search
phrase, a title, a note of a sentence or two) is instead tagged with every code it names
with *strong evidence*: one taxonomy phrase of two or more content words ("clean water",
"food security"), or two different terms of the same code ("malaria and tuberculosis"). A
lone single word is not enough ("poor" may be audio quality, "security" food security).
The score of such a code is at least 1 - n / (2 * _SHORT_WORDS) for a text of n words:
0.97 for two words, 0.67 at twenty, 0.52 at twenty-nine; from thirty words on, the passage
scores alone decide.

A session is tagged by one rule wherever it is tagged (ingest, `forumlens tag FILE`), so a
file and its stored copy carry the same tags. A session of at least one passage window
keeps the passage rule: a topic must recur, not be named once. A shorter one (a statement,
a note, a few turns) cannot show a topic recurring, so it is scored as one text and must
clear a higher bar instead, `SHORT_THRESHOLD`: the lowest threshold whose precision on the
SDG benchmark's texts of that length reaches 0.9 (`bench/tag_short.py`: model scores out
of fold, vocabulary density without fitting).

Issue areas are chosen by the year of the text: a text of a known year is tagged against
that year's issue areas only, and gets none when the taxonomy holds none for its year (a
2015 session is not tagged with the themes of IGF 2023, nor with the same theme of two
years at once); only a text of unknown year is tagged against every year's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from forumlens.models import Session, Turn
from forumlens.tag.model import lexicon_counts, load_model, model_scores_of_stems
from forumlens.tag.taxonomy import Taxonomy, load_taxonomy, match_terms
from forumlens.tag.text import Passage, SessionMemo, sentence_spans
from forumlens.text import STOPWORDS, stems, words

__all__ = [
    "SHORT_THRESHOLD",
    "THRESHOLD",
    "Tag",
    "TagScore",
    "evidence_sentences",
    "passages",
    "score_text",
    "short_threshold",
    "strong_evidence",
    "tag_session",
    "tag_text",
    "tag_turn",
]

THRESHOLD = 0.5
_MIN_PASSAGE_WORDS = 12  # "Thank you, Chair." carries no topic
_WINDOW_WORDS = 160  # long turns are cut into windows of about this many words
_EVIDENCE_PER_PASSAGE = 2
_EVIDENCE_PER_TAG = 6
_MIN_PASSING = 2  # a session topic must recur: two passages at or above threshold
_SHORT_WORDS = 30  # about two sentences: below this a text is judged by strong evidence (module doc)
# The bar of a session shorter than one passage window, by kind of score (module doc;
# `python bench/tag_short.py`: precision 0.870 -> 0.902 for the model, 0.891 -> 0.901 for density).
SHORT_THRESHOLD = {"model": 0.65, "density": 0.55}


@dataclass(frozen=True)
class TagScore:
    """A tag of one text: score in [0, 1] and evidence sentences as (start, end) char spans."""

    code: str
    label: str
    score: float
    evidence: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Tag:
    """A tag of a turn, segment or session; `to_json` is the report contract exactly."""

    scheme: str
    code: str
    label: str
    score: float
    lines: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "scheme": self.scheme,
            "code": self.code,
            "label": self.label,
            "score": round(self.score, 4),
            "lines": list(self.lines),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Tag:
        """A stored tag (fields missing from older or hand-written JSON read as empty)."""
        return cls(
            str(data.get("scheme") or ""),
            str(data.get("code") or ""),
            str(data.get("label") or ""),
            float(data.get("score") or 0.0),
            tuple(int(n) for n in data.get("lines") or ()),
        )


def _entries_for_year(tax: Taxonomy, year: int | None) -> list[int]:
    """Indices of entries that apply to a text of `year` (`_entry_indices`)."""
    return list(_entry_indices(tax.scheme, year))


@lru_cache(maxsize=256)
def _entry_indices(scheme: str, year: int | None) -> tuple[int, ...]:
    """Entries of a scheme that apply to a text of `year`.

    Codes without a year (SDGs, GDC objectives) always apply. Codes with one (issue areas)
    apply only to a text of that year, and all of them to a text whose year is unknown: a
    known year the taxonomy does not cover gets none, rather than every year's themes.
    """
    tax = load_taxonomy(scheme)
    return tuple(i for i, e in enumerate(tax.entries) if year is None or e.year is None or e.year == year)


def _density_scores(tax: Taxonomy, text: str) -> list[float]:
    return _density_of_stems(tax, stems(text))


def _density_of_stems(tax: Taxonomy, s: list[str]) -> list[float]:
    c = 1.5 + len(s) / 150.0
    return [h / (h + c) for h in lexicon_counts(tax, s)]


def _scores_of_stems(scheme: str, text_stems: list[str], year: int | None) -> dict[str, float]:
    """`score_text` of a text from its stems."""
    tax = load_taxonomy(scheme)
    model = load_model(scheme)
    scores = model_scores_of_stems(model, tax, text_stems) if model else _density_of_stems(tax, text_stems)
    entries = tax.entries
    return {entries[i].code: scores[i] for i in _entry_indices(scheme, year)}


def _content_stems(seq: tuple[str, ...]) -> int:
    return sum(1 for s in seq if s not in STOPWORDS and len(s) > 1 and not s.isdigit())


@lru_cache(maxsize=4096)
def _is_strong_term(seq: tuple[str, ...]) -> bool:
    """A phrase of two or more content words: "clean water" yes; "the state", "e-waste" no."""
    return _content_stems(seq) >= 2


def strong_evidence(scheme: str, text_stems: list[str], year: int | None = None) -> set[str]:
    """Codes a stem sequence names with strong evidence: one strong phrase, or two different terms.

    >>> sorted(strong_evidence("sdg", stems("clean water")))
    ['SDG6']
    """
    tax = load_taxonomy(scheme)
    allowed = set(_entry_indices(scheme, year))
    terms: dict[int, set[tuple[str, ...]]] = {}
    strong: set[int] = set()
    for entry, start, length in match_terms(tax, text_stems):
        if entry not in allowed:
            continue
        seq = tuple(text_stems[start : start + length])
        terms.setdefault(entry, set()).add(seq)
        if _is_strong_term(seq) or len(terms[entry]) >= 2:
            strong.add(entry)
    return {tax.entries[i].code for i in strong}


def _short_text_floor(n_words: int) -> float:
    """The least score of a strongly evidenced code in a text of `n_words` (< `_SHORT_WORDS`)."""
    return 1.0 - n_words / (2.0 * _SHORT_WORDS)


def _decided_scores(scheme: str, text: str, text_stems: list[str], year: int | None) -> dict[str, float]:
    """Passage scores, raised for the strongly evidenced codes of a short text (module doc)."""
    scores = _scores_of_stems(scheme, text_stems, year)
    if len(text_stems) >= 4 * _SHORT_WORDS:
        return scores  # hyphens split words into stems, but not this many: certainly not short
    n_words = len(words(text))
    if 0 < n_words < _SHORT_WORDS:
        floor = _short_text_floor(n_words)
        for code in strong_evidence(scheme, text_stems, year):
            scores[code] = max(scores[code], floor)
    return scores


def score_text(text: str, scheme: str, *, year: int | None = None) -> dict[str, float]:
    """Score of every code of `scheme` for `text` (also those below the threshold).

    A code scoring at or above `THRESHOLD` is assigned; short texts follow the strong
    evidence rule of the module doc, so the JSONL contract and `tag_text` agree.
    """
    load_taxonomy(scheme)  # an unknown scheme is a ConfigError before any work
    return _decided_scores(scheme, text, stems(text), year)


def _evidence(
    tax: Taxonomy, text: str, code: str, limit: int, memo: SessionMemo | None = None
) -> tuple[tuple[int, int], ...]:
    """Sentences of `text` that use `code`'s vocabulary, most hits first, returned in text order."""
    index = tax.codes.index(code)
    spans = memo.sentence_spans(text) if memo else sentence_spans(text)
    ranked = []
    for start, end in spans:
        sentence = text[start:end]
        matched = memo.matches(tax, sentence) if memo else match_terms(tax, stems(sentence))
        hits = sum(1 for e, _, _ in matched if e == index)
        if hits:
            ranked.append((-hits, start, end))
    ranked.sort()
    return tuple(sorted((a, b) for _, a, b in ranked[:limit]))


def evidence_sentences(text: str, scheme: str, code: str, *, limit: int = 1) -> list[str]:
    """The sentences of `text` (say one cited line) that carry `code`'s vocabulary, most hits first."""
    tax = load_taxonomy(scheme)
    if code not in tax.codes:
        return []
    return [text[a:b] for a, b in _evidence(tax, text, code, limit)]


def tag_text(text: str, scheme: str, *, threshold: float = THRESHOLD, year: int | None = None) -> list[TagScore]:
    """Tags of `text` scoring at least `threshold`, best first, each with evidence sentences.

    >>> [t.code for t in tag_text("Smallholder farmers need seeds and irrigation to end hunger.", "sdg")]
    ['SDG2']
    """
    tax = load_taxonomy(scheme)
    memo = SessionMemo()  # the codes' evidence shares one sentence split and its stems
    scores = _decided_scores(scheme, text, memo.stems(text), year)
    out = [
        TagScore(code, tax.entry(code).label, s, _evidence(tax, text, code, 3, memo))
        for code, s in scores.items()
        if s >= threshold
    ]
    return sorted(out, key=lambda t: (-t.score, t.code))


def passages(turn_text: str) -> list[tuple[int, int]]:
    """Cut a turn into passages of about `_WINDOW_WORDS` words on sentence boundaries."""
    return _passages(turn_text, sentence_spans(turn_text))


def _passages(turn_text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start, count = None, 0
    for a, b in spans:
        if start is None:
            start = a
        count += len(words(turn_text[a:b]))
        if count >= _WINDOW_WORDS:
            out.append((start, b))
            start, count = None, 0
    if start is not None:
        if out and count < _WINDOW_WORDS // 3:
            out[-1] = (out[-1][0], spans[-1][1])  # a short tail joins the previous window
        else:
            out.append((start, spans[-1][1]))
    return out


def _session_passages(memo: SessionMemo, turn_text: str) -> list[Passage]:
    """(start, end, text, word count) of each passage of a turn, computed once per memo."""
    found = memo.passages.get(turn_text)
    if found is None:
        found = []
        for a, b in _passages(turn_text, memo.sentence_spans(turn_text)):
            chunk = turn_text[a:b]
            found.append((a, b, chunk, len(words(chunk))))
        memo.passages[turn_text] = found
    return found


def tag_turn(turn: Turn, scheme: str, *, threshold: float = THRESHOLD, year: int | None = None) -> list[Tag]:
    """Tags of one `Turn`, with the 1-based lines of its evidence sentences."""
    if turn.kind != "speech":
        return []
    out = []
    for t in tag_text(turn.text, scheme, threshold=threshold, year=year):
        lines = sorted({turn.line_at(a) for a, _ in t.evidence})
        out.append(Tag(scheme, t.code, t.label, t.score, tuple(lines)))
    return out


def _speech_words(session: Session, memo: SessionMemo) -> int:
    return sum(n for turn in _speech(session.turns) for _, _, _, n in _session_passages(memo, turn.text))


def _tag_as_one_text(session: Session, scheme: str, threshold: float, memo: SessionMemo) -> list[Tag]:
    """A short session scored as one text (`tag_text`'s rule); lines from every turn's evidence.

    With several voices the topic must still recur: a code named in one turn only is one
    person's point among others' ("persons with disabilities" in a round of five needs),
    not what the session is about. One voice (a statement, a paper's paragraphs) is one text.
    """
    tax = load_taxonomy(scheme)
    turns = list(_speech(session.turns))
    text = "\n".join(t.text for t in turns)
    voices = {t.speaker or t.label for t in turns if t.speaker or t.label}
    least_turns = 2 if len(voices) > 1 else 1
    tags = []
    for code, score in _decided_scores(scheme, text, memo.stems(text), session.year).items():
        if score < threshold:
            continue
        found = [(t, _evidence(tax, t.text, code, 3, memo)) for t in turns]
        if sum(1 for _, spans in found if spans) < least_turns:
            continue
        lines = sorted({t.line_at(a) for t, spans in found for a, _ in spans})
        if lines:  # a tag nobody can check is not reported
            tags.append(Tag(scheme, code, tax.entry(code).label, score, tuple(lines[:_EVIDENCE_PER_TAG])))
    return sorted(tags, key=lambda t: (-t.score, t.code))


def short_threshold(scheme: str) -> float:
    """The bar of a session shorter than one passage window for `scheme` (module doc)."""
    return SHORT_THRESHOLD["model" if load_model(scheme) else "density"]


def tag_session(
    session: Session,
    scheme: str,
    *,
    threshold: float | None = None,
    memo: SessionMemo | None = None,
) -> list[Tag]:
    """Session tags: score = mean of a code's three best passage scores; lines from those passages.

    Averaging the best three (not taking the maximum) and asking for two passages at or
    above the threshold makes a topic recur before the whole session is labelled with it;
    a tag without vocabulary evidence in those passages is dropped (nothing to cite).
    `memo` shares sentence splits and stems with the other stages run over the session.

    A session of fewer words than one passage window (a statement, a note, a few turns)
    cannot show a recurring topic, so it is tagged as one text against the higher bar of
    `short_threshold`. Ingest and `forumlens tag FILE` both call this, so a file and its
    stored copy get the same tags. A `threshold` given by the caller applies to both rules.
    """
    tax = load_taxonomy(scheme)
    memo = memo or SessionMemo()
    if _speech_words(session, memo) < _WINDOW_WORDS:
        return _tag_as_one_text(session, scheme, short_threshold(scheme) if threshold is None else threshold, memo)
    threshold = THRESHOLD if threshold is None else threshold
    year = session.year
    per_code: dict[str, list[tuple[float, Turn, int]]] = {}
    for turn in _speech(session.turns):
        text = turn.text
        for a, _b, chunk, n_words in _session_passages(memo, text):
            if n_words < _MIN_PASSAGE_WORDS:
                continue
            for code, s in _scores_of_stems(scheme, memo.stems(chunk), year).items():
                per_code.setdefault(code, []).append((s, turn, a))
    tags = []
    for code, found in per_code.items():
        best = sorted(found, key=lambda f: -f[0])[:3]
        score = sum(f[0] for f in best) / len(best)
        passing = sum(1 for f in found if f[0] >= threshold)
        if score < threshold or passing < min(_MIN_PASSING, len(found)):
            continue
        lines: list[int] = []
        for s, turn, offset in best:
            if s < threshold:
                continue
            text = turn.text
            end = next((b for a, b, _, _ in _session_passages(memo, text) if a == offset), len(text))
            for ea, _ in _evidence(tax, text[offset:end], code, _EVIDENCE_PER_PASSAGE, memo):
                lines.append(turn.line_at(offset + ea))  # the speech's line, never a marker's alone
        if not lines:
            continue  # a tag nobody can check is not reported
        tags.append(Tag(scheme, code, tax.entry(code).label, score, tuple(sorted(set(lines))[:_EVIDENCE_PER_TAG])))
    return sorted(tags, key=lambda t: (-t.score, t.code))


def _speech(turns: Iterable[Turn]) -> Iterable[Turn]:
    return (t for t in turns if t.kind == "speech")
