"""HTTP API of the channels, as a FastAPI `APIRouter` the portal mounts.

    from forumlens.route.api import router
    app.include_router(router)            # no prefix: feed URLs are /feeds/<token>.atom

* `GET /feeds/{token}.atom` — public to whoever holds the secret token.
* `/api/subscribers` (GET, POST), `/api/subscribers/{name}` (GET, PUT, DELETE),
  `/api/subscribers/{name}/deliveries` — admin only: `Authorization: Bearer <token>`
  or `X-Admin-Token: <token>`, compared with the `admin_token` setting
  (`FORUMLENS_ADMIN_TOKEN`); with no token configured the admin API answers 503.

FastAPI is imported here only, so the default install (no web extra) never needs
it. The store and settings come from dependencies (`get_store`, `get_settings`) that
the app can override, e.g. to share its own store.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Response
from pydantic import BaseModel, Field

from ..errors import ForumlensError
from ..settings import Settings, load_settings
from ..store import Store, open_store
from .atom import feed_url, subscriber_feed
from .models import Interests, Subscriber
from .repository import SubscriberRepository

__all__ = ["SubscriberIn", "get_settings", "get_store", "require_admin", "router"]

router = APIRouter()


def get_settings() -> Settings:
    return load_settings()


def get_store(settings: Annotated[Settings, Depends(get_settings)]) -> Iterator[Store]:
    with open_store(settings.db_location) as store:
        yield store


def require_admin(
    settings: Annotated[Settings, Depends(get_settings)],
    authorization: Annotated[str | None, Header()] = None,
    x_admin_token: Annotated[str | None, Header()] = None,
) -> None:
    """Constant-time check of the admin token; the admin API is off until one is set."""
    expected = str(settings.admin_token or "")
    if not expected:
        raise HTTPException(503, "the admin API is disabled: set FORUMLENS_ADMIN_TOKEN")
    given = x_admin_token or ""
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "a valid admin token is required", headers={"WWW-Authenticate": "Bearer"})


@contextmanager
def _errors() -> Iterator[None]:
    """ForumlensError → HTTP error with its status and one-line message."""
    try:
        yield
    except ForumlensError as exc:
        raise HTTPException(exc.status, exc.render()) from exc


class SubscriberIn(BaseModel):
    """A subscriber as posted by an admin (the same fields as the subscriber file)."""

    name: str = Field(min_length=1, max_length=200)
    email: str | None = None
    webhook: str | None = None
    feed: bool = False
    coalitions: list[str] = []
    tags: list[str] = []
    people: list[str] = []
    queries: list[str] = []
    questions_to: list[str] = []

    def subscriber(self) -> Subscriber:
        return Subscriber(
            name=self.name.strip(),
            email=self.email or None,
            webhook=self.webhook or None,
            interests=Interests.from_json(self.model_dump()),
        )


def _out(sub: Subscriber, settings: Settings) -> dict[str, Any]:
    data = sub.to_json(secrets=True)
    data["feed_url"] = feed_url(settings.public_url, sub.feed_token) if sub.feed_token else None
    return data


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


Admin = Depends(require_admin)
StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


@router.get(
    "/feeds/{token}.atom",
    tags=["feeds"],
    response_class=Response,
    responses={200: {"content": {"application/atom+xml": {}}}, 404: {}},
)
def get_feed(token: str, store: StoreDep, settings: SettingsDep) -> Response:
    """A subscriber's Atom feed; the token in the URL is the only credential."""
    with _errors():
        sub = SubscriberRepository(store).by_feed_token(token)
        if sub is None:
            raise HTTPException(404, "no such feed")
        xml = subscriber_feed(store, sub, base_url=settings.public_url, now=_now())
    return Response(
        xml, media_type="application/atom+xml; charset=utf-8", headers={"Cache-Control": "private, max-age=300"}
    )


@router.get("/api/subscribers", tags=["subscribers"], dependencies=[Admin])
def list_subscribers(store: StoreDep) -> dict[str, Any]:
    with _errors():
        return {"subscribers": [s.to_json() for s in SubscriberRepository(store).all()]}


@router.post("/api/subscribers", tags=["subscribers"], status_code=201, dependencies=[Admin])
def create_subscriber(body: SubscriberIn, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    with _errors():
        sub = SubscriberRepository(store).add(body.subscriber(), feed=body.feed, now=_now())
        return _out(sub, settings)


@router.put("/api/subscribers/{name}", tags=["subscribers"], dependencies=[Admin])
def replace_subscriber(name: str, body: SubscriberIn, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    """Update in place (keeps the feed URL and webhook secret); the name in the URL wins."""
    with _errors():
        repo = SubscriberRepository(store)
        current = repo.get(name)
        sub = body.subscriber()
        sub = Subscriber(name=current.name, email=sub.email, webhook=sub.webhook, interests=sub.interests)
        return _out(repo.add(sub, feed=body.feed, now=_now(), replace=True), settings)


@router.get("/api/subscribers/{name}", tags=["subscribers"], dependencies=[Admin])
def get_subscriber(name: str, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    with _errors():
        return _out(SubscriberRepository(store).get(name), settings)


@router.get("/api/subscribers/{name}/deliveries", tags=["subscribers"], dependencies=[Admin])
def get_deliveries(name: str, store: StoreDep) -> dict[str, Any]:
    with _errors():
        repo = SubscriberRepository(store)
        return {"deliveries": repo.deliveries(repo.get(name).id)}


@router.delete("/api/subscribers/{name}", tags=["subscribers"], status_code=204, dependencies=[Admin])
def delete_subscriber(name: str, store: StoreDep) -> Response:
    with _errors():
        SubscriberRepository(store).remove(name)
    return Response(status_code=204)
