"""The FastAPI application: JSON API, HTML pages, the package's own static files.

Nothing is fetched from elsewhere at run time: the interactive docs pages (which FastAPI loads
from a CDN) are switched off, the schema stays at /openapi.json, and the basemap is the GeoJSON
shipped inside the package. Responses carry a strict Content-Security-Policy.
"""

from __future__ import annotations

import gc
import json
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from warwire.web import api, pages
from warwire.web.queries import ControlMaps, EventCounts, StoreProvider

BOUNDARIES_RESOURCE = ("warwire", "data/admin_boundaries.geojson")
DEFAULT_ATTRIBUTION = (
    "Administrative boundaries: OCHA common operational datasets (COD-AB), CC BY-IGO"
)

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
        "form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


BASEMAP_RESOURCE = ("warwire", "data/basemap.geojson")


def basemap_bytes() -> bytes | None:
    """Countries, rivers, highways and towns around the events (scripts/build_basemap.py)."""
    ref = resources.files(BASEMAP_RESOURCE[0]).joinpath(BASEMAP_RESOURCE[1])
    return ref.read_bytes() if ref.is_file() else None


class Boundaries:
    """The basemap GeoJSON: the packaged file, or one given by code (never by a request)."""

    def __init__(self, path: Path | None = None):
        self._path = path
        self._data: bytes | None = None
        self._attribution: str | None = None
        self._lock = threading.Lock()

    def _read(self) -> bytes | None:
        if self._path is not None:
            return self._path.read_bytes() if self._path.is_file() else None
        ref = resources.files(BOUNDARIES_RESOURCE[0]).joinpath(BOUNDARIES_RESOURCE[1])
        return ref.read_bytes() if ref.is_file() else None

    def __call__(self) -> bytes | None:
        """The file's bytes, read once; a missing file is looked for again next time."""
        with self._lock:
            if self._data is None:
                self._data = self._read()
            return self._data

    def attribution(self) -> str:
        """The file's own `attribution` member if it has one."""
        with self._lock:
            if self._attribution is not None:
                return self._attribution
        data = self()
        if data is None:
            return ""
        try:
            found = json.loads(data).get("attribution")
        except (ValueError, AttributeError):
            found = None
        with self._lock:
            self._attribution = str(found) if found else DEFAULT_ATTRIBUTION
            return self._attribution


def static_dir() -> Path:
    return Path(str(resources.files("warwire.web").joinpath("static")))


def create_app(store_url: str, boundaries: Path | None = None) -> FastAPI:
    """The web application over the store at `store_url` (SQLite path or postgresql:// URL)."""
    stores = StoreProvider(store_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # what is alive now (modules, routes, templates) lives as long as the server: kept out
        # of the collector's generations, a full collection no longer walks all of it (a
        # 30 ms pause every few hundred requests otherwise)
        gc.collect()
        gc.freeze()
        yield
        stores.close()

    app = FastAPI(
        title="warwire",
        summary="Conflict events from war reporting, with the evidence attached",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.templates = pages.make_env()
    app.state.boundaries = Boundaries(boundaries)
    app.state.basemap = basemap_bytes
    app.state.control = ControlMaps()
    app.state.counts = EventCounts()

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    return app
