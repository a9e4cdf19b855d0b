"""The cooperation graph (issue 17, item 16): a force layout that shows clusters, labels that never overlap,
an edge-weight threshold, and a table of links beside the picture.

The layout functions are pure and tested on graphs built here; the page is tested over a
store filled by the real pipeline (`layout_support`: two groups of coalitions that meet
several times, a weight-1 bridge between them, and one coalition alone).
"""

from __future__ import annotations

import itertools
import math
import random
import warnings
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.store import open_store
from forumlens.web import create_app
from forumlens.web.graph import build_graph, default_min_weight, layout, parse_min_weight
from forumlens.web.graph_layout import (
    Box,
    Circle,
    components,
    force_layout,
    place_labels,
    separate,
    shorten,
    text_width,
)

from .layout_support import build_cluster_store, cluster_groups
from .web_support import build_web_store, web_settings


def _two_clusters() -> tuple[list[str], list[tuple[str, str, float]]]:
    """Two cliques of six joined by one light edge, and three nodes without edges."""
    left = [f"left-{i}" for i in range(6)]
    right = [f"right-{i}" for i in range(6)]
    edges = [(a, b, 3.0) for a, b in itertools.combinations(left, 2)]
    edges += [(a, b, 2.0) for a, b in itertools.combinations(right, 2)]
    edges.append((left[0], right[0], 1.0))
    return [*left, *right, "alone-1", "alone-2", "alone-3"], edges


def _mean_distances(pos: dict[str, tuple[float, float]], edges: list[tuple[str, str, float]]) -> tuple[float, float]:
    linked = {frozenset((a, b)) for a, b, _ in edges}
    near, far = [], []
    for a, b in itertools.combinations(sorted(pos), 2):
        (near if frozenset((a, b)) in linked else far).append(math.dist(pos[a], pos[b]))
    return sum(near) / len(near), sum(far) / len(far)


def _overlapping(boxes: list[Box]) -> list[tuple[Box, Box]]:
    return [(a, b) for a, b in itertools.combinations(boxes, 2) if a.overlaps(b)]


# -- pure layout ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, limit, expected",
    [
        ("Core Internet Values", 26, "Core Internet Values"),
        ("Children's Rights in the Digital Environment", 26, "Children's Rights in the…"),
        ("Children's Rights in the Digital Environment", 12, "Children's…"),
        ("Internet Standards, Security and Safety", 22, "Internet Standards…"),
        ("Supercalifragilisticexpialidocious", 10, "Supercali…"),
        ("  spaced   out  ", 26, "spaced out"),
    ],
)
def test_shorten_cuts_at_a_word_and_marks_the_cut(name, limit, expected):
    assert shorten(name, limit) == expected and len(shorten(name, limit)) <= limit


def test_text_width_grows_with_the_text_and_the_font():
    assert text_width("mmmm", 12) > text_width("iiii", 12) > 0
    assert text_width("Core Internet Values", 24) == pytest.approx(2 * text_width("Core Internet Values", 12))


def test_components_split_the_graph_largest_first():
    ids, edges = _two_clusters()
    groups = components(ids, edges)
    assert [len(g) for g in groups] == [12, 1, 1, 1]
    assert components(ids, [e for e in edges if e[2] > 1]) == [
        sorted(ids[:6]),
        sorted(ids[6:12]),
        ["alone-1"],
        ["alone-2"],
        ["alone-3"],
    ]


def test_connected_nodes_sit_closer_than_unconnected_ones():
    ids, edges = _two_clusters()
    pos = force_layout(ids, edges, width=860, height=560)
    near, far = _mean_distances(pos, edges)
    assert near < 0.6 * far, (near, far)
    assert all(0 <= x <= 860 and 0 <= y <= 560 for x, y in pos.values())


def test_clusters_show_a_bridge_is_longer_than_the_ties_inside_a_cluster():
    ids, edges = _two_clusters()
    pos = force_layout(ids, edges, width=860, height=560)
    inside = [math.dist(pos[a], pos[b]) for a, b, w in edges if w > 1]
    bridge = math.dist(pos["left-0"], pos["right-0"])
    assert bridge > sum(inside) / len(inside)


def test_a_random_sparse_graph_also_keeps_neighbours_close():
    rng = random.Random(5)
    ids = [f"n{i:02d}" for i in range(40)]
    edges = [(a, b, float(rng.randint(1, 4))) for a, b in itertools.combinations(ids, 2) if rng.random() < 0.08]
    near, far = _mean_distances(force_layout(ids, edges, width=860, height=680), edges)
    assert near < 0.8 * far, (near, far)


def test_the_layout_is_deterministic_whatever_the_input_order():
    ids, edges = _two_clusters()
    first = force_layout(ids, edges, width=860, height=560)
    assert force_layout(ids, edges, width=860, height=560) == first
    shuffled_ids, shuffled_edges = ids[:], edges[:]
    random.Random(1).shuffle(shuffled_ids)
    random.Random(2).shuffle(shuffled_edges)
    assert force_layout(shuffled_ids, shuffled_edges, width=860, height=560) == first
    assert force_layout(ids, edges, width=860, height=560, seed=8) != first


def test_separate_keeps_circles_apart_and_on_the_canvas():
    rng = random.Random(4)
    circles = [Circle(f"c{i}", rng.uniform(95, 105), rng.uniform(95, 105), 12, ("x",)) for i in range(8)]  # a heap
    apart = separate(circles, width=300, height=200)
    for a, b in itertools.combinations(apart, 2):
        assert math.dist((a.x, a.y), (b.x, b.y)) >= a.r + b.r + 5.9
    assert all(c.r <= c.x <= 300 - c.r and c.r <= c.y <= 200 - c.r for c in apart)


def _crowd(count: int, seed: int = 3) -> list[Circle]:
    """`count` nodes with long names scattered over a small canvas: labels must give way."""
    rng = random.Random(seed)
    names = [f"Dynamic Coalition number {i} on very long topics" for i in range(count)]
    return [
        Circle(f"n{i}", rng.uniform(20, 580), rng.uniform(20, 380), 8, (shorten(n, 26), shorten(n, 12)))
        for i, n in enumerate(names)
    ]


def test_labels_never_overlap_each_other_nor_any_node():
    circles = separate(_crowd(45), width=600, height=400)
    spots = place_labels(circles, width=600, height=400, size=12)
    boxes = [s.box for s in spots.values() if s]
    assert len(boxes) >= 15  # most labels still find a place...
    assert len(boxes) < len(circles)  # ...and this crowd is too dense for all: some give way
    assert not _overlapping(boxes)
    for box in boxes:
        assert box.inside(600, 400)
        assert not any(box.hits_circle(c.x, c.y, c.r) for c in circles)


def test_a_label_that_does_not_fit_long_is_tried_short():
    wall = [Circle("a", 100, 50, 6, ("A label much too long to fit beside",)), Circle("b", 190, 50, 6, ("b",))]
    spots = place_labels(wall, width=200, height=100, size=12)
    assert spots["a"] is None  # no spot holds it
    wall[0] = Circle("a", 100, 50, 6, ("A label much too long to fit beside", "A label…"))
    spots = place_labels(wall, width=200, height=100, size=12)
    assert spots["a"] is not None and spots["a"].text == "A label…"


@pytest.mark.parametrize(
    "weights, nodes, expected",
    [
        ([1, 1, 2], 5, 1),  # sparse: everything shown
        ([1] * 40 + [2] * 6 + [3] * 2, 10, 2),  # dense: weight-1 edges hidden first
        ([1] * 40 + [2] * 30 + [3] * 4, 10, 3),
        ([1] * 137, 19, 1),  # dense but all alike: never hide everything
        ([], 3, 1),
    ],
)
def test_default_threshold_hides_weak_ties_only_in_a_dense_graph(weights, nodes, expected):
    assert default_min_weight(weights, nodes) == expected


@pytest.mark.parametrize(
    "raw, expected", [(None, 2), ("", 2), ("3", 3), (" 1 ", 1), ("0", 1), ("-4", 1), ("99", 4), ("two", 2), (3, 3)]
)
def test_parse_min_weight(raw, expected):
    assert parse_min_weight(raw, default=2, highest=4) == expected


# -- the graph of a real store ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster_store(tmp_path_factory) -> str:
    return build_cluster_store(tmp_path_factory.mktemp("graph-clusters"))


@pytest.fixture(scope="module")
def dense_store(tmp_path_factory) -> str:
    """The portal store (one analysed session: a clique of weight-1 ties) plus the clustered sessions."""
    folder: Path = tmp_path_factory.mktemp("graph-dense")
    return build_cluster_store(folder, build_web_store(folder))


def test_edges_list_their_shared_sessions(cluster_store):
    with open_store(cluster_store, readonly=True) as store:
        graph = build_graph(store)
    assert graph["edges"] and all(e["weight"] == len(e["sessions"]) for e in graph["edges"])
    assert {sid for e in graph["edges"] for sid in e["sessions"]} == set(graph["titles"])
    assert all(title.startswith("IGF ") for title in graph["titles"].values())


def test_the_store_graph_shows_its_clusters_and_labels_fit(cluster_store):
    first, second, alone = cluster_groups()
    with open_store(cluster_store, readonly=True) as store:
        placed = layout(build_graph(store))
    where = {n["name"]: (n["x"], n["y"]) for n in placed.nodes}
    assert set(where) == {*first, *second, alone}
    inside = [math.dist(where[a], where[b]) for group in (first, second) for a, b in itertools.combinations(group, 2)]
    across = [math.dist(where[a], where[b]) for a in first for b in second]
    assert max(sum(inside) / len(inside), 1) < 0.7 * sum(across) / len(across)
    boxes = [n["box"] for n in placed.nodes if n["label"]]
    assert len(boxes) == len(placed.nodes) and not _overlapping(boxes)  # nine nodes: every label fits
    for n in placed.nodes:
        assert len(n["label"]) <= 26 and "DC on" not in n["label"]  # coalition labels drop the shared prefix
        x, y, w, h = n["hit"]  # one click target over the circle and its label
        assert x <= min(n["x"] - n["r"], n["box"].x0) + 1e-6 and x + w >= max(n["x"] + n["r"], n["box"].x1) - 1e-6
        assert y <= min(n["y"] - n["r"], n["box"].y0) + 1e-6 and y + h >= max(n["y"] + n["r"], n["box"].y1) - 1e-6


def test_the_dense_graph_hides_weight_one_edges_by_default(dense_store):
    with open_store(dense_store, readonly=True) as store:
        placed = layout(build_graph(store))
    assert len(placed.edges) > 2 * len(placed.nodes)  # dense
    view = placed.at(None)
    assert view.min_weight == 2 and view.edges and all(e["weight"] >= 2 for e in view.edges)
    assert view.hidden == sum(1 for e in placed.edges if e["weight"] < 2) > 0
    assert placed.at("1").edges == placed.edges and placed.at("1").hidden == 0
    labelled = [n["box"] for n in placed.nodes if n["label"]]
    assert len(labelled) >= 0.75 * len(placed.nodes) and not _overlapping(labelled)
    assert placed.unlabelled == len(placed.nodes) - len(labelled)


# -- the page ------------------------------------------------------------------------------------------


def _page(client: TestClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    return BeautifulSoup(response.text, "html.parser")


def test_the_page_draws_the_threshold_and_the_table(dense_store):
    with TestClient(create_app(dense_store, web_settings(dense_store))) as c:
        data = c.get("/api/graph").json()
        heavy = [e for e in data["edges"] if e["weight"] >= 2]
        page = _page(c, "/graph")
        assert len(page.select("svg.graph .edges line")) == len(heavy)
        assert page.select_one('select[name="min_weight"] option[selected]')["value"] == "2"
        rows = page.select("table.pairs tbody tr")
        assert len(rows) == len(heavy)
        shown = [int(r.select_one("td.num").get_text()) for r in rows]
        assert shown == sorted(shown, reverse=True) and min(shown) >= 2
        assert all(r.select('a[href^="/sessions/"]') for r in rows)  # each pair names its shared sessions
        everything = _page(c, "/graph?min_weight=1")
        assert len(everything.select("svg.graph .edges line")) == len(data["edges"])
        assert len(everything.select("table.pairs tbody tr")) == len(data["edges"])
        assert len(_page(c, "/graph?min_weight=nonsense").select("svg.graph .edges line")) == len(heavy)
        assert len(_page(c, "/graph?min_weight=3").select("svg.graph .edges line")) == sum(
            1 for e in data["edges"] if e["weight"] >= 3
        )


def test_every_node_keeps_its_full_name_in_its_tooltip(dense_store):
    with TestClient(create_app(dense_store, web_settings(dense_store))) as c:
        names = {n["name"] for n in c.get("/api/graph").json()["nodes"]}
        page = _page(c, "/graph")
    titles = {a.find("title").get_text().rsplit(" (", 1)[0] for a in page.select("svg.graph a.node")}
    assert titles == names
    for text in page.select("svg.graph a.node text"):
        assert len(text.get_text()) <= 26
