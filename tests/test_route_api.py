"""The channels' HTTP API (FastAPI router): admin-token CRUD and the public secret feed."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

import feedparser
from fastapi import FastAPI
from fastapi.testclient import TestClient

from forumlens.route import api
from forumlens.route.matching import match_new_sessions
from forumlens.settings import load_settings
from forumlens.store.sqlite import SQLiteStore

from .route_support import store_session

ADMIN = {"Authorization": "Bearer admin-secret"}


@pytest.fixture
def client(tmp_path):
    db = str(tmp_path / "api.sqlite3")
    settings = load_settings(
        {"db": db, "admin_token": "admin-secret", "public_url": "https://forum.example.org"},
        env={"FORUMLENS_CONFIG": str(tmp_path / "none.toml")},
    )
    app = FastAPI()
    app.include_router(api.router)
    app.dependency_overrides[api.get_settings] = lambda: settings
    with TestClient(app) as test_client:
        test_client.db = db
        yield test_client


def test_admin_endpoints_need_the_token(client):
    assert client.get("/api/subscribers").status_code == 401
    assert client.get("/api/subscribers", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/subscribers", headers={"X-Admin-Token": "admin-secret"}).status_code == 200


def test_admin_api_is_off_without_a_configured_token(client, tmp_path):
    settings = load_settings({"db": client.db}, env={"FORUMLENS_CONFIG": str(tmp_path / "none.toml")})
    client.app.dependency_overrides[api.get_settings] = lambda: settings
    response = client.get("/api/subscribers", headers=ADMIN)
    assert response.status_code == 503 and "FORUMLENS_ADMIN_TOKEN" in response.json()["detail"]


def test_crud_and_the_public_feed(client):
    body = {"name": "Envoy", "email": "envoy@example.org", "feed": True, "coalitions": ["DC-CIV"], "tags": ["SDG9"]}
    created = client.post("/api/subscribers", json=body, headers=ADMIN)
    assert created.status_code == 201
    data = created.json()
    assert data["channels"] == ["email", "feed"] and data["feed_url"].endswith(f"/feeds/{data['feed_token']}.atom")
    assert client.post("/api/subscribers", json=body, headers=ADMIN).status_code == 400  # duplicate
    assert (
        client.post("/api/subscribers", json={**body, "name": "B", "email": "nope"}, headers=ADMIN).status_code == 400
    )

    store = SQLiteStore(client.db)
    session_id = store_session(store)
    match_new_sessions(store, [session_id])
    store.close()

    feed = client.get(f"/feeds/{data['feed_token']}.atom")  # no admin token: the URL is the secret
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(feed.text)
    assert not parsed.bozo and len(parsed.entries) == 1 and session_id in parsed.entries[0].id
    assert client.get("/feeds/not-a-token.atom").status_code == 404

    updated = client.put("/api/subscribers/Envoy", json={**body, "tags": ["SDG3"]}, headers=ADMIN).json()
    assert updated["interests"]["tags"] == ["SDG3"] and updated["feed_token"] == data["feed_token"]
    assert client.get("/api/subscribers/Envoy/deliveries", headers=ADMIN).json()["deliveries"][0]["status"] == "pending"
    assert client.delete("/api/subscribers/Envoy", headers=ADMIN).status_code == 204
    assert client.get("/api/subscribers/Envoy", headers=ADMIN).status_code == 404
    assert client.get(f"/feeds/{data['feed_token']}.atom").status_code == 404
