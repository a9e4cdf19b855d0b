"""Digests: stored matches → cited items → text, HTML and JSON renderings.

`build_digest` is the I/O edge (it reads titles, source lines and speakers for the
items); every `render_*` is pure. An item is one line: what matched, a verbatim
quote of the evidence line, and where it is (session id and line; for a stored report, its
title, year, page and section, as reports and threads cite documents) with a link to the portal
page, so a reader can check every claim at its source.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote as urlquote

from ..store.base import Store
from ..text.stopwords import STOPWORDS
from ..transcript.speakers import name_key
from .models import Digest, DigestItem, Match
from .thread_events import evidence_start

__all__ = [
    "QUOTE_CHARS",
    "build_digest",
    "digest_items",
    "focus",
    "json_body",
    "render_html",
    "render_json",
    "render_text",
    "session_url",
    "summary_line",
]

QUOTE_CHARS = 180


def session_url(base_url: str, session_id: str, line: int | None = None) -> str:
    """The portal page of a session, anchored at a line (`/sessions/<id>#L<line>`)."""
    url = f"{base_url.rstrip('/')}/sessions/{urlquote(session_id)}"
    return f"{url}#L{line}" if line else url


def _shorten(text: str, limit: int = QUOTE_CHARS, at: int = 0) -> str:
    """`text` (spaces as one) cut to about `limit` characters at word ends; with `at`, the piece
    around that offset of the spaced text (a third of the room before it), marked "…" where cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    begin = max(0, min(at - limit // 3, len(text) - limit))
    if begin > 0:
        begin = text.find(" ", begin - 1) + 1 or begin  # start on a word, never inside one
    cut = text[begin : begin + limit]
    if begin + limit < len(text):
        cut = cut.rsplit(" ", 1)[0] + " …"
    return ("… " if begin > 0 else "") + cut


# Words of an interest and its reason that say nothing of what matched.
_REASON_WORDS = frozenset(
    [
        "search",
        "coalition",
        "tag",
        "person",
        "question",
        "spoke",
        "presented",
        "mentioned",
        "invited",
        "absent",
        "asked",
        "answered",
        "unanswered",
        "later",
        "participant",
    ]
)
_TOKEN = re.compile(r"\w[\w'’‑-]*")


def focus(text: str, key: str, reason: str) -> tuple[int, int]:
    """Where in `text` (spaces as one) the words that made an item match first stand: the
    interest's own words (its `key`: a search's query, a person's name), else the named thing
    in its reason (the coalition as stored): the word's start and end, (-1, -1) when none is on
    the line.

    >>> focus("Thank you. We handed the summary to the ministers, and the backhaul costs fell.", "backhaul", "")
    (59, 67)
    """
    text = " ".join(text.split())
    for words in (key.split("-"), name_key(reason.split(":", 1)[-1]).split()):
        wanted = [w for w in words if len(w) > 2 and w not in STOPWORDS and w not in _REASON_WORDS]
        for m in _TOKEN.finditer(text):
            got = name_key(m.group())
            if any(got == w or (len(w) > 3 and got.startswith(w)) for w in wanted):
                return m.span()
    return -1, -1


def _speech_start(line: str, speech: str) -> int:
    """Where a turn's speech starts on its marker's line (0 when the line holds no label)."""
    first = speech.lstrip().split("\n", 1)[0].strip()
    at = line.find(first) if first else -1
    return at if at > 0 else 0


def digest_items(store: Store, matches: Sequence[tuple[Match, str]], base_url: str) -> list[DigestItem]:
    """Matches (with their match time) → digest items with title, quote and speaker."""
    out: list[DigestItem] = []
    cache: dict[str, tuple[str, int | None, list[str], bool]] = {}
    for match, matched_at in matches:
        if match.session_id not in cache:
            found = store.session_text(match.session_id)
            if found is None:
                continue  # the session was removed since it matched
            meta = store.analysis(match.session_id, "document")
            document = isinstance(meta, dict) and meta.get("kind") not in (None, "transcript")
            cache[match.session_id] = (found[0], found[1], found[2].split("\n"), document)
        title, year, lines, document = cache[match.session_id]
        quote, speaker, page, section = "", None, None, None
        if match.line and 1 <= match.line <= len(lines):
            text = lines[match.line - 1]
            turn = store.turn_at(match.session_id, match.line, speech_only=True)
            speaker = turn.speaker if turn else None
            placed = turn or (store.turn_at(match.session_id, match.line) if document else None)  # a heading
            page, section = (placed.page, placed.section) if placed else (None, None)
            if section and " ".join(section.split()) == " ".join(title.split()):
                section = None  # the document's title line: its page says where, its heading is the title
            start = evidence_start(match.kind, match.key)  # a thread event: its sentence, not the turn's start
            if start <= 0 and turn is not None and turn.line == match.line:
                start = _speech_start(text, turn.text)  # the speech, never ">> JANE DOE:"
            said = (text[start:] if 0 < start < len(text) else text).strip()
            quote = _shorten(said)
            at, end = focus(said, match.key, match.reason)
            if at >= 0 and quote.endswith(" …") and end > len(quote) - 2:
                quote = _shorten(said, at=at)  # the head ends before the matched words: show them
        out.append(
            DigestItem(
                item=match.item,
                session_id=match.session_id,
                title=title,
                year=year,
                kind=match.kind,
                reason=match.reason,
                line=match.line,
                quote=quote,
                speaker=speaker,
                url=session_url(base_url, match.session_id, match.line),
                matched_at=matched_at,
                document=document or page is not None or bool(section),
                page=page,
                section=" ".join(section.split()) if section else None,
            )
        )
    return out


def build_digest(
    store: Store, subscriber: str, matches: Sequence[tuple[Match, str]], *, base_url: str, generated_at: str
) -> Digest:
    return Digest(subscriber=subscriber, generated_at=generated_at, items=tuple(digest_items(store, matches, base_url)))


def _where(item: DigestItem) -> str:
    """Where an item's quote is: "session ID, line 9, SPEAKER" in a transcript; a document as reports
    and threads cite one, "Title (2024), p. 2, § Requests, line 9" (its session id is in the link)."""
    if item.document:
        place = [f"p. {item.page}"] if item.page is not None else []
        place += [f"§ {item.section}"] if item.section else []
        place += [f"line {item.line}"] if item.line else []
        return ", ".join([_heading(item), *place, *([item.speaker] if item.speaker else [])])
    where = f"session {item.session_id}"
    if item.line:
        where += f", line {item.line}"
    if item.speaker:
        where += f", {item.speaker}"
    return where


def summary_line(item: DigestItem) -> str:
    """The one-line cited summary of an item (plain text)."""
    quote = f": “{item.quote}”" if item.quote else ""
    return f"{item.reason}{quote} ({_where(item)})"


def _heading(item: DigestItem) -> str:
    return f"{item.title} ({item.year})" if item.year else item.title


def _footer(digest: Digest) -> str:
    """The closing promise, naming what the quotes come from: a report's paragraph is no transcript line."""
    kinds = {item.document for item in digest.items}
    source = "transcript or document" if kinds == {True, False} else "document" if kinds == {True} else "transcript"
    return f"Every quote is verbatim from the {source} line cited."


def render_text(digest: Digest) -> str:
    """Plain-text e-mail body: one block per session, one cited line per item."""
    count = len(digest.items)
    plural = "s" if count != 1 else ""
    out = [f"forumlens digest for {digest.subscriber}: {count} new item{plural} ({digest.generated_at})", ""]
    for _session, items in digest.sessions:
        out.append(_heading(items[0]))
        out.append(f"  {items[0].url.split('#')[0]}")
        for item in items:
            out.append(f"  - {summary_line(item)}")
            out.append(f"    {item.url}")
        out.append("")
    out.append(_footer(digest))
    return "\n".join(out) + "\n"


def render_html(digest: Digest) -> str:
    """HTML e-mail body (and Atom content): the same blocks as the text, with links."""
    esc = html.escape
    count = len(digest.items)
    plural = "s" if count != 1 else ""
    who = f"<strong>{esc(digest.subscriber)}</strong>"
    parts = [f"<p>forumlens digest for {who}: {count} new item{plural} ({esc(digest.generated_at)})</p>"]
    for _session, items in digest.sessions:
        parts.append(f'<h3><a href="{esc(items[0].url.split("#")[0])}">{esc(_heading(items[0]))}</a></h3><ul>')
        for item in items:
            quote = f": <q>{esc(item.quote)}</q>" if item.quote else ""
            parts.append(f'<li>{esc(item.reason)}{quote} (<a href="{esc(item.url)}">{esc(_where(item))}</a>)</li>')
        parts.append("</ul>")
    parts.append(f"<p><small>{esc(_footer(digest))}</small></p>")
    return "\n".join(parts) + "\n"


def render_json(digest: Digest, *, delivery: str = "") -> dict[str, Any]:
    """The webhook payload (documented in the README); `delivery` is the idempotency key."""
    return {
        "event": "digest",
        "delivery": delivery,
        "subscriber": digest.subscriber,
        "generated_at": digest.generated_at,
        "items": [i.to_json() for i in digest.items],
    }


def json_body(payload: dict[str, Any]) -> bytes:
    """Canonical bytes of a payload: what is signed is exactly what is sent."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
