"""Topic briefs for the portal: the same cited brief as `forumlens brief --topic`, and its download.

The web layer never summarises on its own: it calls `forumlens.briefs.topic_brief`, as the
CLI does, and hands out the `brief --topic --json` contract; the Markdown download is a
rendering of that contract.
"""

from __future__ import annotations

from typing import Any

from ..briefs import topic_brief
from ..errors import ConfigError
from ..store.base import Store

__all__ = ["TOPIC_CHARS", "brief_markdown", "build_topic_brief"]


# A topic typed into a web form or query is cut to this many characters before it is summarised for.
TOPIC_CHARS = 300


def build_topic_brief(
    store: Store, topic: str, *, since: int | None = None, until: int | None = None, coalition: str | None = None
) -> dict[str, Any]:
    """The `brief --topic --json` contract for a topic across the store (the topic cut to `TOPIC_CHARS`).

    The cut is made here, once, for the page, its download and the API alike.
    """
    topic = topic[:TOPIC_CHARS]
    if not topic.strip():
        raise ConfigError("give a topic for the brief", hint='for example "meaningful access"')
    return topic_brief(store, topic, since=since, until=until, coalition=coalition).to_json()


def brief_markdown(data: dict[str, Any], base_url: str = "") -> str:
    """A brief as Markdown, each bullet followed by its citations linked to the transcript line."""
    out = [f"# Brief: {data.get('topic', '')}", ""]
    theme = None
    for bullet in data.get("bullets", []):
        if bullet.get("theme") and bullet["theme"] != theme:
            theme = bullet["theme"]
            out += ["", f"## {theme}", ""]
        out.append(f"- {bullet.get('text', '')}")
        for c in bullet.get("citations", []):
            link = f"{base_url}/sessions/{c.get('session')}#L{c.get('line')}"
            out.append(f"  - {_cited(c)} [line {c.get('line')}]({link}): “{c.get('quote', '')}”")
    return "\n".join(out).rstrip() + "\n"


def _cited(c: dict[str, Any]) -> str:
    """Who and where, as `forumlens brief --md` and the brief page say it: the speaker, else a report's
    page and section, else "an unnamed speaker"; then the session's title and year, not its bare id
    (the download is read away from the portal, where an id names nothing)."""
    place = [f"p. {c['page']}"] if c.get("page") is not None else []
    place += [f"§ {c['section']}"] if c.get("section") else []
    who = c.get("speaker") or (", ".join(place) if place else "an unnamed speaker")
    title = c.get("title") or c.get("session")
    where = f"{title} ({c['year']})" if c.get("year") else str(title)
    return f"{who}, {where},"
