"""`SQLStore`: every query method of the store, composed once for both back ends.

Each mixin is one group of queries in portable SQL over the `SQLBase` primitives; the
two back ends subclass this and add only what is their own.
"""

from __future__ import annotations

from .catalog import CatalogQueries
from .live import LiveQueries
from .portal import PortalQueries
from .routing import RoutingQueries
from .threads import ThreadQueries
from .vectors import VectorQueries
from .views import ViewQueries

__all__ = ["SQLStore"]


class SQLStore(CatalogQueries, ViewQueries, PortalQueries, RoutingQueries, VectorQueries, LiveQueries, ThreadQueries):
    """The queries; `SQLiteStore` and `PostgresStore` supply the connection."""
