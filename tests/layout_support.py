"""A store whose cooperation graph has clusters, weights above 1 and long names, for the graph and layout tests.

The portal store of `web_support` has one analysed session, so its graph is a single
clique of weight-1 edges. Here small transcripts are ingested with the real pipeline:
coalition representatives introduce themselves ("I speak for the Dynamic Coalition on
…"), as in real sessions, and the resolve stage finds the coalitions. Two groups of
coalitions meet in several sessions each (heavy edges inside a group), one session
joins the groups (a weight-1 bridge), and one coalition appears alone. Coalition names
come from the registry in order, so the labels are the real, long names.
"""

from __future__ import annotations

from pathlib import Path

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.resolve import load_registry
from forumlens.store import open_store

SPEAKERS = ["ANA PEREIRA", "BRUNO COSTA", "CHEN WEI", "DIANA OKAFOR", "EMIL NOVAK", "FATIMA ZAHRA", "GEORGE MBEKI"]


def _transcript(year: int, number: int, coalitions: list[str]) -> str:
    lines = [
        f"IGF {year} - Workshop #{number} on shared work between coalitions",
        "",
        ">> MODERATOR: Welcome to this workshop. Each coalition will present its work and its funding needs.",
        "",
    ]
    for speaker, name in zip(SPEAKERS, coalitions):
        long_name = name.replace("DC on ", "Dynamic Coalition on ", 1)
        lines += [
            f">> {speaker}: Thank you. I speak for the {long_name}. Our coalition needs funding and visibility, "
            "and we will publish our annual report with the other coalitions here.",
            "",
        ]
    return "\n".join(lines) + "\n"


def cluster_groups() -> tuple[list[str], list[str], str]:
    """Two groups of four registry coalitions with long names, and one more that appears alone."""
    names = [e.name for e in load_registry().of_kind("dc") if e.name.startswith("DC on ") and len(e.name) > 24]
    return names[:4], names[4:8], names[8]


def build_cluster_store(folder: Path, location: str | None = None) -> str:
    """Ingest the clustered sessions into `location` (default: a SQLite file in `folder`); returns it."""
    first, second, alone = cluster_groups()
    sessions = [
        *[(2019 + i, i, first) for i in range(3)],  # the first group meets three times
        *[(2019 + i, 10 + i, second) for i in range(2)],  # the second group twice
        (2022, 20, [first[0], second[0]]),  # one session bridges the groups
        (2023, 30, [alone]),
    ]
    paths = []
    for year, number, coalitions in sessions:
        path = folder / f"cluster-{number}.txt"
        path.write_text(_transcript(year, number, coalitions), "utf-8")
        paths.append(path)
    location = location or str(folder / "clusters.sqlite3")
    with open_store(location) as store:
        outcomes = ingest_paths(store, paths, IngestOptions(max_bytes=1_000_000))
    assert all(o.status == "ingested" for o in outcomes), outcomes
    return location
