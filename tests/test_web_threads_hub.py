"""A thread's actor links to a person page only when that page exists.

A remote hub that asks a question ("ACCRA GHANA:", a place the gazetteer knows) is its
thread's actor, but it is credited in its session and never given a person page
(`PersonOnRecord.is_place`). The thread pages used to link it to `/people/accra-ghana`,
a 404: a crawl of the portal found that link on the shared main session's Bangladesh hub.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient

from forumlens.ingest import IngestOptions, ingest_paths
from forumlens.store import open_store
from forumlens.web import create_app

from .web_support import web_settings

# Invented: a participant's promise and a remote hub's question nobody answers.
HUB_QUESTION = """IGF 2023 – Open Forum #9: Connecting Schools

>> MODERATOR: Welcome to the open forum on school connectivity. We have remote hubs with us today.

>> AMINA DIALLO: Thank you. Our coalition mapped the schools without a connection in twelve countries, and we will publish the map next month.

>> MODERATOR: Thank you, Amina. I see a hand from a remote hub.

>> ACCRA GHANA: Hello from the Accra hub. How can a small school apply for the connectivity fund that was mentioned?

>> MODERATOR: Thank you, Accra. We are out of time, so we will take that question offline.
"""
PEOPLE_LINK = re.compile(r'href="(/people/[^"#?]+)"')


def test_every_person_link_on_the_thread_pages_opens_a_person_page(tmp_path: Path) -> None:
    source = tmp_path / "hub.txt"
    source.write_text(HUB_QUESTION, encoding="utf-8")
    db = str(tmp_path / "hub.sqlite3")
    with open_store(db) as store:
        assert [o.status for o in ingest_paths(store, [source], IngestOptions())] == ["ingested"]
    with TestClient(create_app(db, web_settings(db))) as client:
        threads = client.get("/api/threads").json()["threads"]
        hub = next(t for t in threads if t["kind"] == "question")
        assert hub["items"][0]["speaker"] == "Accra Ghana"
        pages = ["/threads"] + [f"/threads/{t['id']}" for t in threads]
        links = {link for page in pages for link in PEOPLE_LINK.findall(client.get(page).text)}
        assert "/people/amina-diallo" in links  # a person on record is still linked
        assert "/people/accra-ghana" not in links
        for link in links:
            assert client.get(link).status_code == 200, link
        hub_page = client.get(f"/threads/{hub['id']}").text
        assert "Accra Ghana" in hub_page  # named, as text
