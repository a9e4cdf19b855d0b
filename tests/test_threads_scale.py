"""Threads at archive scale: kept links (both stores), the recency cap, and linking work that grows linearly.

The kept-links tests ingest the development corpus of bench/threads for real, so the
decisions kept by ingest and `analyse` are compared with a fresh link of the same items,
field for field; nothing here times anything (bench/threads_scale.py does).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.reanalyse import reanalyse
from forumlens.store import Store, open_store
from forumlens.threads import Item, LexicalScorer, Linked, link_items, make_scorer, service, store_items, store_threads
from forumlens.threads.link import Rules

DEV = Path(__file__).resolve().parents[1] / "bench" / "threads" / "dev"


def dump(linked: Linked) -> tuple[object, ...]:
    """Everything a reader of threads sees: the contract with decisions, every decision, where each item went."""
    linked.explained()
    return (
        [t.to_json(explain=True) for t in linked.threads],
        [d.to_json() for d in linked.decisions],
        [(d.score, d.candidates) for d in linked.decisions],  # unrounded
        [(i.session, i.line, i.seq, i.signal) for i in linked.subjects],
        linked.places,
        linked.linker,
    )


def fresh(store: Store, linker: str) -> Linked:
    items = store_items(store)
    return link_items(items, make_scorer(items, service.linker_name(linker)))


def kept_only(store: Store, monkeypatch: pytest.MonkeyPatch, linker: str = "auto") -> Linked:
    """The threads as `store_threads` rebuilds them from the kept decisions: linking is not allowed."""
    service._memo.clear()

    def no_linking(*_args: object, **_kwargs: object) -> Linked:
        raise AssertionError("linked again although the kept links are current")

    with monkeypatch.context() as patch:
        patch.setattr(service, "link_items", no_linking)
        linked = store_threads(store, linker=linker)
        assert linked.pending is not None  # rebuilt: the reasons are read when first explained…
        return linked.explained()  # … from the kept ones


def ingest(store: Store, paths: list[Path]) -> None:
    for outcome in ingest_paths(store, paths, IngestOptions()):
        assert outcome.status == "ingested", outcome.reason


def test_analyse_keeps_the_links_and_the_kept_threads_are_the_linked_ones(
    store_location: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(DEV.iterdir())
    store = open_store(store_location)
    try:
        ingest(store, files[:-1])
        assert store.thread_links() == {}  # an ingest extracts items but does not relink the store
        service.keep_threads(store)  # what `analyse` does after its sessions
        kept = store.thread_links()
        assert kept and len({row["stamp"] for row in kept.values()}) == 1
        assert {row["linker"] for row in kept.values()} == {service.linker_name("auto")}
        first = kept_only(store, monkeypatch)
        assert dump(first) == dump(fresh(store, "auto")) and first.threads
        assert {t.kind for t in first.threads} == {"ask", "commitment", "question"}

        ingest(store, files[-1:])  # a new session: the kept links are stale now, readers link afresh
        service._memo.clear()
        assert dump(store_threads(store, linker="auto")) == dump(fresh(store, "auto"))
        service.keep_threads(store)
        again = store.thread_links()
        assert set(again) > set(kept) and {row["stamp"] for row in again.values()} != {kept[next(iter(kept))]["stamp"]}
        second = kept_only(store, monkeypatch)
        assert dump(second) == dump(fresh(store, "auto"))
        new = sorted(set(again) - set(kept))
        assert any(item.session in new for t in second.threads for item in t.items)

        done = reanalyse(store, [new[0]])  # `analyse`: the session's analyses replaced, its links kept again
        assert done == 1
        assert dump(kept_only(store, monkeypatch)) == dump(fresh(store, "auto"))
    finally:
        store.close()


def test_stale_or_partial_kept_links_are_never_trusted(store_location: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(store_location)
    try:
        ingest(store, sorted(DEV.iterdir()))
        service.keep_threads(store, linker="lexical")  # what ingest does, with the lexical linker
        linked = fresh(store, "lexical")
        kept, reasons = store.thread_links(), {sid: json.loads(raw) for sid, raw in store.thread_reasons().items()}
        assert set(reasons) == set(kept)
        one = sorted(kept)[0]
        store.save_thread_links({sid: row for sid, row in kept.items() if sid != one}, reasons)  # links lost
        service._memo.clear()
        assert dump(store_threads(store, linker="lexical")) == dump(linked)
        with pytest.raises(AssertionError, match="linked again"):
            kept_only(store, monkeypatch, "lexical")
        store.save_thread_links({sid: {**row, "stamp": "0" * 40} for sid, row in kept.items()}, reasons)  # stale
        with pytest.raises(AssertionError, match="linked again"):
            kept_only(store, monkeypatch, "lexical")
        store.save_thread_links(kept, {sid: {**row, "stamp": "0" * 40} for sid, row in reasons.items()})
        with pytest.raises(AssertionError, match="linked again"):  # links current, their reasons stale
            kept_only(store, monkeypatch, "lexical")
        service._memo.clear()
        assert dump(store_threads(store, linker="lexical")) == dump(linked)
        service.keep_threads(store, linker="lexical")  # kept again, whole
        assert dump(kept_only(store, monkeypatch, "lexical")) == dump(linked)
        for tid in {t.id for t in linked.threads}:  # the explain index answers as a scan of every decision
            brute = [d for d in linked.decisions if d.thread == tid or any(c[0] == tid for c in d.candidates)]
            assert linked.explain(tid) == brute
    finally:
        store.close()


# -- the recency cap and the work linking does ------------------------------------------------------------


def need(year: int, quote: str, category: str, n: int) -> Item:
    return Item(
        f"s{year}", n, quote, "need", speaker="Ana Lima", coalition="DC Alpha", category=category, seq=n
    ).placed(year, (year, f"s{year}"))


OTHER_NEEDS = [
    ("We ask for a translation budget so the toolkit exists in Arabic and French.", "funding"),
    ("Member states should publish their spectrum auctions in open data formats.", "policy"),
    ("We call for a seat for persons with disabilities on the leadership panel.", "participation"),
    ("Please give the coalitions a dedicated page on the forum website.", "visibility"),
    ("We need volunteers who can test apps with screen readers every month.", "capacity"),
]


def test_the_recency_cap_bounds_the_candidates_and_changes_nothing_below_it() -> None:
    items = [need(2015, "We need small grants so community radios can buy transmitters.", "funding", 1)]
    items += [need(2016 + k, quote, category, 10 + k) for k, (quote, category) in enumerate(OTHER_NEEDS)]
    items.append(need(2022, "Community radio stations still lack grants to buy their transmitters.", "funding", 99))
    default = link_items(items)
    radio = [t for t in default.threads if any("radio" in i.quote for i in t.items)]
    assert len(radio) == 1 and radio[0].status == "recurring"  # below the cap: linked as with no cap
    assert len(default.threads) == 1 + len(OTHER_NEEDS)

    capped = link_items(items, rules=Rules(max_candidates=3))
    radio = [t for t in capped.threads if any("radio" in i.quote for i in t.items)]
    assert [len(t.items) for t in radio] == [1, 1]  # the 2015 thread is not among the 3 most recent
    last = capped.decisions[-1]
    assert last.action == "opened" and len(last.candidates) == 3
    assert [c[0] for c in last.candidates] == [t.id for t in capped.threads[3:6]]  # in the order they were opened


class CountingScorer(LexicalScorer):
    """The lexical scorer, counting the scores linking asks for."""

    calls = 0

    def pair(self, ka: int, kb: int) -> float:
        self.calls += 1
        return super().pair(ka, kb)


def copies(items: list[Item], sessions: int) -> list[Item]:
    """The items said again in `sessions` sessions over the years, as a re-cut transcript repeats them."""
    out = []
    for k in range(sessions):
        sid, year = f"copy{k:04d}", 2006 + k % 19
        out += [replace(i, session=sid).placed(year, (year, sid)) for i in items]
    return out


def test_linking_work_grows_linearly_with_the_sessions() -> None:
    base = [need(2015, "We need small grants so community radios can buy transmitters.", "funding", 1)]
    base += [need(2016 + k, quote, category, 10 + k) for k, (quote, category) in enumerate(OTHER_NEEDS)]
    calls = []
    for sessions in (40, 80, 160):
        items = copies(base, sessions)
        scorer = CountingScorer(items)
        linked = link_items(items, scorer)
        assert len(linked.threads) == len(base)  # each need one recurring thread, however often it is said
        assert all(t.status == "recurring" and len(t.items) == sessions for t in linked.threads)
        calls.append(scorer.calls)
    assert calls[1] <= 2.2 * calls[0] and calls[2] <= 2.2 * calls[1], calls  # quadratic would be 4x per step
