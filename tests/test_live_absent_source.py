"""A caption file that does not exist yet is waited for, and said to be not there yet — never "gone".

`forumlens live captions.txt` is often started before captioning begins, or with a
mistyped name. Until the file has been seen once, it is not a file that was moved or
deleted: the follower says it does not exist yet (once), keeps polling at the normal
interval (the first captions must not wait for an error back-off), and greets the
file when it appears. A file that was there and vanished is "gone", as before. An
address whose scheme is in capitals (HTTPS://…, as `ingest` accepts it) is a URL, not a file.
"""

from __future__ import annotations

from forumlens.live import FileSource, Follower, LiveOptions
from forumlens.live.sources import NO_BACKOFF, Appended, Problem
from forumlens.store import Store

FAST = LiveOptions(interval=0.01, analyse_every=1e9)


def test_a_file_never_seen_is_not_there_yet_and_a_vanished_one_is_gone(tmp_path) -> None:
    caption = tmp_path / "captions.txt"
    source = FileSource(caption)
    first = source.poll()
    assert isinstance(first, Problem) and first.absent
    assert "does not exist yet" in first.message and "gone" not in first.message
    assert first.retry_after == NO_BACKOFF  # polled again at the normal interval
    caption.write_bytes(b">> ANNA SMITH: Hello.\n")
    assert isinstance(source.poll(), Appended)
    caption.unlink()
    vanished = source.poll()
    assert isinstance(vanished, Problem) and not vanished.absent
    assert "the file is gone" in vanished.message


def test_the_follower_says_not_there_yet_once_then_created(fresh_store: Store, tmp_path) -> None:
    messages: list[str] = []
    caption = tmp_path / "captions.txt"
    follower = Follower(fresh_store, FileSource(caption), FAST, say=messages.append)
    follower.start()
    for _ in range(3):
        assert not follower.step()
    waiting = [m for m in messages if "does not exist yet" in m]
    assert len(waiting) == 1 and not any("gone" in m for m in messages), messages
    assert follower._backoff == FAST.interval  # no error back-off while waiting for the file
    caption.write_bytes(b"Workshop\n>> ANNA SMITH: Hello.\n>> BEN JONES: Hi.\n")
    assert follower.step()
    assert messages[-1].endswith("captions.txt: created; reading it"), messages
    assert not any("reading again" in m for m in messages)
    follower.close()


def test_an_address_with_its_scheme_in_capitals_is_followed_as_a_url() -> None:
    from forumlens.live.sources import HttpSource, open_source

    source = open_source("HTTPS://example.org/captions/ws42.txt")
    try:
        assert isinstance(source, HttpSource)  # not a file in a folder named "HTTPS:"
    finally:
        source.close()
    assert isinstance(open_source("captions/ws42.txt"), FileSource)
