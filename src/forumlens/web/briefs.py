"""Topic briefs for the portal, borrowed from the summarise stage when it is installed.

The web layer never summarises on its own: it looks for the stage's brief function
lazily, so the portal runs (and says "not available yet") before that stage lands,
and picks it up without a change here once it does. Downloads are renderings of the
`brief --topic --json` contract, which is the stable interface between the two.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from typing import Any

from ..errors import ForumlensError
from ..store.base import Store

__all__ = ["FeatureUnavailable", "brief_markdown", "build_topic_brief", "topic_brief_function"]

# Where the summarise stage may put its topic brief, most likely first.
CANDIDATES = (
    ("forumlens.briefs", "topic_brief"),
    ("forumlens.summarise", "topic_brief"),
    ("forumlens.summarise", "build_topic_brief"),
    ("forumlens.summarise.brief", "topic_brief"),
    ("forumlens.summarise.brief", "build_topic_brief"),
    ("forumlens.summarise.briefs", "topic_brief"),
    ("forumlens.summarise.topic", "topic_brief"),
)


class FeatureUnavailable(ForumlensError):
    """A portal feature whose stage is not installed yet (503: try again later)."""

    status = 503


def topic_brief_function() -> Callable[..., Any] | None:
    """The stage's `topic_brief(store, topic, **filters)`, or None while it is missing."""
    for module_name, attr in CANDIDATES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        func = getattr(module, attr, None)
        if callable(func):
            return func
    return None


def build_topic_brief(store: Store, topic: str, *, since: int | None = None, until: int | None = None,
                      coalition: str | None = None) -> dict[str, Any]:
    """The `brief --topic --json` contract for a topic, or FeatureUnavailable."""
    func = topic_brief_function()
    if func is None:
        raise FeatureUnavailable("topic briefs are not available yet: the summarise stage has no topic brief",
                                 hint="search the record meanwhile")
    if not topic.strip():
        from ..errors import ConfigError
        raise ConfigError("give a topic for the brief", hint='for example "meaningful access"')
    accepted = set(inspect.signature(func).parameters)
    options = {k: v for k, v in {"since": since, "until": until, "coalition": coalition}.items()
               if v is not None and k in accepted}
    brief = func(store, topic, **options)
    data = brief.to_json() if hasattr(brief, "to_json") else dict(brief)
    data.setdefault("topic", topic)
    data.setdefault("bullets", [])
    return data


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
            out.append(f"  - {c.get('speaker') or 'unnamed'}, [{c.get('session')} line {c.get('line')}]({link}): "
                       f"“{c.get('quote', '')}”")
    return "\n".join(out).rstrip() + "\n"
