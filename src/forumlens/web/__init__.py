"""The portal and JSON API (`forumlens serve`): FastAPI, Jinja2 pages, one error handler.

Needs the `web` extra (`pip install 'forumlens[web]'`). `create_app(store_location,
settings)` builds the whole application; everything it shows comes from the store
through `web.views`, the read models the API and the pages share.
"""

from .app import create_app

__all__ = ["create_app"]
