"""The static site's search index: every turn, findable in the browser without a server.

The index is an inverted index split into small files so a browser loads only what a
query needs, whether the site is served over HTTP or opened from disk:

- `search/meta.js`: sessions (page, title, year), speakers (name, page), the list of
  term shards, the stopwords and the number of turns;
- `search/t-<key>.js`: the posting lists of every term whose first two characters are
  `<key>` (a query word, or a `word*` prefix of two characters or more, needs one file);
- `search/d-<n>.js`: the turns themselves (session, line, speaker, text up to
  `TEXT_CHARS`), `DOCS_PER_SHARD` turns a file, loaded only for the hits shown.

Each file is one JSON value wrapped in a call (`forumlensIndex.terms("co", {...})`):
browsers refuse `fetch()` of a file:// URL, but load a `<script>` from one. A posting
list is a string of comma-separated turn numbers, each the difference from the one
before in base 36, with `:tf` (base 36) when the word occurs more than once in the
turn: compact without a decoder beyond `parseInt`.

Words are folded as `publish-search.js` folds them (NFKD, nonspacing marks dropped,
lower case, final sigma as sigma) and split on anything that is not a letter or digit;
words of one character and the stopwords below are not indexed (the client ignores them
in a query too, and says so).
"""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "DOCS_PER_SHARD",
    "STOPWORDS",
    "TEXT_CHARS",
    "IndexStats",
    "IndexedTurn",
    "SearchIndex",
    "fold",
    "shard_key",
    "words",
]

DOCS_PER_SHARD = 64  # a page of 20 hits loads at most 20 of these (~60 kB each)
# a turn's text is kept whole (the snippet shown is cut around the match in the browser),
# up to this length: only a runaway turn (a caption file without speaker markers) is cut
TEXT_CHARS = 20_000
KEY_CHARS = 2
# the commonest English function words: in nearly every turn, they would be most of the index
_STOPWORD_TEXT = """a an and are as at be but by for from had has have he her his i if in into is it its of on or our
    she so than that the their them then there these they this those to was we were what when which who
    will with you your"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[^\W_]+")
_JS_UNSAFE = {"\u2028": "\\u2028", "\u2029": "\\u2029"}


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a text, the same as the client's `fold`."""
    if text.isascii():  # most of an English record: nothing to decompose
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return text.lower().replace("ς", "σ")


def words(text: str) -> list[str]:
    """The indexed words of a text: folded, split on non-alphanumerics, no stopwords or single characters."""
    return [w for w in _WORD.findall(fold(text)) if len(w) > 1 and w not in STOPWORDS]


def shard_key(term: str) -> str:
    """File key of a term's shard: its first two characters, anything but [a-z0-9] as `_<hex>`."""
    return "".join(ch if ch.isascii() and ch.isalnum() else f"_{ord(ch):x}" for ch in term[:KEY_CHARS])


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def encode_postings(ids: Iterable[int], tfs: Iterable[int]) -> str:
    """Ascending turn numbers as base-36 gaps, `:tf` where a word occurs more than once."""
    out, last = [], 0
    for turn, tf in zip(ids, tfs):
        out.append(_base36(turn - last) + (f":{_base36(tf)}" if tf > 1 else ""))
        last = turn
    return ",".join(out)


def _kept(text: str) -> str:
    """The text kept for a turn: as stored, line breaks included (the client counts them to find
    the line of a match), cut at a space after `TEXT_CHARS`."""
    if len(text) <= TEXT_CHARS:
        return text
    cut = text.rfind(" ", 0, TEXT_CHARS)
    return text[: cut if cut > TEXT_CHARS // 2 else TEXT_CHARS] + " …"


def _script(call: str, *args: object) -> str:
    body = ", ".join(json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in args)
    for ch, escaped in _JS_UNSAFE.items():
        body = body.replace(ch, escaped)
    return f"forumlensIndex.{call}({body});\n"


@dataclass(frozen=True)
class IndexedTurn:
    """One turn as the index keeps it: where it is and who said it.

    `line` is the source line of the turn's first character: the browser adds the line
    breaks before a match to cite the line the word is on, as the portal's search does.
    """

    line: int
    text: str
    speaker: str | None = None
    speaker_page: str | None = None  # the speaker's page on the site, when they have one


@dataclass
class IndexStats:
    """What `SearchIndex.write` wrote: for the publish summary and the benchmark."""

    turns: int = 0
    terms: int = 0
    files: int = 0
    bytes: int = 0


@dataclass
class _Postings:
    ids: array[int] = field(default_factory=lambda: array("I"))
    tfs: array[int] = field(default_factory=lambda: array("H"))


class SearchIndex:
    """Collects turns session by session, then writes the sharded index files.

    Posting lists are kept as typed arrays (6 bytes a posting), so the index of a
    thousand sessions is built in memory without holding their texts twice.
    """

    def __init__(self) -> None:
        self._sessions: list[list[object]] = []
        self._speakers: dict[tuple[str, str | None], int] = {}
        self._postings: dict[str, _Postings] = {}
        self._docs: list[list[object]] = []

    def add_session(self, page: str, title: str, year: int | None, turns: Iterable[IndexedTurn]) -> None:
        """Index the turns of one session, whose page on the site is `page` (e.g. `sessions/ID.html`)."""
        number = len(self._sessions)
        self._sessions.append([page, title, year])
        for turn in turns:
            if not turn.text.strip():
                continue
            doc = len(self._docs)
            who = -1
            if turn.speaker:
                who = self._speakers.setdefault((turn.speaker, turn.speaker_page), len(self._speakers))
            self._docs.append([number, turn.line, who, _kept(turn.text)])
            for term, tf in Counter(words(turn.text)).items():
                postings = self._postings.get(term)
                if postings is None:
                    postings = self._postings[term] = _Postings()
                postings.ids.append(doc)
                postings.tfs.append(min(tf, 65535))

    def write(self, folder: Path) -> IndexStats:
        """Write `meta.js`, the term shards and the turn shards into `folder`."""
        folder.mkdir(parents=True, exist_ok=True)
        stats = IndexStats(turns=len(self._docs), terms=len(self._postings))
        shards: dict[str, dict[str, str]] = {}
        for term in sorted(self._postings):
            p = self._postings[term]
            shards.setdefault(shard_key(term), {})[term] = encode_postings(p.ids, p.tfs)
        for key, terms in shards.items():
            self._emit(folder / f"t-{key}.js", _script("terms", key, terms), stats)
        for n in range(0, len(self._docs), DOCS_PER_SHARD):
            self._emit(
                folder / f"d-{n // DOCS_PER_SHARD}.js",
                _script("docs", n // DOCS_PER_SHARD, self._docs[n : n + DOCS_PER_SHARD]),
                stats,
            )
        speakers = [[name, page] for (name, page), _ in sorted(self._speakers.items(), key=lambda kv: kv[1])]
        meta = {
            "version": 1,
            "turns": len(self._docs),
            "docs_per_shard": DOCS_PER_SHARD,
            "key_chars": KEY_CHARS,
            "shards": sorted(shards),
            "stopwords": sorted(STOPWORDS),
            "sessions": self._sessions,
            "speakers": speakers,
        }
        self._emit(folder / "meta.js", _script("meta", meta), stats)
        return stats

    @staticmethod
    def _emit(path: Path, text: str, stats: IndexStats) -> None:
        data = text.encode("utf-8")
        path.write_bytes(data)
        stats.files += 1
        stats.bytes += len(data)
