"""`warwire serve`: the web view and JSON API over a store."""

from __future__ import annotations

import ipaddress
import sys


def is_loopback(host: str) -> bool:
    """True when binding `host` keeps the server reachable from this machine only."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, port: int) -> str | None:
    """The warning printed when the server would be reachable from other machines."""
    if is_loopback(host):
        return None
    return (
        f"warning: serving on {host}:{port} makes the web view and the JSON API reachable "
        "from other machines, with no login; use --host 127.0.0.1 to keep it on this machine"
    )


def serve(url: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the web application with uvicorn until interrupted."""
    import uvicorn

    from warwire.web.app import create_app

    warning = exposure_warning(host, port)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    print(f"warwire: http://{host}:{port}/ (store: {url})", file=sys.stderr, flush=True)
    uvicorn.run(create_app(url), host=host, port=port, log_level="warning")
