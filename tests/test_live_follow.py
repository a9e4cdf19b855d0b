"""Following a growing caption file into the store, on SQLite and on PostgreSQL.

The shared transcript is written to a file in slices, as a captioning client would; the
follower is stepped after each slice. What the store holds must at every moment be the
turns of the text so far (searchable, with the final text's line numbers), and after
finalisation exactly what `ingest` stores — and a later `ingest` of the finished file must
find this session instead of storing a second copy.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from forumlens.errors import Busy
from forumlens.ingest import IngestOptions, ingest_file
from forumlens.live import FileSource, Follower, LiveOptions
from forumlens.live.finalise import finalise
from forumlens.pipeline import parse_document
from forumlens.read import read_bytes
from forumlens.search import SearchFilters, parse_query
from forumlens.store import Store

from .conftest import MAIN_SESSION

FAST = LiveOptions(interval=0.01, analyse_every=1e9)


def _final_turns(data: bytes) -> list[tuple]:
    return [(t.index, t.line, t.label, t.text) for t in parse_document(read_bytes(data, "x.txt")).turns]


def _stored(store: Store, sid: str) -> list[tuple]:
    return [(t.index, t.line, t.label, t.text) for t in store.load_session(sid).turns]


def _write(path: Path, data: bytes) -> None:
    with path.open("ab") as handle:
        handle.write(data)


def test_each_slice_is_stored_with_final_line_numbers_and_finalised_like_ingest(fresh_store: Store, tmp_path) -> None:
    data = MAIN_SESSION.read_bytes()
    final = _final_turns(data)
    caption = tmp_path / "captions.txt"
    caption.write_bytes(b"")
    follower = Follower(fresh_store, FileSource(caption), FAST)
    sid = follower.start()
    step = len(data) // 9
    for at in range(0, len(data), step):
        _write(caption, data[at : at + step])
        follower.step()
        stored = _stored(fresh_store, sid)
        # every turn but the last (still being captioned) is final already, line numbers included
        assert stored[:-1] == final[: len(stored) - 1]
        assert stored[-1][:3] == final[len(stored) - 1][:3]
        assert len({t[0] for t in stored}) == len(stored)  # a grown turn is never a second row
        assert fresh_store.session_info(sid).turns == len(stored)
    assert _stored(fresh_store, sid) == final
    last = fresh_store.load_session(sid).turns[-1]
    hits = fresh_store.search(parse_query(" ".join(last.text.split()[-6:])), SearchFilters())
    assert any(h.session == sid and last.line <= h.line <= last.end_line for h in hits)

    finalise(follower, "test")
    follower.close()
    # the finished session is what ingest stores, under the live session's id
    other = tmp_path / "other.sqlite3"
    from forumlens.store import open_store

    with open_store(str(other)) as reference:
        outcome = ingest_file(reference, caption)
        expected = reference.load_session(outcome.session or "")
        expected_analyses = reference.analyses(outcome.session or "")
    session = fresh_store.load_session(sid)
    assert session.id == sid
    assert [t.to_json(internal=True) for t in session.turns] == [t.to_json(internal=True) for t in expected.turns]
    assert session.text == expected.text and session.title == expected.title
    assert set(fresh_store.analyses(sid)) == set(expected_analyses)
    assert fresh_store.analysis(sid, "questions") == expected_analyses["questions"]
    info = fresh_store.live_info(sid)
    assert info is not None and info.state == "finished" and not info.following
    assert fresh_store.live_sessions() == []

    again = ingest_file(fresh_store, caption)
    assert again.status == "skipped" and again.session == sid
    assert fresh_store.counts()["sessions"] == 1
    forced = ingest_file(fresh_store, caption, IngestOptions(force=True))
    assert forced.status == "ingested" and forced.session == sid  # re-finalised in place, not copied
    assert fresh_store.counts()["sessions"] == 1
    assert fresh_store.check() == []


def test_restart_resumes_the_session_without_loss_or_duplicates(fresh_store: Store, tmp_path) -> None:
    data = MAIN_SESSION.read_bytes()
    caption = tmp_path / "captions.txt"
    caption.write_bytes(data[:30_000])
    first = Follower(fresh_store, FileSource(caption), FAST)
    sid = first.start()
    first.step()
    first.close()  # as if stopped with --no-finalise (kill -9 is tests/test_live_crash.py)
    _write(caption, data[30_000:50_000])
    second = Follower(fresh_store, FileSource(caption), FAST)
    assert second.start() == sid
    second.step()
    assert _stored(fresh_store, sid) == _final_turns(data[:50_000])
    _write(caption, data[50_000:])
    second.step()
    second.close()
    assert _stored(fresh_store, sid) == _final_turns(data)
    assert fresh_store.session_ids() == [sid]


def test_a_second_follower_of_the_same_session_is_refused(fresh_store: Store, tmp_path) -> None:
    caption = tmp_path / "captions.txt"
    caption.write_bytes(b"Workshop\n>> ANNA SMITH: Hello.\n")
    first = Follower(fresh_store, FileSource(caption), FAST)
    sid = first.start()
    info = fresh_store.live_info(sid)
    assert info is not None and info.following
    with pytest.raises(Busy, match="already being followed"):
        Follower(fresh_store, FileSource(caption), FAST).start()
    first.close()
    info = fresh_store.live_info(sid)
    assert info is not None and not info.following  # the lease is released on the way out


def test_a_follower_that_stops_renewing_reads_as_paused_once_its_lease_lapses(fresh_store: Store, tmp_path) -> None:
    caption = tmp_path / "captions.txt"
    caption.write_bytes(b"Workshop\n>> ANNA SMITH: Hello.\n")
    short = Follower(fresh_store, FileSource(caption), LiveOptions(interval=0.01, analyse_every=1e9, lease_ttl=2.0))
    sid = short.start()
    assert (info := fresh_store.live_info(sid)) is not None and info.following
    time.sleep(2.2)  # stepped by hand, nobody renews: the claim lapses after lease_ttl
    assert (info := fresh_store.live_info(sid)) is not None and info.state == "live" and not info.following
    short.close()


def test_ingest_of_a_file_being_followed_is_skipped(fresh_store: Store, tmp_path) -> None:
    caption = tmp_path / "captions.txt"
    caption.write_bytes(b"Workshop\n>> ANNA SMITH: Hello.\n")
    follower = Follower(fresh_store, FileSource(caption), FAST)
    sid = follower.start()
    follower.step()
    outcome = ingest_file(fresh_store, caption)
    assert outcome.status == "skipped" and outcome.session == sid and "being followed" in outcome.reason
    assert fresh_store.counts()["sessions"] == 1
    follower.close()


def test_truncated_rewritten_and_vanished_files_keep_the_store_consistent(fresh_store: Store, tmp_path) -> None:
    messages: list[str] = []
    caption = tmp_path / "captions.txt"
    caption.write_bytes(b"Workshop\n>> ANNA SMITH: Hello.\n>> BEN JONES: Hi Anna.\n")
    follower = Follower(fresh_store, FileSource(caption), FAST, say=messages.append)
    sid = follower.start()
    follower.step()
    assert len(_stored(fresh_store, sid)) == 2

    caption.write_bytes(b"Workshop\n>> ANNA SMITH: Hello.\n")  # truncated
    follower.step()
    assert _stored(fresh_store, sid) == _final_turns(caption.read_bytes())
    assert any("shrank" in m for m in messages)

    caption.write_bytes(b"Workshop\n>> CARLA DIAZ: Hola.\n")  # rewritten, same size
    follower.step()
    assert _stored(fresh_store, sid) == _final_turns(caption.read_bytes())
    assert any("rewritten" in m for m in messages)

    caption.unlink()
    assert not follower.step()
    assert any("gone" in m for m in messages)
    assert follower._backoff > 0  # waits longer before the next try
    assert _stored(fresh_store, sid) == [(0, 2, "CARLA DIAZ", "Hola.")]  # nothing lost from the store

    caption.write_bytes(b"Workshop\n>> CARLA DIAZ: Hola.\n>> DAN EK: Back.\n")
    follower.step()
    assert [t[2] for t in _stored(fresh_store, sid)] == ["CARLA DIAZ", "DAN EK"]
    assert any("reading again" in m for m in messages)
    assert fresh_store.check() == []
    follower.close()


def test_run_stops_at_the_end_note_and_finalises(fresh_store: Store, tmp_path) -> None:
    caption = tmp_path / "captions.txt"
    caption.write_bytes(b"Workshop 2024\n>> ANNA SMITH: Hello.\n>> ANNA SMITH: Thank you all.\n(Session concluded)\n")
    result = Follower(fresh_store, FileSource(caption), LiveOptions(interval=0.01, idle_exit=30)).run()
    # two speech turns and the closing note, a note turn of its own
    assert result.finished and result.reason == "ended" and result.turns == 3
    assert fresh_store.live_info(result.session_id).state == "finished"  # type: ignore[union-attr]
    last = fresh_store.turns_from(result.session_id, 0)[-1]
    assert last.kind == "note" and last.text == "(Session concluded)"


def test_idle_exit_finalises_and_live_analysis_is_stored_while_live(fresh_store: Store, tmp_path) -> None:
    caption = tmp_path / "captions.txt"
    caption.write_bytes(MAIN_SESSION.read_bytes()[:20_000])
    follower = Follower(fresh_store, FileSource(caption), LiveOptions(interval=0.01, analyse_every=0.0))
    follower.start()
    follower.step()
    follower.analyse(wait=True)
    people = fresh_store.analysis(follower.session_id, "people")
    assert people and all(p["lines"][0] <= 200 for p in people if p.get("lines"))  # the text so far only
    follower.close()
    result = Follower(fresh_store, FileSource(caption), LiveOptions(interval=0.01, idle_exit=0.2)).run()
    assert result.reason == "idle" and result.finished


def test_a_restart_after_finalisation_finds_the_finished_session(fresh_store: Store, tmp_path) -> None:
    caption = tmp_path / "captions.txt"
    caption.write_bytes(b"Workshop 2024\n>> ANNA SMITH: Hello.\n>> BEN JONES: Thank you.\n")
    first = Follower(fresh_store, FileSource(caption), LiveOptions(interval=0.01, idle_exit=0.05)).run()
    assert first.finished
    again = Follower(fresh_store, FileSource(caption), LiveOptions(interval=0.01, idle_exit=0.05)).run()
    assert again.reason == "already-finished" and again.session_id == first.session_id
    assert fresh_store.session_ids() == [first.session_id]
    caption.write_bytes(b"Workshop 2024, day 2\n>> CARLA DIAZ: Welcome back.\n")  # the next session, same file
    other = Follower(fresh_store, FileSource(caption), LiveOptions(interval=0.01, idle_exit=0.05)).run()
    assert other.finished and other.session_id != first.session_id
    assert sorted(fresh_store.session_ids()) == sorted([first.session_id, other.session_id])


def test_ctrl_c_on_the_command_finalises_the_session(tmp_path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from forumlens.store import open_store

    from .conftest import ROOT

    db, caption = str(tmp_path / "s.sqlite3"), tmp_path / "captions.txt"
    caption.write_bytes(MAIN_SESSION.read_bytes()[:15_000])
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "FORUMLENS_CONFIG": "/nonexistent"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "forumlens", "--db", db, "live", str(caption), "--interval", "0.05"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while True:
        with open_store(db) as store:
            if store.session_ids() and store.session_info(store.session_ids()[0]).turns:
                break
        assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert b"finalised (stopped)" in out and b"finalising" in err
    with open_store(db) as store:
        (sid,) = store.session_ids()
        assert store.live_info(sid).state == "finished"  # type: ignore[union-attr]
        assert len(store.load_session(sid).turns) == len(_final_turns(caption.read_bytes()))


# -- a source that never delivers a turn (issue 18 follow-up) -----------------------------------------


@pytest.mark.parametrize(
    "content",
    [b"", b"IGF 2024 Workshop 5: Data governance\nCaptions will start shortly.\n"],
    ids=["empty file", "header without turns"],
)
def test_a_follower_that_never_got_a_turn_removes_its_empty_session(fresh_store: Store, tmp_path, content) -> None:
    messages: list[str] = []
    caption = tmp_path / "captions.txt"
    caption.write_bytes(content)
    result = Follower(
        fresh_store, FileSource(caption), LiveOptions(interval=0.01, idle_exit=0.05), say=messages.append
    ).run()
    assert result.removed and not result.finished and result.turns == 0 and result.reason == "idle"
    assert fresh_store.session_ids() == []  # no empty "live" session left behind
    assert fresh_store.live_sessions(in_progress=False) == []
    assert fresh_store.live_session_of_source(str(caption.resolve())) is None
    assert fresh_store.check() == []
    assert any(f"live session {result.session_id} removed: no caption turn arrived" in m for m in messages)
    # the next follower of the same file starts afresh and keeps what arrives
    caption.write_bytes(content + b">> ANNA SMITH: Good morning, we begin.\n")
    again = Follower(fresh_store, FileSource(caption), LiveOptions(interval=0.01, idle_exit=0.05)).run()
    assert again.finished and not again.removed and fresh_store.session_ids() == [again.session_id]


def test_a_turn_arriving_at_the_last_moment_is_kept(fresh_store: Store, tmp_path) -> None:
    caption = tmp_path / "captions.txt"
    caption.write_bytes(b"")
    follower = Follower(fresh_store, FileSource(caption), LiveOptions(interval=0.01, finalise=False))
    sid = follower.start()
    follower.step()
    caption.write_bytes(b"Workshop\n>> ANNA SMITH: Hello, are we live?\n")  # after the last poll, before the stop
    stop = threading.Event()
    stop.set()
    result = follower.run(stop)
    assert not result.removed and result.turns == 1
    assert _stored(fresh_store, sid) == [(0, 2, "ANNA SMITH", "Hello, are we live?")]


def test_only_an_empty_session_in_progress_is_ever_discarded(fresh_store: Store, tmp_path) -> None:
    caption = tmp_path / "captions.txt"
    caption.write_bytes(b"Workshop\n>> ANNA SMITH: Hello.\n")
    follower = Follower(fresh_store, FileSource(caption), FAST)
    sid = follower.start()
    follower.step()
    follower.close()
    ordinary = ingest_file(fresh_store, MAIN_SESSION).session
    assert fresh_store.discard_empty_live_session(sid) is False  # it has a turn
    assert fresh_store.discard_empty_live_session(ordinary) is False  # not live
    assert fresh_store.discard_empty_live_session("000000000000") is False  # not there
    assert sorted(fresh_store.session_ids()) == sorted([sid, ordinary])


@pytest.mark.parametrize("how", ["idle-exit", "ctrl-c"])
def test_the_live_command_says_it_removed_the_empty_session(store_location: str, tmp_path, how) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from forumlens.store import open_store

    from .conftest import ROOT

    caption = tmp_path / "captions.txt"
    caption.write_bytes(b"")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "FORUMLENS_CONFIG": "/nonexistent"}
    extra = ["--idle-exit", "0.3"] if how == "idle-exit" else []
    proc = subprocess.Popen(
        [sys.executable, "-m", "forumlens", "--db", store_location, "live", str(caption), "--interval", "0.05", *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    if how == "ctrl-c":
        deadline = time.monotonic() + 60
        while True:  # wait until the follower has begun its session
            with open_store(store_location) as store:
                if store.live_sessions():
                    break
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    reason = "idle" if how == "idle-exit" else "stopped"
    assert out.decode().strip().endswith(f"no caption turn arrived, removed ({reason})")
    assert b"removed: no caption turn arrived from" in err
    with open_store(store_location) as store:
        assert store.session_ids() == [] and store.live_sessions(in_progress=False) == []


# -- a finished live session and the same text in other bytes -------------------------------------------


def test_a_finished_live_session_is_found_by_its_text_in_another_encoding(fresh_store: Store, tmp_path) -> None:
    caption = tmp_path / "captions.txt"
    text = "Workshop 2024, day 1\n>> ANNA SMITH: Welcome, bienvenue.\n>> JOSÉ PÉREZ: Gracias, Anna.\n"
    caption.write_bytes(text.encode("utf-8"))
    result = Follower(fresh_store, FileSource(caption), LiveOptions(interval=0.01, idle_exit=0.05)).run()
    assert result.finished
    copy = tmp_path / "captions-utf16.txt"
    copy.write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    outcome = ingest_file(fresh_store, copy)
    assert outcome.status == "skipped" and outcome.session == result.session_id
    assert "same text, different encoding" in outcome.reason
    assert fresh_store.session_ids() == [result.session_id]
