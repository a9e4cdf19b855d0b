"""The end of a live session: the finished text through `ingest`'s pipeline, stored in place.

Why through ingest: the finished session must be exactly what `forumlens ingest` of the
final file would store — the same decoding, turns, metadata and analyses — so that the
live record and an after-the-fact one never disagree, and so that a later ingest of that
file finds this session by its content hash (`Store.live_session_of_content`) instead of
storing a second copy. The session keeps its id; the follow-up steps (subscribers'
matches, links from outputs) run as after any ingest.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..documents.overrides import parse_overrides
from ..errors import EmptyInput
from ..format import counted
from ..ingest import after_ingest, prepare_bytes
from ..pipeline import merge_people_with_store
from .follower import utc_now

if TYPE_CHECKING:
    from .follower import Follower

__all__ = ["finalise"]


def finalise(follower: Follower, reason: str) -> None:
    """Analyse the whole text as `ingest` would and store it as the session's final state."""
    store, data = follower.store, bytes(follower.feed.raw)
    if not data.strip():
        raise EmptyInput(
            "nothing arrived from the source; the live session stays open",
            source=follower.source.name,
            hint="run `forumlens live` again when captions are being written",
        )
    options = follower.options.ingest
    if follower.options.title:
        stated = parse_overrides({"title": follower.options.title}, origin="flag")
        options = replace(options, overrides=options.overrides.merged(stated) if options.overrides else stated)
    follower.analyse(wait=False)  # a pending live analysis is superseded by the full one below
    prepared = prepare_bytes(data, follower.source.name, options)
    if prepared.error is not None:
        raise prepared.error
    assert prepared.document is not None and prepared.session is not None
    analyses = dict(prepared.analyses)
    if "people" in analyses:
        analyses["people"] = merge_people_with_store(analyses["people"], store.known_people())
    store.live_finish(follower.session_id, prepared.document, prepared.session, analyses, finished_at=utc_now())
    store.refresh_text_sha256(follower.session_id)  # so the finished text in another encoding finds it
    follower.say(
        f"live session {follower.session_id} finished ({reason}): {counted(len(prepared.session.turns), 'turn')},"
        f" analysed and stored"
    )
    after_ingest(store, [follower.session_id], on_warning=follower.say)
