"""`forumlens publish DIR`: the portal's public pages as a static site, searchable in the browser.

- `links`: portal addresses → site files, and the rewriting of a rendered page (pure);
- `index`: the sharded search index the browser reads (pure);
- `pages`: which pages the site holds, rendered by the portal app in-process (web extra);
- `site`: `publish_site`, building the site in a new folder and moving it into place.

`publish_site` needs the `web` extra (FastAPI, Jinja2); it is imported on first use so
that the pure parts work without it.
"""

from __future__ import annotations

from typing import Any

from .index import SearchIndex, fold, words
from .links import rewrite_html, site_file

__all__ = ["SearchIndex", "fold", "publish_site", "rewrite_html", "site_file", "words"]


def __getattr__(name: str) -> Any:
    if name == "publish_site":
        from .site import publish_site

        return publish_site
    raise AttributeError(name)
