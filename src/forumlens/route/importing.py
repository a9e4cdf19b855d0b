"""Subscribers from a file (TOML always; YAML when PyYAML is installed).

The file is the same shape in both syntaxes, a list of subscriber tables:

    [[subscriber]]
    name = "Office of the Tech Envoy"
    email = "updates@example.org"
    webhook = "https://example.org/hooks/forumlens"
    feed = true
    coalitions = ["DC-CIV"]
    tags = ["SDG9", "GDC3"]
    people = ["Jennifer Chung"]
    queries = ['"net neutrality"']
    questions_to = ["DC on Gender and Internet Governance"]

Parsing (`subscribers_from_data`) is pure and validates everything before the store
is touched, so a bad file changes nothing.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .models import INTEREST_KINDS, Interests, Subscriber
from .repository import validate_subscriber

__all__ = ["read_subscriber_file", "subscribers_from_data"]

_FIELDS = {
    "name",
    "email",
    "webhook",
    "feed",
    *INTEREST_KINDS.values(),
    # singular spellings, as on the command line
    *INTEREST_KINDS.keys(),
}


def _entry(raw: Any, where: str) -> tuple[Subscriber, bool]:
    if not isinstance(raw, Mapping):
        raise ConfigError("each subscriber must be a table/mapping", source=where)
    unknown = set(raw) - _FIELDS
    if unknown:
        raise ConfigError(
            f"unknown field(s) {', '.join(sorted(map(str, unknown)))}",
            source=where,
            hint="known: " + ", ".join(sorted(_FIELDS - set(INTEREST_KINDS))),
        )
    name = str(raw.get("name") or "").strip()
    if not name:
        raise ConfigError("a subscriber has no name", source=where)
    interests = {plural: raw.get(plural, raw.get(kind)) for kind, plural in INTEREST_KINDS.items()}
    sub = Subscriber(
        name=name,
        email=raw.get("email") or None,
        webhook=raw.get("webhook") or None,
        interests=Interests.from_json(interests),
    )
    validate_subscriber(sub)
    return sub, bool(raw.get("feed", False))


def subscribers_from_data(data: Any, source: str = "subscribers") -> list[tuple[Subscriber, bool]]:
    """`(subscriber, wants_feed)` pairs from parsed TOML/YAML; raises `ConfigError` naming the entry."""
    if isinstance(data, Mapping):
        data = data.get("subscriber", data.get("subscribers"))
    if not isinstance(data, list):
        raise ConfigError(
            "expected a list of subscribers ([[subscriber]] tables, or `subscribers:` in YAML)", source=source
        )
    out = [_entry(raw, f"{source}: subscriber {i + 1}") for i, raw in enumerate(data)]
    names = [s.name.lower() for s, _ in out]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ConfigError(f"duplicate subscriber name(s): {', '.join(duplicates)}", source=source)
    return out


def read_subscriber_file(path: Path, data: bytes | None = None) -> list[tuple[Subscriber, bool]]:
    """Read and validate a `.toml`, `.yaml` or `.yml` subscriber file. `data` is the file's bytes
    when the caller has read them already (the CLI reads with `read_input`, which names a missing
    file or a folder in the words every command uses); the suffix still picks the format."""
    try:
        text = (path.read_bytes() if data is None else data).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError("cannot read the file: it is not UTF-8 text", source=str(path)) from exc
    except OSError as exc:
        raise ConfigError(f"cannot read the file: {exc.strerror or exc}", source=str(path)) from exc
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            import yaml
        except ImportError as exc:
            raise ConfigError(
                "YAML needs PyYAML", source=str(path), hint="pip install 'forumlens[yaml]', or write the file as TOML"
            ) from exc
        try:
            parsed = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ConfigError(f"is not valid YAML: {exc}", source=str(path)) from exc
    else:
        try:
            parsed = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"is not valid TOML: {exc}", source=str(path)) from exc
    return subscribers_from_data(parsed, str(path))
