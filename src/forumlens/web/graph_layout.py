"""Pure geometry for the cooperation graph: a force-directed layout and labels that do not collide.

The page draws the graph as a static SVG (no JavaScript), so the layout is computed here,
server-side, and must be deterministic: the same graph always gives the same picture
(a fixed seed, nodes visited in sorted order), which keeps the page cacheable and testable.

- `force_layout`: Fruchterman-Reingold (1991). Every pair of nodes repels (k²/d), every
  edge pulls its ends together (d²/k, stronger for heavier edges), and a weak pull to
  the centre keeps separate components on the canvas. The step size cools linearly.
  Strongly connected groups end up close together, which is what makes clusters visible.
- `separate`: pushes apart nodes whose circles would touch.
- `place_labels`: greedy placement, most important node first: each label tries spots
  beside its node (right, left, above, below, the diagonals) and takes the first whose
  box stays on the canvas and overlaps no other label and no node; if none fits, a
  shorter label is tried, and as a last resort the label is left out (the full name is
  always in the node's tooltip and in the table beside the graph).

Text widths are estimated from per-character advance widths of DejaVu Sans (the widest
of the common sans-serif fonts, and the default one on Linux) with a margin, so an
estimated box is never smaller than the box the browser draws.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "ASCENT",
    "Box",
    "Circle",
    "LabelSpot",
    "components",
    "force_layout",
    "place_labels",
    "separate",
    "shorten",
    "text_box_height",
    "text_width",
]

# advance widths in em (DejaVu Sans, rounded up); anything not listed counts as a full em
_NARROW = dict.fromkeys("ijlI.,:;'|!` ", 0.34)
_SEMI = dict.fromkeys('frt()-/[]"', 0.43)
_WIDE = {"m": 0.98, "w": 0.83, "M": 0.87, "W": 1.0, "&": 0.8, "%": 0.96, "@": 1.0}
_WIDTHS: dict[str, float] = {
    **dict.fromkeys("ABCDEFGHJKLNOPQRSTUVXYZ", 0.80),
    **dict.fromkeys("abcdeghknopqsuvxyz", 0.64),
    **dict.fromkeys("0123456789", 0.64),
    **_SEMI,
    **_NARROW,
    **_WIDE,
}
SLACK = 1.05  # fonts differ a little in their rounding and kerning: never under-estimate
ASCENT = 1.1  # of the em, above the baseline: generous for fonts with tall ascenders (Noto Sans)
DESCENT = 0.35


def text_width(text: str, size: float) -> float:
    """Estimated drawn width of `text` at font size `size` (an upper bound for common sans fonts)."""
    return sum(_WIDTHS.get(ch, 1.0) for ch in text) * size * SLACK


def text_box_height(size: float) -> float:
    """Height of a line of text's box at font size `size` (ascent plus descent)."""
    return (ASCENT + DESCENT) * size


def shorten(name: str, limit: int) -> str:
    """`name` cut to at most `limit` characters at a word boundary, with an ellipsis when cut."""
    name = " ".join(name.split())
    if len(name) <= limit:
        return name
    out = ""
    for word in name.split(" "):
        candidate = f"{out} {word}" if out else word
        if len(candidate) > limit - 1:
            break
        out = candidate
    if not out:  # a first word longer than the limit: cut inside it
        out = name[: limit - 1]
    return out.rstrip(" ,;:–-") + "…"


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle (x0, y0) – (x1, y1) in SVG user units (y grows downwards)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def inside(self, width: float, height: float) -> bool:
        return self.x0 >= 0 and self.y0 >= 0 and self.x1 <= width and self.y1 <= height

    def hits_circle(self, cx: float, cy: float, r: float) -> bool:
        """True when the circle reaches into the box (closest point of the box within `r`)."""
        nx = min(max(cx, self.x0), self.x1)
        ny = min(max(cy, self.y0), self.y1)
        return (cx - nx) ** 2 + (cy - ny) ** 2 < r * r


@dataclass(frozen=True)
class Circle:
    """A node as drawn: centre, radius, and the label texts to try, longest first."""

    id: str
    x: float
    y: float
    r: float
    labels: tuple[str, ...]


@dataclass(frozen=True)
class LabelSpot:
    """Where a node's label went: its text and box; the text's baseline is `box.y0 + ascent`."""

    text: str
    box: Box


def components(ids: Iterable[str], edges: Iterable[tuple[str, str, float]]) -> list[list[str]]:
    """Connected components (each sorted), largest first, then by first id: deterministic."""
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b, _w in edges:
        if a in parent and b in parent:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for i in sorted(parent):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _spring_layout(
    order: list[str], springs: list[tuple[int, int, float]], seed: int, iterations: int, aspect: float
) -> list[tuple[float, float]]:
    """Fruchterman-Reingold for one connected component, in a box of n units' area shaped like the canvas."""
    n = len(order)
    wide, high = math.sqrt(n * aspect), math.sqrt(n / aspect)
    rng = random.Random(f"{seed}:{order[0]}:{n}")
    xs = [rng.uniform(0, wide) for _ in order]
    ys = [rng.uniform(0, high) for _ in order]
    k2 = 1.0  # k²: the room of one node
    k = 1.0
    cx, cy = wide / 2, high / 2
    gravity = 0.05  # a light pull to the middle: no part of the component drifts off
    hot = min(wide, high) / 4
    for step in range(iterations):
        fx = [0.0] * n
        fy = [0.0] * n
        for i in range(n):
            xi, yi = xs[i], ys[i]
            for j in range(i + 1, n):
                dx, dy = xi - xs[j], yi - ys[j]
                d2 = dx * dx + dy * dy
                if d2 < 1e-9:  # coincident: separate them along a fixed direction
                    dx, dy, d2 = 1e-3 * (1 + i % 3), 1e-3 * (1 + j % 3), 2e-6
                f = k2 / d2
                fx[i] += dx * f
                fy[i] += dy * f
                fx[j] -= dx * f
                fy[j] -= dy * f
        for i, j, w in springs:
            dx, dy = xs[i] - xs[j], ys[i] - ys[j]
            f = math.sqrt(dx * dx + dy * dy) * w / k
            fx[i] -= dx * f
            fy[i] -= dy * f
            fx[j] += dx * f
            fy[j] += dy * f
        limit = hot * (1.0 - step / iterations) + 1e-3
        for i in range(n):
            gx = fx[i] - gravity * n * (xs[i] - cx)
            gy = fy[i] - gravity * n * (ys[i] - cy)
            d = math.hypot(gx, gy)
            if d > 0:
                s = min(d, limit) / d
                xs[i] += gx * s
                ys[i] += gy * s
    return _fit(xs, ys, wide, high)


def _grid(count: int) -> list[tuple[float, float]]:
    """Nodes without edges: a square grid, one unit apart, in their given order."""
    cols = max(1, math.ceil(math.sqrt(count)))
    return [(0.5 + i % cols, 0.5 + i // cols) for i in range(count)]


def _pack(cells: list[tuple[float, float]], aspect: float, gap: float = 0.8) -> list[tuple[float, float]]:
    """Offsets for boxes (w, h) on shelves, largest first, rows about as wide as `aspect` asks."""
    total = sum((w + gap) * (h + gap) for w, h in cells)
    row_limit = max(max((w for w, _ in cells), default=1.0), math.sqrt(total * aspect))
    offsets = []
    x = y = row_height = 0.0
    for w, h in cells:
        if x > 0 and x + w > row_limit:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        offsets.append((x, y))
        x += w + gap
        row_height = max(row_height, h)
    return offsets


def force_layout(
    ids: Iterable[str],
    edges: Iterable[tuple[str, str, float]],
    *,
    width: float,
    height: float,
    seed: int = 7,
    iterations: int = 300,
) -> dict[str, tuple[float, float]]:
    """Positions filling `width` × `height`; deterministic for a given seed (nodes are visited in sorted order).

    Each connected component gets its own Fruchterman-Reingold layout in a square sized
    to its node count, and the squares are packed on shelves (nodes without any edge
    share one grid). A single force layout would fling unconnected parts to the edges
    and squeeze the rest into a corner. Edge weights w ≥ 1 scale the attraction by
    1 + ln w, so a pair that shares many sessions sits closer than a pair that shares one.
    """
    order = sorted(set(ids))
    if not order:
        return {}
    edge_list = sorted((a, b, float(w)) for a, b, w in edges if a != b)
    groups = components(order, edge_list)
    linked = [g for g in groups if len(g) > 1]
    alone = [g[0] for g in groups if len(g) == 1]
    aspect = width / max(height, 1e-9)
    placed: list[tuple[list[str], list[tuple[float, float]]]] = []
    for group in linked:
        index = {name: i for i, name in enumerate(group)}
        springs = [
            (index[a], index[b], 1.0 + math.log(max(1.0, w))) for a, b, w in edge_list if a in index and b in index
        ]
        placed.append((group, _spring_layout(group, springs, seed, iterations, aspect)))
    if alone:
        placed.append((alone, _grid(len(alone))))
    cells = [(max(x for x, _ in pts) + 0.5, max(y for _, y in pts) + 0.5) for _, pts in placed]
    offsets = _pack(cells, aspect)
    xs: list[float] = []
    ys: list[float] = []
    names: list[str] = []
    for (group, pts), (ox, oy) in zip(placed, offsets):
        names += group
        xs += [ox + x for x, _ in pts]
        ys += [oy + y for _, y in pts]
    return dict(zip(names, _fit(xs, ys, width, height)))


def _fit(xs: list[float], ys: list[float], width: float, height: float) -> list[tuple[float, float]]:
    """Stretch the points to fill the canvas (each axis on its own), centred when an axis is flat."""
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    sx = width / (x1 - x0) if x1 - x0 > 1e-9 else 0.0
    sy = height / (y1 - y0) if y1 - y0 > 1e-9 else 0.0
    return [((x - x0) * sx if sx else width / 2, (y - y0) * sy if sy else height / 2) for x, y in zip(xs, ys)]


def separate(
    circles: Sequence[Circle], *, width: float, height: float, gap: float = 6.0, rounds: int = 60
) -> list[Circle]:
    """Circles pushed apart until no two are closer than their radii plus `gap`, kept on the canvas.

    The force layout spreads nodes by centre only; big nodes (many sessions) can still
    touch. A few rounds of pairwise pushes settle it without moving clusters much.
    """
    xs = [c.x for c in circles]
    ys = [c.y for c in circles]
    n = len(circles)
    for _ in range(rounds):
        moved = False
        for i in range(n):
            for j in range(i + 1, n):
                need = circles[i].r + circles[j].r + gap
                dx, dy = xs[j] - xs[i], ys[j] - ys[i]
                d = math.hypot(dx, dy)
                if d >= need:
                    continue
                if d < 1e-9:
                    dx, dy, d = 1.0, 0.0, 1.0
                push = (need - d) / 2 + 0.01
                ux, uy = dx / d, dy / d
                xs[i], ys[i] = xs[i] - ux * push, ys[i] - uy * push
                xs[j], ys[j] = xs[j] + ux * push, ys[j] + uy * push
                moved = True
        for i, c in enumerate(circles):
            xs[i] = min(max(xs[i], c.r + 1), width - c.r - 1)
            ys[i] = min(max(ys[i], c.r + 1), height - c.r - 1)
        if not moved:
            break
    return [Circle(c.id, round(x, 1), round(y, 1), c.r, c.labels) for c, x, y in zip(circles, xs, ys)]


def _spots(c: Circle, w: float, h: float, gap: float) -> list[Box]:
    """Candidate boxes for a w × h label beside circle `c`, in order of preference."""
    d = c.r * 0.7
    corners = [
        (c.x + c.r + gap, c.y - h / 2),  # right
        (c.x - c.r - gap - w, c.y - h / 2),  # left
        (c.x - w / 2, c.y - c.r - gap - h),  # above
        (c.x - w / 2, c.y + c.r + gap),  # below
        (c.x + d + gap, c.y - d - h),  # above right
        (c.x + d + gap, c.y + d),  # below right
        (c.x - d - gap - w, c.y - d - h),  # above left
        (c.x - d - gap - w, c.y + d),  # below left
    ]
    return [Box(x, y, x + w, y + h) for x, y in corners]


def place_labels(
    circles: Sequence[Circle], *, width: float, height: float, size: float, gap: float = 3.0, pad: float = 1.5
) -> dict[str, LabelSpot | None]:
    """A label spot per circle id (None when no label text fits anywhere), no two boxes overlapping.

    `circles` are taken in the order given (put the most important first: they get
    the best spots). Boxes keep `pad` clear of each other and of every node.
    """
    h = text_box_height(size)
    placed: list[Box] = []
    out: dict[str, LabelSpot | None] = {}
    for c in circles:
        out[c.id] = None
        for text in c.labels:
            if not text:
                continue
            w = text_width(text, size)
            for box in _spots(c, w, h, gap):
                grown = Box(box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad)
                if not box.inside(width, height):
                    continue
                if any(grown.overlaps(other) for other in placed):
                    continue
                if any(grown.hits_circle(o.x, o.y, o.r) for o in circles):
                    continue
                placed.append(box)
                out[c.id] = LabelSpot(text, box)
                break
            if out[c.id] is not None:
                break
    return out
