"""Thread items of a caption text, through the real pipeline (`prepare_bytes`), as `forumlens ingest` makes them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from forumlens.ingest import prepare_bytes
from forumlens.threads import SessionItems, extract_items
from forumlens.threads.sentences import LineFinder, turn_sentences


def items_of(text: str, name: str) -> SessionItems:
    p = prepare_bytes(text.encode(), name)
    assert p.failure is None, p.failure
    return extract_items(p.session, p.analyses, name)


def speech_sentences(paths: Iterable[Path]) -> list[str]:
    """The sentences of every speech turn of these files, as the thread stage cuts them."""
    found: list[str] = []
    for path in paths:
        p = prepare_bytes(path.read_bytes(), path.name)
        assert p.failure is None, (path, p.failure)
        lines = LineFinder(p.session.text)
        found += [s.text for t in p.session.turns if t.kind == "speech" for s in turn_sentences(p.session, t, lines)]
    return found
