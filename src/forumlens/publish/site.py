"""`publish_site`: the portal's public pages as a static site in a folder.

The site is built in a new folder next to the target and moved into place only when
every page is written, so a failed or interrupted publish leaves the previous site as
it was. A folder is replaced only if it is empty or holds a site published before (the
marker file `MARKER`), so a wrong path cannot wipe someone's files.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import ConfigError
from ..settings import Settings
from ..store import Store, open_store
from ..web.session_page import line_credits
from .index import IndexedTurn, IndexStats, SearchIndex
from .links import SEARCH_PAGE, absolute_url, rewrite_html, rewrite_markdown, site_file
from .pages import Page, briefs_index, open_renderer, plan_pages, record_data, render_template

__all__ = ["MARKER", "PublishOptions", "PublishResult", "publish_site"]

MARKER = ".forumlens-site.json"
STATIC = Path(__file__).resolve().parents[1] / "web" / "static"
OWN_PAGES = (SEARCH_PAGE, "briefs/index.html", "record.html")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PublishOptions:
    """What to publish beyond the record itself."""

    briefs: Sequence[str] = ()  # saved topics: one cited brief each
    record_year: int | None = None  # IGF year of the coalition record (default: this year)
    base_url: str | None = None  # where the site will be served, for canonical links
    threads: bool = True  # thread pages and the coalition pages' thread sections (the kept links: seconds)


@dataclass
class PublishResult:
    """What a publish wrote, for the command's summary and the benchmark."""

    folder: Path
    pages: int = 0
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    index: IndexStats = field(default_factory=IndexStats)
    phases: dict[str, float] = field(default_factory=dict)  # seconds: plan (threads linked), pages, index

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "pages": self.pages,
            "files": self.files,
            "bytes": self.bytes,
            "seconds": round(self.seconds, 2),
            "pages_per_second": round(self.pages / self.seconds, 1) if self.seconds else None,
            "counts": self.counts,
            "phases": {name: round(seconds, 2) for name, seconds in self.phases.items()},
            "index": {
                "turns": self.index.turns,
                "terms": self.index.terms,
                "files": self.index.files,
                "bytes": self.index.bytes,
            },
        }


def check_target(folder: Path) -> None:
    """Refuse a target that is a file, or a folder with files that no publish wrote."""
    if folder.exists() and not folder.is_dir():
        raise ConfigError("is a file, not a folder", source=str(folder), hint="give a folder for the site")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / MARKER).is_file():
        raise ConfigError(
            f"is not empty and holds no site published by forumlens (no {MARKER})",
            source=str(folder),
            hint="publish into a new or empty folder, or one an earlier `forumlens publish` wrote",
        )


def publish_site(
    location: str,
    folder: Path,
    settings: Settings,
    options: PublishOptions = PublishOptions(),
    *,
    progress: Progress | None = None,
) -> PublishResult:
    """Render the record at `location` into `folder` as a static site; returns what was written."""
    folder = folder.resolve()
    check_target(folder)
    started = time.perf_counter()
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}.publishing-", dir=folder.parent))
    os.chmod(work, 0o777 & ~_umask())  # mkdtemp's folder is private; a web server must read the site
    try:
        result = _build(location, work, settings, options, progress)
        _write_marker(work, result, options)
        result.files, result.bytes = _size(work)
        _swap(work, folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    result.folder = folder
    result.seconds = time.perf_counter() - started
    return result


def _build(
    location: str, out: Path, settings: Settings, options: PublishOptions, progress: Progress | None
) -> PublishResult:
    year = options.record_year or date.today().year
    phases: dict[str, float] = {}
    clock = time.perf_counter()
    store = open_store(location, readonly=True)
    try:
        plan = plan_pages(store, briefs=options.briefs, record_year=year, threads=options.threads)
        phases["plan"], clock = time.perf_counter() - clock, time.perf_counter()
        shutil.copytree(STATIC, out / "static", ignore=shutil.ignore_patterns("__pycache__"))
        published = {p.file for p in plan} | set(OWN_PAGES)
        published |= {p.relative_to(out).as_posix() for p in (out / "static").rglob("*") if p.is_file()}
        writer = _Writer(out, published, options.base_url, year)
        index = SearchIndex()
        # pages as the summary counts them (HTML; a brief's .md and .json downloads are files, not pages),
        # so the progress line ends on the figure the summary states
        total = sum(1 for p in plan if is_page(p.file)) + len(OWN_PAGES)
        with open_renderer(location, settings, store, threads=options.threads) as renderer:
            for page in plan:
                writer.write(page.file, renderer.get(page))
                if page.session is not None:
                    _index_session(store, index, page, published)
                if progress is not None:
                    progress(writer.pages, total)
        briefs = briefs_index(options.briefs)
        writer.write_text(SEARCH_PAGE, render_template("publish/search.html"))
        writer.write_text("briefs/index.html", render_template("publish/briefs.html", briefs=briefs))
        rule = str(settings.values.get("eligibility_rule") or "v1")
        writer.write_text("record.html", render_template("publish/record.html", record=record_data(store, year, rule)))
        if progress is not None:
            progress(writer.pages, total)
        phases["pages"], clock = time.perf_counter() - clock, time.perf_counter()
        stats = index.write(out / "search")
        phases["index"] = time.perf_counter() - clock
        counts = _counts(plan) | {"briefs": len(briefs)}
        return PublishResult(folder=out, pages=writer.pages, counts=counts, index=stats, phases=phases)
    finally:
        store.close()


def _counts(plan: Sequence[Page]) -> dict[str, int]:
    """Pages of each kind of record, for the summary (list pages not counted)."""
    kinds = {"sessions": "/sessions/", "people": "/people/", "coalitions": "/coalitions/", "threads": "/threads/"}
    counts = {name: sum(1 for p in plan if p.url.startswith(prefix)) for name, prefix in kinds.items()}
    counts["topics"] = sum(1 for p in plan if p.url.startswith("/topics/") and p.url.count("/") == 3)
    return counts


def is_page(file: str) -> bool:
    """Whether a written file is a page: an HTML document a reader opens, as `PublishResult.pages`
    and the progress line count them (downloads, static files and the search index are files)."""
    return file.endswith(".html")


class _Writer:
    """Writes pages into the new site, rewritten for their place in it."""

    def __init__(self, out: Path, published: set[str], base_url: str | None, year: int) -> None:
        self.out = out
        self.published = published
        self.base_url = base_url.rstrip("/") if base_url else None
        stamp = datetime.now(UTC).strftime("%Y-%m-%d")
        self.footer = (
            f' · <a href="/record">Coalition record for IGF {year}</a>'
            f' · <span class="publish-stamp">static copy published {stamp}</span>'
        )
        self.pages = 0

    def write(self, file: str, body: bytes) -> None:
        if is_page(file):
            self.write_text(file, body.decode("utf-8"))
        elif file.endswith(".md"):
            self._save(file, rewrite_markdown(body.decode("utf-8"), file, self.published, self.base_url).encode())
        else:
            self._save(file, body)

    def write_text(self, file: str, page: str) -> None:
        canonical = absolute_url(self.base_url, file) if self.base_url else None
        head = '<link rel="stylesheet" href="/static/publish.css">\n'
        page = rewrite_html(page, file, self.published, canonical=canonical, extra_head=head, extra_footer=self.footer)
        self._save(file, page.encode("utf-8"))
        self.pages += 1

    def _save(self, file: str, data: bytes) -> None:
        path = self.out / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _index_session(store: Store, index: SearchIndex, page: Page, published: set[str]) -> None:
    """Add a session's turns to the search index, each credited as its page credits it."""
    sid = str(page.session)
    info = store.session_info(sid)
    session = store.load_session(sid)
    analyses = store.analyses(sid)
    credited = {
        line: person
        for line, _kind, person, _flagged in line_credits(session, analyses.get("people"), analyses.get("flags"))
    }
    turns = []
    for turn in session.turns:
        who = credited.get(turn.line)
        person_page = site_file(f"/people/{who}") if who else None
        turns.append(
            IndexedTurn(
                line=turn.first_line,  # a portal hit's anchor is where the speech starts
                text=turn.text,
                speaker=who or turn.speaker or turn.label,
                speaker_page=person_page if person_page in published else None,
            )
        )
    index.add_session(page.file, info.title, info.year, turns)


def _write_marker(out: Path, result: PublishResult, options: PublishOptions) -> None:
    data = {
        "generator": f"forumlens {__version__}",
        "published_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "base_url": options.base_url,
        "pages": result.pages,
        "counts": result.counts,
    }
    (out / MARKER).write_text(json.dumps(data, indent=1) + "\n", "utf-8")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def _swap(work: Path, folder: Path) -> None:
    """Put the new site in place of the old one: two renames, the old copy removed after."""
    old = None
    if folder.exists():
        old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
        os.replace(folder, old)
    os.replace(work, folder)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
