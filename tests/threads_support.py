"""Thread items of a caption text, through the real pipeline (`prepare_bytes`), as `forumlens ingest` makes them."""

from __future__ import annotations

from forumlens.ingest import prepare_bytes
from forumlens.threads import SessionItems, extract_items


def items_of(text: str, name: str) -> SessionItems:
    p = prepare_bytes(text.encode(), name)
    assert p.failure is None, p.failure
    return extract_items(p.session, p.analyses, name)
