"""The cooperation graph: coalitions, institutions and NRIs linked by co-appearance.

Two actors are linked when they appear in the same session: a coalition presented or
was mentioned there (the coalitions analysis), or a speaker spoke for an institution
or national/regional IGF (people's affiliations). The weight is the number of shared
sessions. `build_graph` reads the store; `layout` is pure and places nodes on a circle
(deterministic, so the SVG is stable and needs no JavaScript).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import combinations
from typing import Any

from ..resolve import load_registry
from ..store.base import Store
from .views import slug

__all__ = ["build_graph", "layout", "node_kind"]

MAX_NODES = 60


def node_kind(name: str, coalitions: set[str]) -> str:
    """coalition | nri | institution: registry kinds when the resolve stage knows the name."""
    if name in coalitions:
        return "coalition"
    entity = load_registry().by_name(name)
    if entity is not None:
        return {"dc": "coalition", "nri": "nri"}.get(entity.kind, "institution")
    low = name.lower()
    if "dynamic coalition" in low or low.startswith("dc ") or " coalition" in low:
        return "coalition"
    if "igf" in low or "internet governance forum" in low or "eurodig" in low:
        return "nri"
    return "institution"


def _href(name: str, kind: str) -> str:
    return f"/coalitions/{slug(name)}" if kind == "coalition" else f"/sessions?affiliation={slug(name)}"


def build_graph(store: Store) -> dict[str, Any]:
    """Nodes (name, kind, sessions, href) and weighted edges, strongest actors first."""
    present: defaultdict[str, set[str]] = defaultdict(set)
    coalitions: set[str] = set()
    for sid, name in store.session_coalitions():
        present[sid].add(name)
        coalitions.add(name)
    for sid, name in store.session_affiliations():
        present[sid].add(name)
    sessions: Counter[str] = Counter(name for names in present.values() for name in names)
    weights: Counter[tuple[str, str]] = Counter()
    for names in present.values():
        for a, b in combinations(sorted(names), 2):
            weights[(a, b)] += 1
    degree: Counter[str] = Counter()
    for (a, b), w in weights.items():
        degree[a] += w
        degree[b] += w
    keep = sorted(sessions, key=lambda n: (-degree[n], -sessions[n], n.casefold()))[:MAX_NODES]
    kept = set(keep)
    nodes = []
    for name in keep:
        kind = node_kind(name, coalitions)
        nodes.append(
            {"id": slug(name), "name": name, "kind": kind, "sessions": sessions[name], "href": _href(name, kind)}
        )
    edges = [
        {"source": slug(a), "target": slug(b), "weight": w}
        for (a, b), w in sorted(weights.items())
        if a in kept and b in kept
    ]
    return {"nodes": nodes, "edges": edges}


def layout(graph: dict[str, Any], radius: int = 320, margin: int = 240) -> dict[str, Any]:
    """Circle layout: x/y per node (coalitions first, then NRIs, then institutions)."""
    order = {"coalition": 0, "nri": 1, "institution": 2}
    nodes = sorted(graph["nodes"], key=lambda n: (order.get(n["kind"], 3), n["name"].casefold()))
    width, height = 2 * (radius + margin), 2 * radius + 60
    cx, cy = width / 2, height / 2
    placed = []
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / max(1, len(nodes)) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        anchor = "start" if math.cos(angle) >= 0 else "end"
        lx = x + (10 if anchor == "start" else -10)
        label = node["name"] if len(node["name"]) <= 30 else node["name"][:29] + "…"
        placed.append(
            {
                **node,
                "label": label,
                "x": round(x, 1),
                "y": round(y, 1),
                "lx": round(lx, 1),
                "anchor": anchor,
                "r": round(5 + 3 * math.log1p(node["sessions"]), 1),
            }
        )
    where = {n["id"]: n for n in placed}
    lines = [
        {
            **e,
            "x1": where[e["source"]]["x"],
            "y1": where[e["source"]]["y"],
            "x2": where[e["target"]]["x"],
            "y2": where[e["target"]]["y"],
            "width": round(min(6.0, 0.8 + math.log1p(e["weight"])), 1),
        }
        for e in graph["edges"]
        if e["source"] in where and e["target"] in where
    ]
    return {"width": width, "height": height, "nodes": placed, "edges": lines}
