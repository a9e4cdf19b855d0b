"""Metadata a person states: `forumlens ingest FILE --coalition … --kind … --date …`
or a sidecar `FILE.meta.toml` beside the file (flags win over the sidecar).

Values are checked here, before anything is stored: an unknown kind or coalition,
or a date that is not a date, fails the file with a message saying what is allowed.

Sidecar example (`report.pdf.meta.toml`)::

    title = "Annual Report 2023"
    kind = "annual report"
    date = 2024-02-10
    year = 2023
    coalitions = ["DC-CIV"]
    language = "en"
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from ..errors import ConfigError

__all__ = ["KIND_ALIASES", "Overrides", "parse_overrides", "read_sidecar", "sidecar_path"]

_KINDS = ("annual-report", "session-report", "statement", "recommendations", "glossary", "paper", "other")
KIND_ALIASES = {
    "annual": "annual-report",
    "activity-report": "annual-report",
    "yearly-report": "annual-report",
    "report-annual": "annual-report",
    "session": "session-report",
    "workshop-report": "session-report",
    "recommendation": "recommendations",
    "declaration": "statement",
    "study": "paper",
    "white-paper": "paper",
    "policy-brief": "paper",
}
_KEYS = {"title", "kind", "date", "year", "coalition", "coalitions", "language"}
_LANG = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True)
class Overrides:
    """Checked values; None means "not stated". `origin` is "flag" or "sidecar"."""

    title: str | None = None
    kind: str | None = None
    date: str | None = None
    year: int | None = None
    coalitions: tuple[dict[str, Any], ...] | None = None
    language: str | None = None
    origin: str = "flag"

    def values(self) -> dict[str, Any]:
        """The stated fields only."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name != "origin" and getattr(self, f.name) is not None
        }

    def merged(self, stronger: Overrides | None) -> Overrides:
        """These values, with `stronger`'s stated ones on top (flags over sidecar)."""
        if stronger is None or not stronger.values():
            return self
        if not self.values():
            return stronger
        return replace(self, origin=f"{stronger.origin}+{self.origin}", **stronger.values())


def _kind(value: Any, where: str) -> str:
    key = re.sub(r"[\s_]+", "-", str(value).strip().lower())
    key = KIND_ALIASES.get(key, key)
    if key not in _KINDS:
        raise ConfigError(f"unknown document kind {value!r}", source=where, hint="one of: " + ", ".join(_KINDS))
    return key


def _date(value: Any, where: str) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            if len(text) == size:
                dt.datetime.strptime(text, fmt)
                if 1990 <= int(text[:4]) <= 2100:
                    return text
        except ValueError:
            continue
    raise ConfigError(f"{value!r} is not a date", source=where, hint="write YYYY, YYYY-MM or YYYY-MM-DD")


def _coalition(value: str, where: str, registry: Any) -> dict[str, Any]:
    """A coalition by id, name, acronym or any name the registry knows for it."""
    from ..resolve.mentions import find_mentions
    from ..resolve.registry import load_registry

    registry = registry or load_registry()
    wanted = value.strip().casefold()
    for entity in registry.of_kind("dc"):
        names = {entity.id, entity.name, *entity.acronyms, *entity.phrases}
        if wanted in {n.casefold() for n in names}:
            return {"id": entity.id, "name": entity.name, "acronym": entity.acronym, "confidence": 1.0}
    found = [m for m in find_mentions(value, registry=registry) if m.kind == "dc"]
    if len({m.entity_id for m in found}) == 1:
        entity = registry.get(found[0].entity_id)
        return {"id": entity.id, "name": entity.name, "acronym": entity.acronym, "confidence": 1.0}
    raise ConfigError(
        f"unknown coalition {value!r}",
        source=where,
        hint="give its name or acronym as the coalition registry has it, e.g. 'DC-CIV' or 'DC on Core Internet Values'",
    )


def parse_overrides(
    data: Mapping[str, Any], *, origin: str = "flag", where: str = "", registry: Any = None
) -> Overrides:
    """Checked overrides from flags or a sidecar mapping; raises ConfigError naming the bad value."""
    unknown = set(data) - _KEYS
    if unknown:
        raise ConfigError(
            f"unknown metadata field(s): {', '.join(sorted(unknown))}",
            source=where or None,
            hint="known: " + ", ".join(sorted(_KEYS)),
        )
    out: dict[str, Any] = {}
    if data.get("title") not in (None, ""):
        out["title"] = " ".join(str(data["title"]).split())
    if data.get("kind") not in (None, ""):
        out["kind"] = _kind(data["kind"], where)
    if data.get("date") not in (None, ""):
        out["date"] = _date(data["date"], where)
    if data.get("year") not in (None, ""):
        year = data["year"]
        if not (isinstance(year, int) or str(year).isdigit()) or not 1990 <= int(year) <= 2100:
            raise ConfigError(f"{year!r} is not a year", source=where or None, hint="write it as 2023")
        out["year"] = int(year)
    raw = data.get("coalitions", data.get("coalition"))
    if raw not in (None, "", [], ()):
        names = [raw] if isinstance(raw, str) else list(raw)
        coalitions: list[dict[str, Any]] = []
        for name in names:
            entry = _coalition(str(name), where, registry)
            if entry["id"] not in {c["id"] for c in coalitions}:
                coalitions.append(entry)
        out["coalitions"] = tuple(coalitions)
    if data.get("language") not in (None, ""):
        language = str(data["language"]).strip().lower().split("-")[0]
        if not _LANG.match(language):
            raise ConfigError(
                f"{data['language']!r} is not a language code",
                source=where or None,
                hint="write an ISO 639-1 code such as en, fr, es",
            )
        out["language"] = language
    return Overrides(origin=origin, **out)


def sidecar_path(path: Path) -> Path:
    """`report.pdf` → `report.pdf.meta.toml`."""
    return path.with_name(path.name + ".meta.toml")


def read_sidecar(path: Path, registry: Any = None) -> Overrides | None:
    """The checked sidecar of `path`, or None when there is none."""
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return None
    try:
        data = tomllib.loads(sidecar.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"is not valid TOML: {exc}", source=str(sidecar), hint="fix or remove the sidecar") from exc
    except OSError as exc:
        raise ConfigError(f"cannot be read: {exc.strerror or exc}", source=str(sidecar)) from exc
    return parse_overrides(data.get("document", data), origin="sidecar", where=str(sidecar), registry=registry)
