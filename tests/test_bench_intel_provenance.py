"""bench/intel.py's asks by provenance (issue 22, stop 43): the development pool split into the sets the
shipped ask model is in-sample on and the sets it never saw, read from the model's own notes."""

from pathlib import Path

from .bench_support import load_bench

intel = load_bench("intel")
train = load_bench("train_asks")


def test_the_shipped_model_names_the_sets_its_rows_came_from():
    # The round-12 fit: its 1,812 rows are the row files of that commit, whose informed-by lines name the
    # development files, rounds 1-8's gold rows and round12.tsv's asks_blind11.
    informed = intel.model_provenance()
    assert informed == {"analyse", "asks_blind11", "asks_blind", *(f"asks_blind{n}" for n in range(2, 9))}


def test_the_split_puts_rounds_1_to_8_and_11_in_sample_and_every_other_round_apart():
    informed = intel.model_provenance()
    sets = {k: v for k, v in intel.ASK_SETS.items() if k not in intel.BLIND_SETS}
    asked = {name for name in sets if "questions only" not in name}
    rows = {name: _row((1, 0, 0), (1, 0, 0) if name in asked else (0, 2, 0)) for name in sets}
    split = intel.provenance_split(rows, sets, informed)
    seen, unseen = set(split["seen"][0]), set(split["unseen"][0])
    assert seen == {"dev", "dev (blind11)", *(f"dev (blind{n})" for n in range(1, 9))}
    assert {"dev (blind9)", "dev (blind10)", "dev (blind12)", "dev (blind27)"} <= unseen
    assert not seen & unseen and seen | unseen == set(split["pooled"][0]) == asked


def _row(line: tuple[int, int, int], category: tuple[int, int, int]) -> list[float]:
    return [0.0] * 5 + [*map(float, line), *map(float, category)] + [0.0] * 4


def test_the_groups_pool_ask_lines_and_categories_and_leave_the_blind_and_unasked_sets_out():
    sets = {"dev": [Path("x/analyse")], "dev (r2)": [Path("x/r2")], "dev (r3)": [Path("x/r3")]}
    blind = next(iter(intel.BLIND_SETS))
    sets[blind] = [Path("x/r4")]
    rows = {
        "dev": _row((10, 1, 2), (8, 3, 4)),
        "dev (r2)": _row((5, 0, 1), (4, 1, 2)),
        "dev (r3)": _row((7, 2, 0), (3, 6, 4)),
        blind: _row((9, 9, 9), (9, 9, 9)),
        "dev (questions)": _row((0, 3, 0), (0, 3, 0)),  # no annotated ask: its asks are not scored
    }
    sets["dev (questions)"] = [Path("x/r5")]
    split = intel.provenance_split(rows, sets, frozenset({"analyse", "r3"}))
    names, line, category = split["seen"]
    assert names == ["dev", "dev (r3)"] and (line.tp, line.fp, line.fn) == (17, 3, 2)
    assert (category.tp, category.fp, category.fn) == (11, 9, 8)
    names, line, category = split["unseen"]
    assert names == ["dev (r2)"] and (category.tp, category.fp, category.fn) == (4, 1, 2)
    assert split["pooled"][2].tp == 15 and split["pooled"][2].fp == 10
    assert blind not in split["pooled"][0] and "dev (questions)" not in split["pooled"][0]


def test_a_fit_records_the_sets_its_rows_were_informed_by():
    rows = [
        train.Row("a.tsv", 1, "ask", "funding", "We need money.", "", frozenset({"asks_blind9"})),
        train.Row("b.tsv", 1, "none", "-", "Thank you.", "", frozenset()),
        train.Row("c.tsv", 1, "ask", "agenda", "Put it on the agenda.", "", frozenset({"analyse", "asks_blind9"})),
    ]
    assert train.provenance(rows) == ["analyse", "asks_blind9"]
    assert train.provenance(rows[1:2]) == []
