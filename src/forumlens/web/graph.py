"""The cooperation graph: coalitions, institutions and NRIs linked by co-appearance.

Two actors are linked when they appear in the same session: a coalition presented or
was mentioned there (the coalitions analysis), or a speaker spoke for an institution
or national/regional IGF (people's affiliations). The weight is the number of shared
sessions. `build_graph` reads the store; `layout` is pure: a force-directed layout so
that clusters show, labels that never overlap (`graph_layout`), and a threshold on the
edge weight (`GraphLayout.at`) so a dense graph shows its strong ties first. The
positions do not depend on the threshold: moving it hides or shows lines and keeps
every node where it was, so the reader keeps their bearings. Deterministic, so the SVG
is stable, cacheable and needs no JavaScript.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from ..resolve import load_registry
from ..store.base import Store
from .graph_layout import ASCENT, Box, Circle, force_layout, place_labels, separate, shorten
from .views import slug

__all__ = [
    "GraphLayout",
    "GraphView",
    "build_graph",
    "default_min_weight",
    "layout",
    "node_href",
    "node_kind",
    "parse_min_weight",
]

MAX_NODES = 60
FONT = 12.0  # label font size in SVG units (the stylesheet draws graph labels at 12px)
LABEL_CHARS = (26, 18, 12)  # label lengths to try, longest first; the full name is in the tooltip
EDGE_BUDGET_PER_NODE = 2  # a graph with more edges than this many per node is dense
TABLE_SESSIONS = 3  # sessions listed per pair in the table (the rest are counted)
_CACHE_SIZE = 16
_cache: OrderedDict[tuple[Any, ...], GraphLayout] = OrderedDict()
_cache_lock = threading.Lock()


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


def node_href(name: str) -> str:
    """Where an actor named anywhere on the portal links: a coalition's page, else the sessions it spoke in."""
    return _href(name, node_kind(name, set()))


def build_graph(store: Store) -> dict[str, Any]:
    """Nodes (name, kind, sessions, href) and weighted edges, strongest actors first.

    Each edge lists the sessions its two actors share (`sessions`, ids); `titles` maps
    those ids to session titles, for the table beside the picture.
    """
    present: defaultdict[str, set[str]] = defaultdict(set)
    coalitions: set[str] = set()
    for sid, name in store.session_coalitions():
        present[sid].add(name)
        coalitions.add(name)
    for sid, name in store.session_affiliations():
        present[sid].add(name)
    sessions: Counter[str] = Counter(name for names in present.values() for name in names)
    shared: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    for sid in sorted(present):
        for a, b in combinations(sorted(present[sid]), 2):
            shared[(a, b)].append(sid)
    degree: Counter[str] = Counter()
    for (a, b), sids in shared.items():
        degree[a] += len(sids)
        degree[b] += len(sids)
    keep = sorted(sessions, key=lambda n: (-degree[n], -sessions[n], n.casefold()))[:MAX_NODES]
    kept = set(keep)
    nodes = []
    for name in keep:
        kind = node_kind(name, coalitions)
        nodes.append(
            {"id": slug(name), "name": name, "kind": kind, "sessions": sessions[name], "href": _href(name, kind)}
        )
    pairs = [(a, b, sids) for (a, b), sids in sorted(shared.items()) if a in kept and b in kept]
    edges: list[dict[str, Any]] = [
        {"source": slug(a), "target": slug(b), "weight": len(sids), "sessions": sids} for a, b, sids in pairs
    ]
    used = {sid for _a, _b, sids in pairs for sid in sids}
    titles = {sid: title for sid, title, _year in store.latest_sessions(store.session_count()) if sid in used}
    return {"nodes": nodes, "edges": edges, "titles": dict(sorted(titles.items()))}


def default_min_weight(weights: list[int], nodes: int) -> int:
    """The threshold shown first: the lowest weight that leaves at most 2 edges per node.

    A sparse graph shows every edge (1). A dense one hides its weakest ties, but never
    all of them: when every edge has the same weight, that weight is the answer.
    """
    budget = EDGE_BUDGET_PER_NODE * max(1, nodes)
    for candidate in sorted(set(weights)):
        if sum(1 for w in weights if w >= candidate) <= budget:
            return candidate
    return max(weights, default=1)


def parse_min_weight(raw: str | int | None, default: int, highest: int) -> int:
    """The threshold asked for in a query string, clamped to 1…highest; `default` when absent or not a number."""
    if raw is None or str(raw).strip() == "":
        return default
    try:
        value = int(str(raw).strip())
    except ValueError:
        return default
    return min(max(1, value), max(1, highest))


@dataclass(frozen=True)
class GraphView:
    """The graph at one threshold: the edges drawn (light first) and the table's rows (heavy first)."""

    min_weight: int
    edges: list[dict[str, Any]]
    rows: list[dict[str, Any]]
    hidden: int  # edges below the threshold
    linked: frozenset[str]  # node ids with at least one edge drawn


@dataclass(frozen=True)
class GraphLayout:
    """Positions, radii and labels of every node, coordinates of every edge, and the threshold choices."""

    width: int
    height: int
    font: float
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    weights: list[int] = field(default_factory=list)  # the distinct edge weights, ascending
    min_weight: int = 1  # the default threshold (`default_min_weight`)
    unlabelled: int = 0  # nodes whose label could not be placed without an overlap

    def at(self, raw: str | int | None = None) -> GraphView:
        """The view at threshold `raw` (a query parameter: text, a number or nothing for the default)."""
        wanted = parse_min_weight(raw, self.min_weight, max(self.weights, default=1))
        shown = [e for e in self.edges if e["weight"] >= wanted]
        rows = sorted(shown, key=lambda e: (-e["weight"], e["source_name"].casefold(), e["target_name"].casefold()))
        linked = frozenset({e["source"] for e in shown} | {e["target"] for e in shown})
        return GraphView(wanted, shown, rows, len(self.edges) - len(shown), linked)


_COALITION_PREFIX = re.compile(r"^(?:DC|Dynamic Coalition) on (?:the )?", re.IGNORECASE)


def _label_name(node: dict[str, Any]) -> str:
    """The name a label starts from: a coalition's without the "DC on" every coalition shares (its colour says it)."""
    name = str(node["name"])
    if node.get("kind") == "coalition":
        short = _COALITION_PREFIX.sub("", name)
        if short:
            return short[0].upper() + short[1:]
    return name


def _hit_area(c: Circle, label: Box) -> tuple[float, float, float, float]:
    """(x, y, width, height) of one clickable rectangle over a node and its label, gap between them included.

    Without it a click (or a test's click on the link's centre) between the circle and
    its label would land on the canvas instead of the link.
    """
    x0, y0 = math.floor(10 * min(c.x - c.r, label.x0)) / 10, math.floor(10 * min(c.y - c.r, label.y0)) / 10
    x1, y1 = math.ceil(10 * max(c.x + c.r, label.x1)) / 10, math.ceil(10 * max(c.y + c.r, label.y1)) / 10
    return x0, y0, round(x1 - x0, 1), round(y1 - y0, 1)  # rounded outwards: never smaller than what it covers


def _radius(sessions: int) -> float:
    return round(5 + 3 * math.log1p(sessions), 1)


def _size(nodes: int) -> tuple[int, int]:
    """Canvas size: a fixed width (about the column's, so 12-unit labels read at about 12px) and a height that grows."""
    return 860, int(min(760, max(420, 360 + 8 * nodes)))


def _key(graph: dict[str, Any]) -> tuple[Any, ...]:
    nodes = tuple((n["id"], n["name"], n["kind"], n["sessions"], n["href"]) for n in graph["nodes"])
    edges = tuple((e["source"], e["target"], e["weight"], tuple(e.get("sessions", ()))) for e in graph["edges"])
    return nodes, edges, tuple(sorted(graph.get("titles", {}).items()))


def layout(graph: dict[str, Any]) -> GraphLayout:
    """Place the graph of `build_graph` (pure and deterministic; the last few layouts are memoised).

    The force layout is the expensive part (≈ n² work per step), and the page asks
    for the same graph at several thresholds, so the result is kept per graph content.
    """
    key = _key(graph)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    placed = _layout(graph)
    with _cache_lock:
        _cache[key] = placed
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return placed


def _layout(graph: dict[str, Any]) -> GraphLayout:
    nodes = graph["nodes"]
    ids = {n["id"] for n in nodes}
    edges = [e for e in graph["edges"] if e["source"] in ids and e["target"] in ids]
    width, height = _size(len(nodes))
    margin = 2 + max((_radius(n["sessions"]) for n in nodes), default=0)
    inner = force_layout(
        ids,
        [(e["source"], e["target"], e["weight"]) for e in edges],
        width=width - 2 * margin,
        height=height - 2 * margin,
    )
    circles = [
        Circle(
            n["id"],
            inner[n["id"]][0] + margin,
            inner[n["id"]][1] + margin,
            _radius(n["sessions"]),
            tuple(dict.fromkeys(shorten(_label_name(n), limit) for limit in LABEL_CHARS)),
        )
        for n in nodes  # the graph's order: strongest actors first, so they get the best label spots
    ]
    circles = separate(circles, width=width, height=height)
    labels = place_labels(circles, width=width, height=height, size=FONT)
    ascent = ASCENT * FONT  # the baseline sits this far below the top of the label's box
    where = {c.id: c for c in circles}
    placed = []
    for n in nodes:
        c, spot = where[n["id"]], labels[n["id"]]
        placed.append(
            {
                **n,
                "x": c.x,
                "y": c.y,
                "r": c.r,
                "label": spot.text if spot else "",
                "lx": round(spot.box.x0, 1) if spot else c.x,
                "ly": round(spot.box.y0 + ascent, 1) if spot else c.y,
                "box": spot.box if spot else None,
                "hit": _hit_area(c, spot.box) if spot else None,
            }
        )
    names = {n["id"]: n["name"] for n in nodes}
    hrefs = {n["id"]: n["href"] for n in nodes}
    titles = graph.get("titles", {})
    lines = [
        {
            **e,
            "source_name": names[e["source"]],
            "target_name": names[e["target"]],
            "source_href": hrefs[e["source"]],
            "target_href": hrefs[e["target"]],
            "shared": [(sid, titles.get(sid, sid)) for sid in e.get("sessions", [])[:TABLE_SESSIONS]],
            "more": max(0, len(e.get("sessions", [])) - TABLE_SESSIONS),
            "x1": where[e["source"]].x,
            "y1": where[e["source"]].y,
            "x2": where[e["target"]].x,
            "y2": where[e["target"]].y,
            "width": round(min(6.0, 0.8 + math.log1p(e["weight"])), 1),
        }
        for e in sorted(edges, key=lambda e: (e["weight"], e["source"], e["target"]))  # heavy lines drawn last
    ]
    weights = sorted({int(e["weight"]) for e in edges})
    return GraphLayout(
        width=width,
        height=height,
        font=FONT,
        nodes=placed,
        edges=lines,
        weights=weights,
        min_weight=default_min_weight([int(e["weight"]) for e in edges], len(nodes)),
        unlabelled=sum(1 for spot in labels.values() if spot is None),
    )
