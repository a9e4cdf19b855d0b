"""The entity registries (coalitions, IGF and UN bodies, NRIs, stakeholder groups).

They are data (TOML files in `data/`), not code, so a coordinator can add a new
coalition or a renamed body without touching the matcher. National IGFs are generated
from the country list, because "<Country> IGF" is a pattern and there are ~170 of them.
Loading reads package files once and caches the result; everything after that is pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Any

from forumlens.resolve.datafiles import shipped_bytes, shipped_toml
from forumlens.text.keep import code_digest, digest

__all__ = ["Country", "Entity", "OfficeHolder", "Registry", "load_registry", "registry_from_data"]

KINDS = ("dc", "igf-body", "un-body", "igo", "nri", "stakeholder-group")


@dataclass(frozen=True)
class Entity:
    """One thing a speaker can mention or belong to.

    `phrases` are said in full and matched case-insensitively (and fuzzily);
    `acronyms` are matched case-sensitively because short codes collide with words;
    `topics` only count next to a coalition cue ("Dynamic Coalition on <topic>").
    """

    id: str
    kind: str
    name: str
    acronyms: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    bare: tuple[str, ...] = ()
    parent: str | None = None
    info: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def acronym(self) -> str | None:
        """The code shown in reports: the first listed one, if any."""
        return self.acronyms[0] if self.acronyms else None


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    other: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.other)


@dataclass(frozen=True)
class OfficeHolder:
    """A person known (from public facts) to hold an office in a year range."""

    name: str
    body: str
    role: str
    start: int
    end: int


@dataclass(frozen=True, eq=False)
class Registry:
    """All entities by id, the country list and known office-holders (hashed by identity).

    `source`: a digest of the shipped files and the code the registry was built from, so
    what is derived from it can be kept between runs (`text.keep`); None for a registry
    built from other data, whose derived values are never kept.
    """

    entities: dict[str, Entity]
    countries: tuple[Country, ...]
    holders: tuple[OfficeHolder, ...] = ()
    source: str | None = None

    def get(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def of_kind(self, *kinds: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind in kinds]

    def by_name(self, name: str) -> Entity | None:
        """Entity whose display name equals `name` (case-insensitive)."""
        return self._by_folded_name.get(name.casefold())

    @cached_property
    def _by_folded_name(self) -> dict[str, Entity]:
        """Case-folded display name → the first entity of that name, in `entities` order: `by_name`
        is asked for every speaker's affiliation of every turn and scanned every entity (issue 19)."""
        index: dict[str, Entity] = {}
        for entity in self.entities.values():
            index.setdefault(entity.name.casefold(), entity)
        return index


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _entity(raw: dict[str, Any], kind: str) -> Entity:
    known = {"id", "kind", "name", "official", "former", "aliases", "acronyms", "topics", "bare", "parent"}
    return Entity(
        id=raw["id"],
        kind=raw.get("kind", kind),
        name=raw["name"],
        acronyms=_tuple(raw.get("acronyms")),
        phrases=_tuple(raw.get("official")) + _tuple(raw.get("former")) + _tuple(raw.get("aliases")),
        topics=_tuple(raw.get("topics")),
        bare=_tuple(raw.get("bare")),
        parent=raw.get("parent"),
        info={k: v for k, v in raw.items() if k not in known},
    )


def _slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


def _national(country: Country, override: dict[str, Any] | None) -> list[Entity]:
    """The national and youth IGF entities of one country, from the naming pattern."""
    names, adjectives = country.names, (country.demonym,)
    phrases: list[str] = []
    for n in names:
        phrases += [
            f"{n} IGF",
            f"{n} Internet Governance Forum",
            f"IGF {n}",
            f"{n} national IGF",
            f"national IGF of {n}",
            f"Internet Governance Forum of {n}",
            f"IGF of {n}",
            f"national IGF in {n}",  # "the national IGF in Chile" (not "the IGF in Chile": a host)
        ]
    for a in adjectives:
        phrases += [f"{a} IGF", f"{a} Internet Governance Forum", f"{a} national IGF"]
    youth: list[str] = []
    for n in names:
        youth += [f"Youth IGF {n}", f"{n} Youth IGF", f"Youth Internet Governance Forum {n}", f"IGF Youth {n}"]
        youth += [f"Youth IGF in {n}", f"Youth IGF of {n}"]  # "from the youth IGF in Chile"
    youth += [f"{country.demonym} Youth IGF", f"Youth {country.demonym} IGF"]
    slug = _slug(country.name)
    national = Entity(
        id=f"nri-{slug}",
        kind="nri",
        name=f"{country.demonym} Internet Governance Forum",
        phrases=tuple(phrases),
        info={"scope": "national", "country": country.name},
    )
    if override:
        extra = _entity({**override, "kind": "nri"}, "nri")
        national = Entity(
            id=extra.id,
            kind="nri",
            name=extra.name,
            acronyms=extra.acronyms,
            phrases=extra.phrases + national.phrases,
            info={**national.info, **extra.info},
        )
    youth_entity = Entity(
        id=f"nri-youth-{slug}",
        kind="nri",
        name=f"Youth IGF {country.name}",
        phrases=tuple(youth),
        info={"scope": "youth", "country": country.name},
    )
    return [national, youth_entity]


def registry_from_data(
    coalitions: dict[str, Any],
    institutions: dict[str, Any],
    nris: dict[str, Any],
    countries: dict[str, Any],
    stakeholders: dict[str, Any],
    holders: dict[str, Any] | None = None,
) -> Registry:
    """Build a registry from already-parsed TOML tables (pure; tests can pass their own)."""
    entities: dict[str, Entity] = {}

    def add(entity: Entity) -> None:
        if entity.id in entities:
            raise ValueError(f"duplicate registry id {entity.id!r}")
        entities[entity.id] = entity

    for raw in coalitions.get("coalition", []):
        add(_entity(raw, "dc"))
    for raw in institutions.get("institution", []):
        add(_entity(raw, raw.get("kind", "igf-body")))
    for raw in stakeholders.get("group", []):
        add(_entity(raw, "stakeholder-group"))
    overrides = {raw["country"]: raw for raw in nris.get("nri", []) if "country" in raw}
    for raw in nris.get("nri", []):
        if "country" not in raw:
            add(_entity(raw, "nri"))
    country_list = tuple(Country(row[0], row[1], tuple(row[2:])) for row in countries.get("countries", []))
    for country in country_list:
        for entity in _national(country, overrides.get(country.name)):
            if entity.id not in entities:
                add(entity)
    office = tuple(
        OfficeHolder(h["name"], h["body"], h.get("role", ""), int(h["from"]), int(h["to"]))
        for h in (holders or {}).get("holder", [])
    )
    return Registry(entities=entities, countries=country_list, holders=office)


def _read(name: str) -> dict[str, Any]:
    return shipped_toml(name)


_FILES = (
    "coalitions.toml",
    "institutions.toml",
    "nris.toml",
    "countries.toml",
    "stakeholders.toml",
    "officeholders.toml",
)


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The registry shipped with the package (read once per process)."""
    built = registry_from_data(*(_read(name) for name in _FILES))
    code = code_digest(__name__)
    source = None if code is None else digest(code, *(shipped_bytes(name) for name in _FILES))
    return replace(built, source=source)
