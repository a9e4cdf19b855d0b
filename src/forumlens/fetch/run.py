"""Web pages into the store: one address (`ingest URL`), or a year of the IGF site (`fetch igf`).

Both go through the one ingest service (`forumlens.ingest.ingest_bytes`): the same
readers, the same size limit, the same idempotence by content hash, the source stored
being the page's address. A run is resumable by running it again: the HTTP cache
answers for pages already downloaded (conditionally, so a changed page is downloaded
again) and the store skips pages it already has.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import ForumlensError
from ..ingest import IngestOptions, ingest_bytes
from ..models import IngestOutcome
from ..read.text import decode_text
from ..store.base import Store
from . import igf_site
from .cache import HttpCache, default_cache_dir
from .http import BlockedByRobots, Fetcher, FetchError, FetchPolicy, HostUnreachable, Page, is_url

__all__ = [
    "FetchReport",
    "fetch_igf",
    "ingest_page",
    "ingest_url",
    "ingest_urls",
    "is_url",
    "page_bytes",
    "page_text",
    "walk_listing",
]

Notify = Callable[[str], None]
MAX_LISTING_PAGES = 500  # a pager that never ends is a site bug, not a reason to run forever


def _quiet(_message: str) -> None:
    return None


def page_bytes(page: Page, site_base: str = igf_site.SITE) -> bytes:
    """What to ingest for a page: an IGF page without the site's chrome, anything else as served."""
    if page.is_html and igf_site.is_site_url(page.url, site_base):
        return igf_site.clean_page(page_text(page)).to_bytes()
    return page.body


def page_text(page: Page) -> str:
    """The page decoded as the readers decode files (BOM, UTF-8, cp1252, mojibake repaired)."""
    return decode_text(page.body, page.url)[0]


def ingest_page(
    store: Store, page: Page, options: IngestOptions, data: bytes, *, on_warning: Notify | None = None
) -> IngestOutcome:
    """Store one fetched page under its address; a page that cannot be read is a failed outcome."""
    try:
        return ingest_bytes(store, data, page.url, options, on_warning=on_warning)
    except ForumlensError as exc:
        return IngestOutcome(page.requested, "failed", exc.render())


def ingest_url(
    store: Store,
    url: str,
    fetcher: Fetcher,
    options: IngestOptions = IngestOptions(),
    *,
    site_base: str = igf_site.SITE,
    on_note: Notify = _quiet,
    on_warning: Notify | None = None,
) -> IngestOutcome:
    """Fetch one page a person named and ingest it (robots.txt is for crawls, not for this).

    Failures come back as a failed outcome whose reason names the address; nothing is
    stored for it.
    """
    try:
        page = fetcher.get(url, obey_robots=False)
        data = page_bytes(page, site_base)
    except HostUnreachable as exc:  # the address is the user's own: `ingest` has no --base to check
        exc.hint = "check the internet connection and the address, then run the command again"
        return IngestOutcome(url, "failed", exc.render())
    except ForumlensError as exc:
        return IngestOutcome(url, "failed", exc.render())
    if page.moved:
        on_note(page.moved)
    return ingest_page(store, page, options, data, on_warning=on_warning)


def ingest_urls(
    store: Store,
    urls: list[str],
    options: IngestOptions = IngestOptions(),
    *,
    cache: HttpCache | None = None,
    policy: FetchPolicy | None = None,
    on_file: Callable[[IngestOutcome], None] | None = None,
    on_note: Notify = _quiet,
    on_warning: Notify | None = None,
) -> list[IngestOutcome]:
    """`forumlens ingest URL…`: each address fetched (cached in the user cache dir) and ingested.

    The size limit is the ingest's; one address failing never stops the others.
    """
    outcomes: list[IngestOutcome] = []
    if not urls:
        return outcomes
    policy = policy or FetchPolicy(max_bytes=options.max_bytes)
    with Fetcher(policy, cache if cache is not None else HttpCache(default_cache_dir())) as fetcher:
        for url in urls:
            outcome = ingest_url(store, url, fetcher, options, on_note=on_note, on_warning=on_warning)
            outcomes.append(outcome)
            if on_file:
                on_file(outcome)
    return outcomes


def walk_listing(
    fetcher: Fetcher, start: str, kind: str, *, limit: int | None = None, on_note: Notify = _quiet
) -> list[str]:
    """The pages a listing lists, across its pager, in order, each once (at most `limit`).

    The first listing page must load (else there is nothing to do: its error is raised);
    a later one that fails ends the walk with a note, keeping what was found.
    """
    links: list[str] = []
    seen: set[str] = set()
    url: str | None = start
    while url and url not in seen and len(seen) < MAX_LISTING_PAGES:
        seen.add(url)
        try:
            page = fetcher.get(url)
        except FetchError as exc:
            if url == start:
                raise
            on_note(f"listing stopped early: {exc.render()}")
            break
        if page.moved:
            on_note(page.moved)
        listing = igf_site.read_listing(page_text(page), page.url, kind)
        links.extend(link for link in listing.links if link not in links)
        if limit is not None and len(links) >= limit:
            return links[:limit]
        url = listing.next
    return links


@dataclass
class FetchReport:
    """What a `fetch igf` run did, page by page, and what it cost the site."""

    listing: str
    outcomes: list[IngestOutcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self, fetcher: Fetcher) -> dict[str, Any]:
        stats = fetcher.stats
        return {
            "listing": self.listing,
            "pages": len(self.outcomes),
            "outcomes": [o.to_json() for o in self.outcomes],
            "notes": self.notes,
            "http": {
                "requests": stats.requests,
                "downloads": stats.downloads,
                "not_modified": stats.not_modified,
                "cache_hits": stats.cache_hits,
                "retries": stats.retries,
                "bytes": stats.bytes,
            },
        }


def fetch_igf(
    store: Store,
    fetcher: Fetcher,
    listing: str,
    *,
    kind: str = "transcripts",
    limit: int | None = None,
    options: IngestOptions = IngestOptions(),
    on_links: Callable[[list[str]], None] | None = None,
    on_page: Callable[[IngestOutcome], None] | None = None,
    on_warning: Notify | None = None,
) -> FetchReport:
    """Walk a listing of the IGF site and ingest every transcript (or report) it lists.

    Pages that are not what `kind` asks for are skipped with the reason; pages that are
    missing, moved, slow, oversized or disallowed by robots.txt get their reason too,
    and never stop the run. Store errors do.
    """
    report = FetchReport(listing)
    links = walk_listing(fetcher, listing, kind, limit=limit, on_note=report.notes.append)
    if on_links:
        on_links(links)
    for url in links:
        outcome = _one_page(store, fetcher, url, kind, options, report, on_warning)
        report.outcomes.append(outcome)
        if on_page:
            on_page(outcome)
    report.notes.extend(fetcher.stats.notes)
    return report


def _one_page(
    store: Store,
    fetcher: Fetcher,
    url: str,
    kind: str,
    options: IngestOptions,
    report: FetchReport,
    on_warning: Notify | None,
) -> IngestOutcome:
    try:
        page = fetcher.get(url)
    except BlockedByRobots as exc:  # the site asked us not to: a choice, not a failure
        return IngestOutcome(url, "skipped", exc.render())
    except FetchError as exc:
        return IngestOutcome(url, "failed", exc.render())
    if page.moved:
        report.notes.append(page.moved)
    if not page.is_html:
        if kind == "reports":
            return ingest_page(store, page, options, page.body, on_warning=on_warning)
        return IngestOutcome(url, "skipped", f"not a transcript page: {page.content_type or 'not HTML'}")
    try:
        clean = igf_site.clean_page(page_text(page))
    except ForumlensError as exc:
        return IngestOutcome(url, "failed", exc.render())
    verdict = igf_site.judge(clean, kind)
    if not verdict.wanted:
        return IngestOutcome(url, "skipped", verdict.reason)
    return ingest_page(store, page, options, clean.to_bytes(), on_warning=on_warning)
