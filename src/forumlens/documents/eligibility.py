"""The record the IGF secretariat keeps per coalition: sessions held, documents on file,
and eligibility for a session slot. Pure: stored documents + registry + year → record.

`forumlens record --year Y` answers "who may get a slot at IGF Y": the evidence is
the year before (P = Y-1). The rule is versioned so a change of policy is a new
version and old records stay reproducible (setting `eligibility_rule`):

    v1  eligible for a slot at IGF Y when the coalition's yearly (annual) report for
        Y-1 is on file and, if it held a session at IGF Y-1, that session's report is
        on file too.

`session_report_on_file` is null when nothing shows a session at IGF Y-1 (no stored
transcript names the coalition and no session report for Y-1 is on file).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..coalition_owned import document_authors
from ..errors import ConfigError
from ..store.base import Store
from ..store.views import StoredDocument

__all__ = [
    "RULES",
    "Rule",
    "StoredItem",
    "build_record",
    "coalition_record",
    "format_record",
    "items_from_documents",
    "title_coalitions",
]


@dataclass(frozen=True)
class Rule:
    version: str
    text: str
    decide: Callable[[bool, bool | None], bool]


RULES: dict[str, Rule] = {
    "v1": Rule(
        "v1",
        "eligible for a session slot at IGF Y when the yearly report for Y-1 is on file and, if the "
        "coalition held a session at IGF Y-1, that session's report is on file",
        lambda annual, session: annual and session is not False,
    ),
}


@dataclass(frozen=True)
class StoredItem:
    """One stored document as the record sees it."""

    id: str
    kind: str  # "transcript" or a document kind
    title: str
    year: int | None
    date: str | None
    coalitions: tuple[str, ...]  # registry ids


def items_from_documents(
    documents: Iterable[StoredDocument], title_coalitions: Callable[[str], list[str]]
) -> list[StoredItem]:
    """Stored documents → items; those stored before metadata existed get coalitions from their title.

    A transcript counts for every coalition its metadata lists (its title's: a session it
    held). A report, statement or paper counts only for its authors
    (`coalition_owned.document_authors`, the coalition page's rule): the partners a report
    names on its first page do not get it on file as theirs.
    """
    items = []
    for doc in documents:
        meta = doc.meta
        if not meta:
            ids = tuple(title_coalitions(doc.title))
        elif doc.kind == "transcript":
            ids = tuple(str(c["id"]) for c in meta.get("coalitions") or [] if isinstance(c, dict) and c.get("id"))
        else:
            ids = tuple(i for _, i in document_authors(doc.title, meta) if i)
        items.append(
            StoredItem(
                id=doc.id,
                kind=doc.kind,
                title=doc.title,
                year=meta.get("year", doc.year) if meta else doc.year,
                date=meta.get("date"),
                coalitions=ids,
            )
        )
    return items


def _rule(version: str) -> Rule:
    try:
        return RULES[version]
    except KeyError:
        raise ConfigError(f"unknown eligibility rule {version!r}", hint="known: " + ", ".join(RULES)) from None


def build_record(
    year: int, coalitions: Sequence[dict[str, Any]], items: Sequence[StoredItem], rule: str = "v1"
) -> dict[str, Any]:
    """The `record --json` contract for slot year `year`.

    `coalitions` are registry rows ({"id", "name", "acronym", "active"}); inactive
    coalitions are listed only when something of theirs is on file.
    """
    decide = _rule(rule)
    previous = year - 1
    out = []
    for coalition in coalitions:
        mine = [i for i in items if coalition["id"] in i.coalitions]
        if coalition.get("active") == "no" and not mine:
            continue
        sessions = [i for i in mine if i.kind == "transcript" and i.year == previous]
        documents = [i for i in mine if i.kind != "transcript" and i.year in (previous, year)]
        annual = any(i.kind == "annual-report" and i.year == previous for i in mine)
        session_report = any(i.kind == "session-report" and i.year == previous for i in mine)
        session_on_file: bool | None = session_report if (sessions or session_report) else None
        by_kind: dict[str, int] = {}
        for doc in documents:
            by_kind[doc.kind] = by_kind.get(doc.kind, 0) + 1
        out.append(
            {
                "id": coalition["id"],
                "name": coalition["name"],
                "acronym": coalition.get("acronym"),
                "sessions": [{"id": s.id, "title": s.title, "year": s.year} for s in sessions],
                "documents": [
                    {"kind": d.kind, "title": d.title, "date": d.date, "year": d.year, "id": d.id} for d in documents
                ],
                "documents_by_kind": dict(sorted(by_kind.items())),
                "annual_report_on_file": annual,
                "session_report_on_file": session_on_file,
                "eligible": decide.decide(annual, session_on_file),
            }
        )
    return {
        "year": year,
        "reporting_year": previous,
        "rule": {"version": decide.version, "text": decide.text},
        "coalitions": out,
    }


def format_record(record: dict[str, Any]) -> str:
    """The record as a plain-text table, one coalition per line."""
    p = record["reporting_year"]
    header = ("coalition", "sessions", "documents", f"annual {p}", f"session report {p}", "eligible")
    rows = [header]
    mark = {True: "yes", False: "no", None: "-"}
    for c in record["coalitions"]:
        docs = ", ".join(f"{k} {n}" for k, n in c["documents_by_kind"].items()) or "-"
        rows.append(
            (
                c["acronym"] or c["name"],
                str(len(c["sessions"])),
                docs,
                mark[c["annual_report_on_file"]],
                mark[c["session_report_on_file"]],
                mark[c["eligible"]],
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    eligible = sum(c["eligible"] for c in record["coalitions"])
    lines.append(
        f"\n{eligible} of {len(record['coalitions'])} coalitions eligible for a session slot at IGF "
        f"{record['year']} (rule {record['rule']['version']}: {record['rule']['text']})"
    )
    return "\n".join(lines)


def title_coalitions(title: str) -> list[str]:
    """Registry ids of the coalitions a title names (for rows stored before metadata existed)."""
    from ..resolve.mentions import find_mentions

    return sorted({m.entity_id for m in find_mentions(title) if m.kind == "dc"}) if title else []


def coalition_record(store: Store, coalition: str, year: int, rule: str = "v1") -> dict[str, Any] | None:
    """One coalition's entry of `forumlens record --year YEAR` (same rows, same rule), for the portal.

    `coalition` is a registry id, display name or acronym; None when the registry does
    not know it. The result adds `year`, `reporting_year` and `rule` to the entry.
    """
    from ..resolve.registry import load_registry

    registry = load_registry()
    wanted = coalition.casefold()
    entity = next(
        (
            e
            for e in registry.of_kind("dc")
            if wanted == e.id.casefold() or wanted == e.name.casefold() or wanted in (a.casefold() for a in e.acronyms)
        ),
        None,
    )
    if entity is None:
        return None
    row = {"id": entity.id, "name": entity.name, "acronym": entity.acronym, "active": "yes"}
    data = build_record(year, [row], items_from_documents(store.stored_documents(), title_coalitions), rule=rule)
    entry = data["coalitions"][0]
    return {**entry, "year": data["year"], "reporting_year": data["reporting_year"], "rule": data["rule"]}
