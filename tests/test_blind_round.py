"""The blind-round registry (bench/blind_round.py): one edit moves every benchmark and test on.

The folder names keep the history of the rounds (round 1 unnumbered, summaries two rounds
later), so the registry must give the folders that exist on disk for every earlier round and
never list this round's among them.
"""

from __future__ import annotations

from .bench_support import load_bench
from .blind_sets import BLIND_FOLDERS, blind_round, is_blind

RES = blind_round.RESOURCES


def test_round_names_follow_the_history_of_the_folders() -> None:
    assert blind_round.folder("asks", 1) == RES / "asks_blind"
    assert blind_round.folder("intel", 6) == RES / "intel_blind6"
    assert blind_round.folder("threads", 1) == blind_round.THREADS / "blind"
    assert blind_round.folder("summaries", 3) == RES / "summarise" / "held_out"
    assert blind_round.folder("summaries", 6) == RES / "summarise" / "held_out4"


def test_earlier_rounds_are_development_data_and_exist() -> None:
    for kind in blind_round.KINDS:
        earlier = blind_round.earlier(kind)
        assert earlier, kind
        assert blind_round.blind(kind) not in earlier
        assert all(folder.is_dir() for folder in earlier)
    # parsing had no second round: a missing round is skipped, not an error
    assert RES / "parse_blind2" not in blind_round.earlier("parse")
    assert blind_round.earlier("asks")[-1] == blind_round.folder("asks", blind_round.ROUND - 1)


def test_the_tests_guard_covers_every_blind_folder_under_tests() -> None:
    assert {blind_round.blind(k) for k in ("asks", "intel", "parse", "summaries")} == set(BLIND_FOLDERS)
    threads = blind_round.blind("threads")
    assert is_blind(threads / "session.txt")
    assert is_blind(threads.with_name(threads.name + ".gold.json"))
    assert not is_blind(blind_round.folder("threads", blind_round.ROUND - 1) / "session.txt")
    assert not is_blind(blind_round.earlier("asks")[-1] / "x.txt")


def test_labels_name_the_round() -> None:
    assert blind_round.label("asks", RES / "asks_blind") == "blind1"
    assert blind_round.label("intel", RES / "intel_blind6") == "blind6"
    assert blind_round.label("summaries", RES / "summarise" / "held_out4") == "held_out4"


def test_the_glossary_scan_reads_no_blind_folder() -> None:
    files = load_bench("glossary").scan_files()
    root = blind_round.ROOT
    blind_dirs = [str(b.relative_to(root)) + "/" for b in blind_round.ALL_BLIND]
    assert not [f for f in files if any(f.startswith(d) for d in blind_dirs)]
    last = str(blind_round.earlier("asks")[-1].relative_to(root)) + "/"
    assert any(f.startswith(last) for f in files)  # last round's set is development data and is read
