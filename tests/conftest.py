"""Shared fixtures: a throwaway PostgreSQL server, and store URLs for both backends.

`pg_url` uses $WARWIRE_TEST_PG when set (a database the tests may create schemas in);
otherwise it runs Debian's initdb/pg_ctl into a temporary folder on a free port and stops the
server at the end of the session. As root, initdb refuses to run, so the server runs as the
`postgres` user. Without PostgreSQL installed the tests that need it skip and say why
(`scripts/system_deps.sh` installs it when run as root).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

PG_ENV = "WARWIRE_TEST_PG"
PG_DB = "warwire_test"


def _pg_bindir() -> Path | None:
    """The newest Debian PostgreSQL bin folder with initdb, or the one on PATH."""
    found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    if found:
        return Path(max(found, key=lambda p: int(Path(p).parts[-3].split(".")[0]))).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as `postgres` then."""
    if os.geteuid() != 0:
        return cmd
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(_quote_sh(c) for c in cmd)]


def _quote_sh(s: str) -> str:
    return "'" + s.replace("'", "'\\''") + "'"


def _run(cmd: list[str], cwd: Path) -> None:
    proc = subprocess.run(_as_server_user(cmd), cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()}")


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """URL of a PostgreSQL database for the session (see the module docstring)."""
    if os.environ.get(PG_ENV):
        yield os.environ[PG_ENV]
        return
    pytest.importorskip("psycopg")
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run "
            "scripts/system_deps.sh as root, or set WARWIRE_TEST_PG to a server's URL"
        )
    if os.geteuid() == 0:
        import pwd

        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no `postgres` user to run the server as")
    base = Path(tempfile.mkdtemp(prefix="warwire-pg-"))
    data, sock, log = base / "data", base / "sock", base / "server.log"
    sock.mkdir()
    if os.geteuid() == 0:
        for p in (base, sock):
            os.chown(p, pw.pw_uid, pw.pw_gid)
    port = _free_port()
    started = False
    try:
        _run(
            [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"]
            + ["-E", "UTF8", "--locale=C", "--no-sync"],
            cwd=base,
        )
        opts = (
            f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        _run(
            [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", opts, "-w"]
            + ["-t", "60", "start"],
            cwd=base,
        )
        started = True
        import psycopg

        admin = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {PG_DB}")
        yield f"postgresql://postgres@127.0.0.1:{port}/{PG_DB}"
    except RuntimeError as e:
        if started:
            raise
        log_tail = log.read_text()[-1000:] if log.exists() else ""
        pytest.skip(f"could not start a throwaway PostgreSQL server: {e} {log_tail}")
    finally:
        if started:
            subprocess.run(
                _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
                cwd=base,
                capture_output=True,
            )
        shutil.rmtree(base, ignore_errors=True)


def _with_schema(url: str, schema: str) -> str:
    """The same database, with SCHEMA first on the search path (libpq `options`)."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture
def pg_schema_url(pg_url: str) -> Iterator[str]:
    """A fresh, empty schema in the test database for one test; dropped afterwards."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield _with_schema(pg_url, schema)
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store on each backend: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "warwire.db")
    return request.getfixturevalue("pg_schema_url")
