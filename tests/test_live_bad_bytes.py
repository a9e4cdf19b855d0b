"""Binary bytes arriving in the middle of a followed caption file (a client that crashed and padded the
file with NUL bytes): the follower stops with the line they start on, the session it leaves open, and
how to resume; the turns stored so far stay, and the same command resumes once the file is fixed."""

from __future__ import annotations

from pathlib import Path

import pytest

from forumlens.errors import InputError
from forumlens.live import FileSource, Follower, LiveOptions
from forumlens.store import Store

FAST = LiveOptions(interval=0.01, analyse_every=1e9, idle_exit=0.2)
OPENING = (
    "IGF 2024 Workshop on Public Access\n\n"
    ">> SOFIA ANDERSSON: Good afternoon, everyone, and welcome to this workshop on libraries.\n\n"
    ">> LUCIA FERNANDEZ: Thank you, Sofia. This year we published a report on public access.\n\n"
)
MORE = ">> SOFIA ANDERSSON: Thank you, Lucia. Let us turn to the questions from the room now.\n"


def test_nul_padding_mid_session_names_its_line_and_the_session_left_open(fresh_store: Store, tmp_path: Path):
    caption = tmp_path / "captions.txt"
    caption.write_text(OPENING, encoding="utf-8")
    follower = Follower(fresh_store, FileSource(caption), FAST)
    sid = follower.start()
    follower.step()
    with caption.open("ab") as handle:
        handle.write(b"\x00" * 64 + b"\n")
    with pytest.raises(InputError) as caught:
        follower.run()
    message = str(caught.value)
    assert f"{caption}:{OPENING.count(chr(10)) + 1}: contains NUL bytes" in message
    assert f"live session {sid} is left open" in message and "run the same command to resume" in message
    assert "give a transcript" not in message  # ingest's advice, wrong for a file being written
    assert [t.label for t in fresh_store.load_session(sid).turns] == ["SOFIA ANDERSSON", "LUCIA FERNANDEZ"]
    # the fix it names works: the bad bytes removed, the same follower command resumes and finishes
    caption.write_text(OPENING + MORE, encoding="utf-8")
    again = Follower(fresh_store, FileSource(caption), FAST)
    assert again.start() == sid
    result = again.run()
    assert result.finished and result.turns == 3
    assert fresh_store.session_ids() == [sid]


def test_nul_bytes_before_any_turn_remove_the_empty_session(fresh_store: Store, tmp_path: Path):
    caption = tmp_path / "captions.txt"
    caption.write_text("IGF 2024 Workshop on Public Access\n\n", encoding="utf-8")
    follower = Follower(fresh_store, FileSource(caption), FAST)
    sid = follower.start()
    follower.step()
    with caption.open("ab") as handle:
        handle.write(b"\x00" * 64)
    with pytest.raises(InputError, match=f"live session {sid} removed"):
        follower.run()
    assert fresh_store.session_ids() == []
