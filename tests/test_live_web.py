"""The portal while a session is live: the live page, its event stream, the home page's list."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from forumlens.live import FileSource, Follower, LiveOptions
from forumlens.live.finalise import finalise
from forumlens.store import open_store
from forumlens.web.app import create_app

HEAD = b"IGF 2024 Workshop 42: Meaningful access\n\n"


@pytest.fixture
def live_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[TestClient, Follower, Path]]:
    monkeypatch.setenv("FORUMLENS_CONFIG", "/nonexistent")
    db = str(tmp_path / "store.sqlite3")
    caption = tmp_path / "captions.txt"
    caption.write_bytes(HEAD + b">> ANNA SMITH: Welcome to the workshop.\n>> BEN JONES: Thank you, Anna. Our first")
    store = open_store(db)
    follower = Follower(store, FileSource(caption), LiveOptions(interval=0.01, analyse_every=1e9))
    follower.start()
    follower.step()
    with TestClient(create_app(db)) as client:
        yield client, follower, caption
    follower.close()
    store.close()


def _append(caption: Path, data: bytes) -> None:
    with caption.open("ab") as handle:
        handle.write(data)


def _events(client: TestClient, url: str) -> list[tuple[str, dict]]:
    found = []
    with client.stream("GET", url) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        event = ""
        for line in response.iter_lines():
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: "):
                found.append((event, json.loads(line[6:])))
    return found


def test_home_lists_the_session_in_progress_and_its_live_page(live_site) -> None:
    client, follower, _caption = live_site
    sid = follower.session_id
    home = client.get("/")
    assert "In progress" in home.text and f"/sessions/{sid}/live" in home.text
    page = client.get(f"/sessions/{sid}/live")
    assert page.status_code == 200
    assert 'class="live-badge" id="live-badge">live<' in page.text
    assert "Welcome to the workshop." in page.text and "Our first" in page.text
    assert '<noscript><meta http-equiv="refresh"' in page.text  # works without JavaScript
    assert '<script src="/static/live.js"' in page.text
    assert client.get("/static/live.js").status_code == 200


def test_events_stream_new_and_grown_turns_then_end(live_site) -> None:
    client, follower, caption = live_site
    sid = follower.session_id

    def captioner() -> None:
        time.sleep(0.8)
        _append(caption, b" question is about access.\n>> CARLA DIAZ: Thank you, Ben.\n")
        follower.step()
        time.sleep(0.8)
        finalise(follower, "test")

    thread = threading.Thread(target=captioner)
    thread.start()
    events = _events(client, f"/api/sessions/{sid}/events?after=1")
    thread.join()
    turns = [data for kind, data in events if kind == "turn"]
    assert [t["index"] for t in turns][:1] == [1]
    ben = [t for t in turns if t["index"] == 1]
    assert ben[0]["text"].endswith("Our first")
    assert ben[-1]["text"] == "Thank you, Anna. Our first question is about access."  # the same turn, grown
    assert any(t["index"] == 2 and t["speaker"] == "Carla Diaz" for t in turns)
    assert all(t["index"] >= 1 for t in turns)
    assert events[-1][0] == "end" and events[-1][1]["state"] == "finished"
    assert client.get("/").text.count(f"/sessions/{sid}/live") == 0  # no longer in progress
    finished = client.get(f"/sessions/{sid}/live")
    assert "finished" in finished.text and "<noscript><meta" not in finished.text


def test_events_of_a_session_never_live_is_404(live_site) -> None:
    client, _follower, _caption = live_site
    assert client.get("/api/sessions/nosuchsession/events").status_code == 404
    assert client.get("/sessions/nosuchsession/live").status_code == 404
