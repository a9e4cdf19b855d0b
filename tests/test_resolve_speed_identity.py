"""The resolve stage's speed-ups (issue 19) give the plain computations' answers.

Each shortcut is checked against the computation it replaced, written out here as the
reference, on real inputs (the shared transcript, the resolve test sessions, the labelled
caption phrases of the mention tuning set) and on text built to reach its edge cases
(dotted acronyms, case-folding look-alikes such as the Kelvin sign, a letter whose lower
case is two characters, texts longer than the shared filter takes):

- `cuefilter.SharedCue` (one literal test per sentence shared by every cue pattern) says
  "possible" exactly when the pattern's own `Prefiltered` test does;
- `cues._WordIndex` finds a word's places by substring search in a lower-cased copy, as the
  case-insensitive regex scan did; `cues._said_at` compares ASCII text by `str.lower`, as `re`
  does for every pair of ASCII characters;
- `Matcher.window_topic` (remembered per window) is the running-maximum loop of `_best_topic`;
- `text.tokenize` (one dict look-up per word) gives the tokens of the plain per-word loop.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from rapidfuzz import fuzz, process

from forumlens.models import Session, Turn
from forumlens.resolve import cues, mentions, modes, orgs, roles, voice
from forumlens.resolve.cuefilter import SharedCue
from forumlens.resolve.text import Token, norm_word, sentence_spans, tokenize
from forumlens.resolve.tuning import labelled_phrases
from forumlens.text.fastre import Prefiltered

from .regex_support import compiled_patterns

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = sorted((ROOT / "tests" / "resources" / "resolve").glob("*.txt"))
SHARED = ROOT.parent / "shared" / "corpus" / "igf2021-dc-main-session.txt"

EDGES = [
    "I'm Kofi from the \u212aenya ICT Network; I work for \u0130stanbul Bilgi University.",
    "Hello, I.G.F. and U.N. D.E.S.A. & the DC on Youth: I am joining online from Kigali.",
    "My name is Tomás Pérez, I’m the coordinator of the Dynamic Coalition on Accessibility.",
    "I am here in the room, moderating. " * 40,  # longer than the shared filter takes
]


def _texts() -> list[str]:
    positives, negatives = labelled_phrases()
    texts = [t for t, _ in positives] + list(negatives) + EDGES
    texts += [p.read_text("utf-8") for p in SESSIONS]
    if SHARED.exists():
        texts.append(SHARED.read_text("utf-8"))
    return texts


def _shared_cues() -> list[SharedCue]:
    found = []
    for module in (cues, modes, orgs, roles, voice):
        found += [v for v in vars(module).values() if isinstance(v, SharedCue)]
    return found


def test_shared_cue_filter_never_says_no_where_a_pattern_matches():
    """`SharedCue.possible` says "no" wherever the pattern's own `Prefiltered` filter does, and,
    through its per-alternative sets (`branch_literals`, issue 19), in more sentences still,
    but never where the pattern matches."""
    patterns = _shared_cues()
    assert len(patterns) >= 15  # every resolve cue pattern goes through the shared filter
    assert sum(bool(cue.branches) for cue in patterns) >= 8
    said = {True: 0, False: 0}
    tighter = matched = 0
    for text in _texts():
        spans = [*sentence_spans(text), (0, len(text))]
        for a, b in spans:
            for cue in patterns:
                shared = cue.possible(text, a, b)
                own = Prefiltered.possible(cue, text, a, b)
                assert own or not shared, (cue.pattern.pattern[:60], text[a:b][:80])
                if cue.pattern.search(text, a, b):
                    assert shared, (cue.pattern.pattern[:60], text[a:b][:80])  # never "no" to a match
                    matched += 1
                said[shared] += 1
                tighter += own and not shared
    assert said[False] > said[True] > 0  # the filter decides: most sentences lack most cues
    assert tighter > 0 and matched > 50


def test_branch_literals_are_each_alternatives_own():
    """One set list per alternative of a top-level alternation; none for other shapes."""
    from forumlens.resolve.cuefilter import branch_literals

    got = branch_literals(re.compile(r"\b(?:I am (?:here|online)|we (?:are|were) in the room|my camera)\b", re.I))
    assert [sorted(sorted(o) for o in b) for b in got] == [
        [["i am here", "i am online"]],
        [["we are in the room", "we were in the room"]],
        [["my camera"]],
    ]
    assert branch_literals(re.compile(r"\bhere in (?:Kyoto|Riyadh)\b")) == ()  # not an alternation
    assert branch_literals(re.compile(r"(?:online|\w+)")) == ()  # an alternative requires nothing
    # the whole pattern keeps one set per alternative (" online" or " in the room"); per alternative
    # both of its parts must be there
    cue = SharedCue(re.compile(r"\b(?:I am \w+ online|we \w+ in the room)\b", re.I))
    assert cue.possible("We are in the ROOM today") and cue.possible("i am still online")
    assert Prefiltered.possible(cue, "we are online") and not cue.possible("we are online")


def _regex_positions(folded: str, word: str) -> list[int]:
    """A word's places by the case-insensitive regex scan over the whole text (the reference)."""
    scan = re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", folded, re.IGNORECASE)
    return [m.start() for m in scan if m.group().lower() == word]


@pytest.mark.parametrize("text", [*EDGES[:3], "Ana Lima, ana-lima and ANA; Lima's point. Banana Anacleto, KOFI, kofi."])
def test_word_index_probe_finds_what_the_regex_scan_finds(text):
    folded = cues._fold(text)
    fast = cues._WordIndex(folded)
    scanned = cues._WordIndex(folded)
    scanned.lower = None  # its own left-to-right scan (`cues._scan`) over the whole text
    words = {w.lower() for w in re.findall(r"\w+", folded)} | {"kofi", "kenya", "istanbul", "ana"}
    hits = 0
    for word in sorted(words):
        expected = _regex_positions(folded, word)
        assert fast.positions(word) == expected == scanned.positions(word), word
        hits += len(expected)
    assert hits >= len(words) - 4


def test_word_index_probe_on_sessions():
    """Every capitalised word of real sessions, as `find_name_hits` asks them."""
    for text in [p.read_text("utf-8") for p in SESSIONS[:6]]:
        folded = cues._fold(text)
        fast = cues._WordIndex(folded)
        for word in sorted(set(re.findall(r"\b[A-Z]\w+", folded)))[:150]:
            assert fast.positions(word) == _regex_positions(folded, word.lower()), word


def _plain_window_topic(m: mentions.Matcher, words: tuple[str, ...]) -> tuple[float, int] | None:
    best: tuple[float, int] | None = None
    for topic, score, k in process.extract(
        " ".join(words), m.topic_strings, scorer=fuzz.ratio, score_cutoff=60, limit=None
    ):
        if len(topic) < 8 and score < 100:
            score -= 15
        if (best is None or score > best[0]) and mentions.covers(list(words), topic.split(), score):
            best = (score, k)
    return best


def test_window_topic_is_the_running_maximum_of_best_topic():
    m = mentions._matcher_for(mentions.load_registry())
    m._topic_memo.clear()
    named = 0
    for text in _texts()[:400]:
        toks = tokenize(text)
        for i in range(len(toks)):
            if not mentions._is_cue(toks, i):
                continue
            for a in range(max(0, i - m.max_topic - 1), min(len(toks), i + 3)):
                for b in range(a + 1, min(len(toks), a + m.max_topic + 1) + 1):
                    words = tuple(t.norm for t in toks[a:b])
                    want = _plain_window_topic(m, words)
                    assert m.window_topic(words) == want, words
                    assert m.window_topic(words) == want  # and again, from memory
                    named += want is not None
    assert named >= 30


def test_mentions_do_not_depend_on_what_the_matcher_remembers():
    m = mentions._matcher_for(mentions.load_registry())
    texts = _texts()
    warm = [[mn.to_json() for mn in mentions.find_mentions(t)] for t in texts]
    m._topic_memo.clear()
    assert [[mn.to_json() for mn in mentions.find_mentions(t)] for t in reversed(texts)] == warm[::-1]


def _plain_tokenize(text: str, drop: frozenset[str]) -> list[Token]:
    tokens = []
    for match in re.finditer(r"(?:[A-Z]\.){2,}(?:[A-Z]\b)?|[^\W\d_]+|\d+|&", text):
        word = match.group()
        norm = norm_word(word)
        if norm in drop:
            continue
        if "." in word:
            tokens.append(Token(norm, word.replace(".", ""), match.start(), match.end() - word.endswith(".")))
        else:
            tokens.append(Token(norm, word, match.start(), match.end()))
    return tokens


@pytest.mark.parametrize("drop", [frozenset({"the"}), frozenset()])
def test_tokenize_gives_the_plain_loops_tokens(drop):
    texts = _texts()
    assert any("U.N." in t for t in texts)
    for text in texts:
        assert tokenize(text, drop=drop) == _plain_tokenize(text, drop)


def test_window_look_alikes_are_the_whole_text_look_alikes():
    """`_LookAlikes.missing` (pairwise, remembered) against `of` (the batch over the whole text)."""
    m = mentions._matcher_for(mentions.load_registry())
    asked = {True: 0, False: 0}
    for text in _texts():
        toks = tokenize(text)
        norms = [t.norm for t in toks]
        looks = mentions._LookAlikes(toks)
        for i, norm in enumerate(norms):
            for p, k in m.anchors.get(norm, ()):
                window = set(norms[max(0, i - k - 1) : i - k + m.phrases[p][2] + 2])
                for want in m.needs[p][0]:
                    missing = looks.missing(want, window)
                    assert missing == looks.of(want).isdisjoint(window), (want, sorted(window))
                    asked[missing] += 1
    assert asked[True] > 0 and asked[False] > 0


def test_mentions_in_a_span_are_the_plain_filters():
    """`SessionView.mentions_in` looks up by start; the plain filter scans every mention."""
    from forumlens.resolve.roles import AFFILIATING_KINDS, SessionView
    from forumlens.transcript.parse import parse_transcript

    seen = 0
    for path in [*SESSIONS, SHARED]:
        if not path.exists():
            continue
        session = parse_transcript(path.read_text("utf-8"))
        view = SessionView(session, mentions.find_mentions(session.text))
        spans = [s for spans in view.sentences.values() for s in spans] + [(t.start, t.end) for t in session.turns]
        spans += [(m.start, m.end) for m in view.mentions] + [(m.start + 1, m.end) for m in view.mentions]
        for a, b in spans:
            for kinds in (AFFILIATING_KINDS, ("dc",)):
                plain = [m for m in view.mentions if a <= m.start and m.end <= b and m.kind in kinds]
                assert view.mentions_in(a, b, kinds) == plain
                seen += len(plain)
    assert seen > 50


def _speech_sessions() -> list[Session]:
    from forumlens.transcript.parse import parse_transcript

    paths = [*SESSIONS, SHARED] if SHARED.exists() else list(SESSIONS)
    return [parse_transcript(p.read_text("utf-8")) for p in paths]


def _plain_mentioned_elsewhere(name: str, own: set[int], turns: Sequence[Turn]) -> bool:
    from forumlens.resolve.people import name_forms

    pattern = re.compile("|".join(rf"\b{re.escape(f)}\b" for f in name_forms(name)), re.IGNORECASE)
    return any(pattern.search(t.text) for t in turns if t.index not in own and t.kind == "speech")


def test_mentioned_elsewhere_is_the_plain_scan():
    """`people._mentioned_elsewhere` (behind its literal prefilter) against the plain case-insensitive
    scan, for every speaker of the real sessions and names built to reach case-folding edges."""
    from forumlens.resolve.people import _mentioned_elsewhere, group_labels

    said = {True: 0, False: 0}
    for session in _speech_sessions():
        names = {g.name for g in group_labels(session) if g.name}
        names |= {"Tomás Pérez", "Kofi Mensah", "\u0130stanbul", "Ana Lima", "Σοφία Παπαδοπούλου"}
        for name in sorted(names):
            for turn in session.turns[:3] + session.turns[-2:]:
                own = {turn.index}
                fast = _mentioned_elsewhere(name, own, session.turns)
                assert fast == _plain_mentioned_elsewhere(name, own, session.turns), name
                said[fast] += 1
    assert said[True] > 0 and said[False] > 0


def test_speaker_split_is_the_plain_patterns():
    """`modes.speaker_split` (its patterns behind the prefilter) gives the plain patterns' answer."""
    texts = [t.text for s in _speech_sessions() for t in s.turns] + [
        "We have three speakers in the room and one online.",
        "two here and two online, so let us start",
        "All of our panelists are online today.",
        "three speakers, all of them here in the room with me",
    ]
    found = 0
    for text in texts:
        for fast, plain in ((modes._SPLIT, modes._SPLIT.pattern), (modes._ALL, modes._ALL.pattern)):
            a, b = fast.search(text), plain.search(text)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), text[:80]
            found += b is not None
    assert found >= 4


def _plain_group_labels(session: Session) -> list[tuple[str | None, list[str], list[int]]]:
    """`people.group_labels` as it was: every turn compared with every variant of every group."""
    from collections import Counter

    from forumlens.resolve import people, titles
    from forumlens.transcript.speakers import normalise_label

    groups: list[people.LabelGroup] = []
    variants: list[Counter[str]] = []
    for turn in session.turns:
        if turn.kind != "speech":
            continue
        speaker = titles.strip_titles(turn.speaker.replace("\u2011", "-")) if turn.speaker else None
        if speaker:
            for group, names in zip(groups, variants):
                if group.name and any(people._same_label(speaker, n) for n in names):
                    break
            else:
                group, names = people.LabelGroup(speaker), Counter()
                groups.append(group)
                variants.append(names)
            names[speaker] += 1
        elif turn.label:
            label = normalise_label(turn.label)
            same = next((g for g in groups if g.name is None and label in g.labels), None)
            if same is None:
                same = people.LabelGroup(None)
                groups.append(same)
                variants.append(Counter())
            group = same
        else:
            group = people.LabelGroup(None)
            groups.append(group)
            variants.append(Counter())
        if turn.label and normalise_label(turn.label) not in group.labels:
            group.labels.append(normalise_label(turn.label))
        group.turns.append(turn.index)
    groups, variants = people._merge_partial_names(groups, variants)
    spoken = " ".join(t.text for t in session.turns if t.kind == "speech").casefold()
    for group, names in zip(groups, variants):
        if names:
            full = people._fullest(names)
            group.name = people._display(full, spoken) if len(full) > 1 else next(iter(full))
    return [(g.name, g.labels, g.turns) for g in groups]


# A variant that arrives later makes an earlier label join an earlier group: "KRISTOPHER ANDERSEN"
# is unlike "Christopher Anderson" but like "Kristopher Anderson", which joins that group after it.
CHAIN = """IGF 2023 Open Forum

>> CHRISTOPHER ANDERSON: Welcome, everyone, to the session.

>> KRISTOPHER ANDERSEN: Thank you, I will be brief.

>> KRISTOPHER ANDERSON: Let me add a word on the agenda.

>> MODERATOR: We move on.

>> KRISTOPHER ANDERSEN: One more point from me.

>> MARIA: Thank you. Maria Lopez here.

>> MARIA LOPEZ: And a last remark.

>> MARIA: Done.
"""


def test_group_labels_is_the_plain_every_group_loop():
    from forumlens.resolve.people import group_labels
    from forumlens.transcript.parse import parse_transcript

    sessions = [*_speech_sessions(), parse_transcript(CHAIN)]
    for session in sessions:
        got = [(g.name, g.labels, g.turns) for g in group_labels(session)]
        assert got == _plain_group_labels(session)
    chain = [(g.name, g.turns) for g in group_labels(sessions[-1])]
    assert any(len(turns) >= 3 for name, turns in chain if name and "Anders" in name), chain


def _plain_name_hits(text: str, start: int, end: int, forms: list[str]) -> list[cues.NameHit]:
    """`cues.find_name_hits` as it was: each match checked against every hit kept so far."""
    hits: list[cues.NameHit] = []
    folded = cues._fold(text)
    for form in sorted({cues._fold(f) for f in forms}, key=len, reverse=True):
        for a, b in cues._form_matches(folded, form, start, end):
            if text[a].isupper() and not any(h.start <= a < h.end for h in hits):
                hits.append(cues.NameHit(a, b, form))
    return sorted(hits, key=lambda h: h.start)


def test_name_hits_are_the_plain_overlap_checks():
    """Every speaker's name forms over the real sessions, and forms built to overlap
    ("Li Li" over "Li Li Li", a first name inside a full name, accents)."""
    from forumlens.resolve.people import group_labels, name_forms

    found = 0
    for session in _speech_sessions():
        text = session.text
        for group in group_labels(session):
            if group.name:
                forms = name_forms(group.name)
                for a, b in [(0, len(text)), (len(text) // 3, 2 * len(text) // 3)]:
                    hits = cues.find_name_hits(text, a, b, forms)
                    assert hits == _plain_name_hits(text, a, b, forms), group.name
                    found += len(hits)
    odd = "Li Li Li met Ana Lima. Ana, Lima and ANA LIMA: Tomás Pérez, Tomas Perez; Pérez-Lima."
    for forms in (["Li Li", "Li"], ["Ana Lima", "Ana", "Lima"], ["Tomas Perez", "Perez"], ["Pérez-Lima", "Lima"]):
        assert cues.find_name_hits(odd, 0, len(odd), forms) == _plain_name_hits(odd, 0, len(odd), forms)
    assert [h.form for h in cues.find_name_hits(odd, 0, len(odd), ["Li Li", "Li"])] == ["Li Li", "Li"]
    assert found > 100


def test_span_look_ups_are_the_plain_scans():
    """`SessionView.sentence_at`/`paragraph_at`/`sentence_after`/`sentence_before` bisect the
    spans of a turn (a scan per name hit was quadratic on a long one-line turn): the answers of
    the plain scans at every offset of the real sessions, whose spans are in order and apart."""
    from forumlens.resolve.roles import SessionView

    checked = 0
    for session in _speech_sessions():
        view = SessionView(session, [])
        for turn in session.turns:
            sentences, paragraphs = view.sentences[turn.index], view.paragraphs[turn.index]
            for spans in (sentences, paragraphs):
                assert all(b0 <= a1 for (_, b0), (a1, _) in itertools.pairwise(spans))
            for offset in range(turn.start - 1, turn.end + 2):
                plain = next(((a, b) for a, b in sentences if a <= offset < b), (offset, offset + 1))
                assert view.sentence_at(turn.index, offset) == plain
                plain = next(((a, b) for a, b in paragraphs if a <= offset < b), (offset, offset + 1))
                assert view.paragraph_at(turn.index, offset) == plain
                after = next(((a, b) for a, b in sentences if a >= offset), None)
                assert view.sentence_after(turn.index, offset) == after
                before = [(a, b) for a, b in sentences if b <= offset]
                assert view.sentence_before(turn.index, offset) == (before[-1] if before else None)
                checked += 1
    assert checked > 10_000


def test_remembered_cue_answers_are_the_fresh_ones():
    """`SharedCue.possible` asks its family's remembered bits of a span; asked again (warm), or after
    the family forgets, every answer is `allows` of the part's bits, asked fresh."""
    from forumlens.resolve.cuefilter import _FAMILY

    patterns = _shared_cues()
    texts = _texts()[:300]
    spans = [(text, a, b) for text in texts for a, b in sentence_spans(text)]
    warm = [[cue.possible(text, a, b) for cue in patterns] for text, a, b in spans]
    _FAMILY._seen.clear()
    _FAMILY._spans.clear()
    fresh = [[cue.possible(text, a, b) for cue in patterns] for text, a, b in reversed(spans)]
    assert fresh[::-1] == warm
    row = [cue.allows(_FAMILY.met(text[a:b])) for cue in patterns for text, a, b in spans[:200] if b - a <= 1000]
    assert row == [cue.possible(text, a, b) for cue in patterns for text, a, b in spans[:200] if b - a <= 1000]
    assert True in row and False in row


def test_cue_places_are_where_the_plain_scan_finds_cues():
    """`mentions.cue_places` keeps every token where `_is_cue` finds a cue (and few others)."""
    found = 0
    for text in _texts():
        toks = tokenize(text)
        plain = [i for i in range(len(toks)) if mentions._is_cue(toks, i)]
        places = mentions.cue_places(toks)
        assert [i for i in places if mentions._is_cue(toks, i)] == plain
        found += len(plain)
    assert found > 50


def test_shared_line_index_is_the_texts_own():
    from forumlens.resolve.text import LineIndex, line_index

    for text in [*EDGES, "one\ntwo\n\nfour", ""]:
        shared, own = line_index(text), LineIndex(text)
        assert line_index(text) is shared
        assert [shared.line(i) for i in range(len(text) + 2)] == [own.line(i) for i in range(len(text) + 2)]


def _plain_case_tells(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 20:
        return any(ch.islower() for ch in letters) and any(ch.isupper() for ch in letters)
    upper = sum(ch.isupper() for ch in letters) / len(letters)
    return 0.03 < upper < 0.6


@pytest.mark.parametrize("text", ["", "ABC def", "ALL CAPS CAPTION TEXT HERE AND MORE", "ǅemal Ǆ ß İ", *EDGES])
def test_case_tells_is_the_plain_per_letter_loop(text):
    from forumlens.resolve.newcoalitions import _case_tells

    assert _case_tells(text) == _plain_case_tells(text)
    assert _case_tells(text[:19]) == _plain_case_tells(text[:19])


def test_said_names_do_not_depend_on_what_is_remembered():
    """`selfnames._said` is remembered per (turn, opening, limit): asked again in another order
    after forgetting, every turn gives the same names."""
    from forumlens.resolve import selfnames

    turns = [t for text in _texts() for t in text.split("\n\n") if t.strip()][:600]
    asks = [(t, opening, limit) for t in turns for opening in (True, False) for limit in (300, 2000)]
    warm = [selfnames._said(*ask) for ask in asks]
    selfnames._said.cache_clear()
    assert [selfnames._said(*ask) for ask in reversed(asks)] == warm[::-1]
    assert sum(map(len, warm)) >= 20


def test_self_naming_filters_find_what_their_patterns_find():
    """The self-naming patterns behind a literal filter (`Prefiltered`) find, in every text and in
    every turn's opening, the very matches their plain regexes find."""
    from forumlens.resolve import selfnames

    patterns = [selfnames._OWN_NAME, selfnames._OWN_SINGLE, selfnames._OWN_SINGLE_FROM, selfnames._INTRO_NAME]
    turns = [t for text in _texts() for t in text.split("\n\n") if t.strip()]
    found = 0
    for text in [*turns, *(t[:300] for t in turns)]:
        for p in patterns:
            want = [m.span(1) for m in p.pattern.finditer(text)]
            assert [m.span(1) for m in p.finditer(text)] == want, (p.pattern.pattern[:40], text[:80])
            found += len(want)
    assert found >= 20


def test_span_bits_are_the_cut_out_parts_bits():
    """`CueFamily.met_in` (remembered per span of a text) is `met` of the part cut out, or None
    exactly when the part is longer than the shared test takes; warm or cold."""
    from forumlens.resolve.cuefilter import _FAMILY

    asked = 0
    for _round in range(2):
        for text in _texts()[:200] + _texts()[-3:]:
            for a, b in [*sentence_spans(text), (0, len(text)), (0, sys.maxsize)]:
                part = text[a:b]
                got = _FAMILY.met_in(text, a, b)
                assert got == (None if len(part) > _FAMILY.short else _FAMILY.met(part)), part[:80]
                asked += 1
        _FAMILY._spans.clear()
    assert asked > 500


# names whose cases `str.lower` and `re` do not agree on (dotted and dotless i, the long s, the Kelvin sign), accents
# `_fold` keeps (Greek), hyphens and apostrophes at a name's edges, and a window that cuts a name
_ODD_NAMES = (
    "Ana Lima met ANA-LIMA, ana lima and Ana Limaço. İlhan, ılhan, Ilhan; ſam and Sam; \u212aofi, Kofi, KOFI's point, "
    "Kofi‑Annan. ΣΟΦΙΑ and Σοφια spoke; O'Brien, o'brien and O'BRIEN. Lima"
)


def _probed(folded: str, form: str, start: int, end: int) -> list[tuple[int, int]]:
    """`_form_matches` as it was: its first word's places by a case-insensitive scan of the whole word (kept where
    the match lower-cases to the word's lower case), and the form's bounded pattern matched at each."""
    pattern = re.compile(rf"(?<![\w‑-]){re.escape(form)}(?![\w‑-])", re.IGNORECASE)
    first = re.match(r"\w+", form)
    assert first is not None
    key = first.group().lower()
    scan = re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", folded, re.IGNORECASE)
    starts = [m.start() for m in scan if m.group().lower() == key]
    return [m.span() for pos in starts if start <= pos < end and (m := pattern.match(folded, pos, end))]


@pytest.mark.parametrize(
    "form",
    ["Ana Lima", "Ana", "Lima", "Ilhan", "ılhan", "İlhan", "Sam", "ſam", "Kofi", "\u212aofi", "Σοφια", "O'Brien"],
)
def test_a_names_places_checked_without_its_pattern_are_the_patterns(form):
    folded = cues._fold(_ODD_NAMES)
    windows = [(0, len(folded)), (0, folded.index("ana lima") + 6), (folded.index("Kofi"), folded.index("Annan"))]
    found = 0
    for start, end in windows:
        got = list(cues._form_matches(folded, form, start, end))
        assert got == _probed(folded, form, start, end), (form, start, end)
        found += len(got)
    assert found >= 1 or not form.isascii(), form


def test_plain_names_compile_no_pattern_of_their_own(monkeypatch):
    """A session's ASCII names are found without compiling a pattern each (issue 19: ≈ 40 compiles a session);
    a name outside ASCII still gets its pattern, so `re`'s case rules decide it."""
    compiled = compiled_patterns(monkeypatch)
    text = "Welcome, Zebulon Quartermaine. ZEBULON: thanks. Quartermaine-Smith and zebulon wrote."
    hits = cues.find_name_hits(text, 0, len(text), ["Zebulon Quartermaine", "Zebulon", "Quartermaine"])
    assert [(text[h.start : h.end], h.form) for h in hits] == [
        ("Zebulon Quartermaine", "Zebulon Quartermaine"),
        ("ZEBULON", "Zebulon"),
    ]
    assert [p for p in compiled if "zebulon" in p.lower() or "quartermaine" in p.lower()] == []  # fixed ones may be
    greek = "Η ΞΑΝΘΙΠΠΗ μίλησε. Ξανθιππη"
    assert [greek[h.start : h.end] for h in cues.find_name_hits(greek, 0, len(greek), ["Ξανθιππη"])] == [
        "ΞΑΝΘΙΠΠΗ",
        "Ξανθιππη",
    ]
    assert any("ανθιππη" in p for p in compiled)


def test_ascii_case_is_what_re_ignorecase_makes_of_every_pair_of_characters():
    """`cues._said_at`'s ASCII comparison is `re`'s rule: every ASCII character against every ASCII character (and
    against the non-ASCII look-alikes `re` folds onto ASCII letters, which it leaves to the pattern). A literal is matched
    one character at a time, so the pairs decide whole names."""

    def said(text: str, literal: str) -> bool:
        return cues._said_at(text, 0, literal, len(text), cues._NO_WORD_BEFORE, cues._NO_WORD_AFTER)

    ascii_chars = [chr(i) for i in range(128)]
    for a in ascii_chars:
        pattern = re.compile(re.escape(a), re.IGNORECASE)
        for b in [*ascii_chars, "\u212a", "\u017f", "\u0130", "\u0131", "\u212b"]:
            assert said(b, a) == (pattern.fullmatch(b) is not None), (a, b)
    assert said("\u212aofi", "kofi") and not said("\u212aofi", "kofe")
    assert said("ſam", "SAM") and "ſam".lower() != "sam"  # `re` folds the long s; `str.lower` does not


@pytest.mark.parametrize("form", [". x .", "(Ana)", "'s Lima", "-Ana", ".."])
def test_a_scan_finds_what_finditer_finds(form):
    """`cues._scan` (the places of a form starting with punctuation) is `finditer` of the bounded pattern, overlapping
    candidates included (". x . x ." holds ". x ." twice, overlapping: `finditer` takes the first only)."""
    text = ". x . x . (Ana) (ANA)x ('s Lima) 's lima-ana -Ana ... .. (\u212ana)"
    for start, end in [(0, len(text)), (2, len(text) - 3), (5, 30)]:
        pattern = re.compile(rf"(?<![\w‑-]){re.escape(form)}(?![\w‑-])", re.IGNORECASE)
        expected = [m.start() for m in pattern.finditer(text, start, end)]
        got = list(cues._scan(text, form, start, end, cues._NO_NAME_BEFORE, cues._NO_NAME_AFTER))
        assert got == expected, (form, start, end)
    assert list(cues._scan(". x . x .", ". x .", 0, 9, cues._NO_NAME_BEFORE, cues._NO_NAME_AFTER)) == [0]
