"""The `warwire` command line."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from warwire.records import FIRST_DAY, LAST_DAY, Event, IngestError
from warwire.store import Store, default_db

if TYPE_CHECKING:
    from warwire.merge.holders import ControlHistory
    from warwire.web.queries import EventFilters

app = typer.Typer(
    help="warwire: conflict-event records from war reporting, with the evidence attached.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Manage the gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

# Text from the files (ids, titles, places, cells) reaches these consoles: markup and emoji
# codes are off, so "[/b]" prints as itself and "dev.csv:100:" never becomes an emoji.
# Piped output (CI logs, files) gets a wide table rather than Rich's 80-column default.
out = Console(width=None if sys.stdout.isatty() else 160, markup=False, emoji=False)
err = Console(stderr=True, soft_wrap=True, markup=False, emoji=False)  # an error: one line


def error(message: str, label: str = "error", style: str = "red") -> None:
    """One LABEL line on stderr; MESSAGE is printed as it is, never read as markup."""
    err.print(Text.assemble((label, style), " ", message), highlight=False)


DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite file or postgresql:// URL "
        "\\[default: $WARWIRE_DB or the per-user data folder]",
        show_default=False,
    ),
]


def _engine(value: str) -> str:
    from warwire.engine import CHOICES

    if value not in CHOICES:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(CHOICES)}")
    return value


EngineOpt = Annotated[
    str,
    typer.Option(
        "--engine",
        callback=_engine,
        help="where coding runs: auto (a process per core for 200+ articles, else here), "
        "local, process or dask",
    ),
]
WorkersOpt = Annotated[
    int, typer.Option("--workers", help="processes or Dask workers (0: one per core)")
]


def demo_corpus() -> Path:
    return Path(__file__).resolve().parents[2] / "examples" / "demo"


def _store_errors() -> tuple[type[BaseException], ...]:
    """The database errors a store can raise (psycopg's only when it is installed)."""
    import sqlite3

    try:
        import psycopg
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


@contextmanager
def _store(db: str | None) -> Iterator[Store]:
    """The store for a command; one it cannot open or write (read-only, a folder, gone) is a
    one-line error naming it and exit code 2, not a traceback."""
    url = db or default_db()
    try:
        store = Store(url)
    except (OSError, *_store_errors()) as e:
        error(f"store {url}: cannot open: {_reason(e)}")
        raise typer.Exit(2) from None
    try:
        yield store
    except _store_errors() as e:
        error(f"store {url}: {_reason(e)}")
        raise typer.Exit(2) from None
    finally:
        store.close()


def _reason(e: BaseException) -> str:
    """An exception as one short line."""
    text = " ".join(str(getattr(e, "strerror", None) or e).split())
    return text or type(e).__name__


def _must_exist(db: str | None) -> None:
    """For a command that only reads, a --db file that does not exist is a mistyped path: an
    error, rather than a new, empty store."""
    if db and "://" not in db and not Path(db).exists():
        error(f"--db {db}: no such store file")
        raise typer.Exit(2)


def _read_store(db: str | None):  # noqa: ANN202 - the context manager _store returns
    """The store for a command that only reads (see _must_exist)."""
    _must_exist(db)
    return _store(db)


def _fail(message: str) -> typer.Exit:
    """One line on stderr naming the problem; the caller raises the returned Exit."""
    error(message)
    return typer.Exit(2)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
        disable=not err.is_terminal,
    )


def _report_error(e: IngestError) -> None:
    error(str(e))


def _report_note(e: IngestError) -> None:
    error(str(e), "note", "yellow")


def do_ingest(store: Store, path: Path) -> int:
    """Ingest with a progress bar; returns the number of files that failed."""
    from warwire.pipeline import ingest

    if not path.exists():
        error(f"{path}: no such file or folder")
        raise typer.Exit(2)
    with _progress() as bar:
        task = bar.add_task("ingest", total=None)
        report = ingest(
            store,
            path,
            progress=lambda d, t: bar.update(task, completed=d),
            on_error=_report_error,
            on_note=_report_note,
        )
    out.print(
        f"ingested {report.seen} articles from {path}: {report.new} new, {report.updated} updated, "
        f"{report.unchanged} unchanged, {len(report.errors)} failed; "
        f"{report.wire_groups} wire-copy groups",
        highlight=False,
    )
    return len(report.errors)


def do_code(store: Store, engine: str, workers: int) -> int:
    from warwire.pipeline import code_pending, unread_languages

    with _progress() as bar:
        task = bar.add_task("read + code", total=None)
        n = code_pending(
            store,
            engine=engine,
            workers=workers,
            progress=lambda d, t: bar.update(task, completed=d, total=t),
        )
    out.print(f"coded {n} articles ({store.count('mentions')} mentions stored)", highlight=False)
    unread = unread_languages(store)
    if unread:
        langs = ", ".join(f"{code} {k}" for code, k in unread.items())
        out.print(
            f"{sum(unread.values())} articles not read because of their language ({langs}): "
            "the reading stage reads English",
            highlight=False,
        )
    return n


def do_merge(store: Store) -> list[Event]:
    from warwire.pipeline import merge

    with err.status("merging mentions into events"):
        events = merge(store)
    out.print(
        f"{len(events)} events from {store.count('mentions')} mentions; "
        f"{store.count('control_changes')} control changes",
        highlight=False,
    )
    return events


def _left_out(n: int) -> str:
    return f"{n} undated event{'s' if n != 1 else ''} left out; they are in events.jsonl"


def _short(actor: str | None) -> str:
    """ "Military Forces of Syria (2000-)" -> "Military Forces of Syria" for the table."""
    return re.sub(r"\s*\(\d{4}-\d{0,4}\)$", "", actor or "")


def events_table(events: list[Event], limit: int = 50) -> Table:
    t = Table(title=f"events ({len(events)})", show_lines=False)
    for col in (
        "date",
        "type",
        "location",
        "admin1",
        "actor1",
        "actor2",
        "deaths",
        "src",
        "articles",
    ):
        t.add_column(col, overflow="fold")
    for e in events[:limit]:
        t.add_row(
            e.date.isoformat() if e.date else "",
            e.sub_event_type,
            e.location,
            e.admin1,
            _short(e.actor1),
            _short(e.actor2),
            "" if e.fatalities is None else str(e.fatalities),
            str(e.independent_sources),
            ", ".join(e.articles),
        )
    if len(events) > limit:
        t.caption = f"first {limit} of {len(events)}: see the exports for all"
    return t


@app.command()
def run(
    path: Annotated[
        Path | None, typer.Argument(help="file or folder to ingest \\[default: the demo corpus]")
    ] = None,
    db: DbOpt = None,
    out_dir: Annotated[Path, typer.Option("--out", help="folder for the exports")] = Path(
        "warwire-out"
    ),
    engine: EngineOpt = "auto",
    workers: WorkersOpt = 0,
) -> None:
    """The main job: ingest PATH, code and merge events, show them, write the exports."""
    from warwire.pipeline import publish

    path = path or demo_corpus()
    with _store(db) as store:
        out.print(f"store: {store.url}", highlight=False)
        failed = do_ingest(store, path)
        do_code(store, engine, workers)
        events = do_merge(store)
        out.print(events_table(events))
        files = publish(store, out_dir)
        for fmt, f in files.items():
            out.print(f"wrote {fmt:12} {f}", highlight=False)
        undated = sum(1 for e in events if e.date is None)
        if undated and "acled-csv" in files:
            out.print(f"{_left_out(undated)} of acled-csv (ACLED rows need a day)", highlight=False)
    if failed:
        err.print(f"{failed} input file(s) or record(s) failed: see the errors above")
        raise typer.Exit(1)


@app.command("ingest")
def ingest_cmd(
    path: Annotated[Path, typer.Argument(help="file or folder")],
    db: DbOpt = None,
) -> None:
    """Read articles into the store (re-running never duplicates)."""
    with _store(db) as store:
        failed = do_ingest(store, path)
    if failed:
        raise typer.Exit(1)


@app.command("code")
def code_cmd(db: DbOpt = None, engine: EngineOpt = "auto", workers: WorkersOpt = 0) -> None:
    """Read and code every article not coded yet, then merge."""
    with _store(db) as store:
        do_code(store, engine, workers)
        do_merge(store)


@app.command()
def articles(
    db: DbOpt = None,
    outlet: Annotated[str | None, typer.Option(help="only this outlet")] = None,
    limit: Annotated[int, typer.Option(help="rows to show")] = 50,
) -> None:
    """List the stored articles."""
    if limit < 0:
        raise _fail(f"--limit must be 0 or more, got {limit}")
    with _read_store(db) as store:
        rows = store.articles(outlet=outlet, limit=limit)
        total = store.count("articles")
    t = Table(title=f"articles ({total})")
    for col in ("id", "published", "outlet", "wire group", "title", "chars"):
        t.add_column(col, overflow="fold")
    for a in rows:
        t.add_row(
            a.id,
            a.published.isoformat() if a.published else "",
            a.outlet,
            a.wire_group if a.wire_group != a.id else "",
            a.title[:80],
            str(len(a.text)),
        )
    out.print(t)


def _parse_day(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        error(f"--{name}: {value!r} is not a YYYY-MM-DD date")
        raise typer.Exit(2) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        error(f"--{name}: {value!r} is not a day from {FIRST_DAY} to {LAST_DAY}")
        raise typer.Exit(2)
    return day


StartOpt = Annotated[str | None, typer.Option(help="from this day (YYYY-MM-DD)")]
EndOpt = Annotated[str | None, typer.Option(help="to this day (YYYY-MM-DD)")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="event or sub-event type, any case")]
Admin1Opt = Annotated[str | None, typer.Option(help="province")]
ActorOpt = Annotated[
    str | None, typer.Option(help="part of either actor's or an associate's name, any case")
]
SideOpt = Annotated[str | None, typer.Option(help="side of either actor")]
OutletOpt = Annotated[str | None, typer.Option(help="an outlet that reported it")]
MinSourcesOpt = Annotated[int | None, typer.Option(help="at least this many independent sources")]


def _filters(
    start: str | None,
    end: str | None,
    event_type: str | None,
    admin1: str | None,
    actor: str | None,
    side: str | None,
    outlet: str | None,
    min_sources: int | None,
) -> EventFilters:
    """The event filters, checked as /api/events checks them: one line per mistake."""
    from warwire.filters import FilterError, canonical_type, check_range
    from warwire.web.queries import EventFilters

    first, last = _parse_day(start, "start"), _parse_day(end, "end")
    try:
        check_range(first, last)
        etype, sub = canonical_type(event_type) if event_type else (None, None)
    except FilterError as e:
        raise _fail(str(e)) from None
    if min_sources is not None and min_sources < 1:
        raise _fail(f"--min-sources must be 1 or more, got {min_sources}")
    return EventFilters(
        start=first,
        end=last,
        event_type=etype,
        sub_event_type=sub,
        admin1=admin1 or None,
        actor=actor or None,
        side=side or None,
        outlet=outlet or None,
        min_sources=min_sources,
    )


@app.command()
def events(
    db: DbOpt = None,
    start: StartOpt = None,
    end: EndOpt = None,
    event_type: TypeOpt = None,
    admin1: Admin1Opt = None,
    actor: ActorOpt = None,
    side: SideOpt = None,
    outlet: OutletOpt = None,
    min_sources: MinSourcesOpt = None,
    limit: Annotated[int, typer.Option(help="rows to show")] = 50,
) -> None:
    """Show merged events."""
    from warwire.web.queries import find_events

    if limit < 0:
        raise _fail(f"--limit must be 0 or more, got {limit}")
    f = _filters(start, end, event_type, admin1, actor, side, outlet, min_sources)
    with _read_store(db) as store:
        evs = find_events(store, f)
    out.print(events_table(evs, limit))


CONTROL_GEOJSON = "control-geojson"


@app.command()
def export(
    db: DbOpt = None,
    fmt: Annotated[
        str,
        typer.Option("--format", help="jsonl, acled-csv, geojson, timeline-md or control-geojson"),
    ] = "jsonl",
    out_file: Annotated[Path | None, typer.Option("--out", help="file to write")] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="control-geojson: who held what on this day (YYYY-MM-DD)"),
    ] = None,
    start: StartOpt = None,
    end: EndOpt = None,
    event_type: TypeOpt = None,
    admin1: Admin1Opt = None,
    actor: ActorOpt = None,
    side: SideOpt = None,
    outlet: OutletOpt = None,
    min_sources: MinSourcesOpt = None,
) -> None:
    """Write the events in one format (only those the filters keep), or the control map of
    one day (control-geojson)."""
    from warwire.publish import writers
    from warwire.web.queries import find_events

    table = writers()
    if fmt != CONTROL_GEOJSON and fmt not in table:
        choices = ", ".join([*table, CONTROL_GEOJSON])
        error(f"--format {fmt!r}: choose one of {choices}")
        raise typer.Exit(2)
    if fmt == CONTROL_GEOJSON:
        day = _parse_day(date, "date")
        if day is None:
            error("--format control-geojson needs --date YYYY-MM-DD")
            raise typer.Exit(2)
        _export_control(db, day, out_file or Path(f"control-{day.isoformat()}.geojson"))
        return
    if date:
        error(f"--date applies to --format {CONTROL_GEOJSON} only")
        raise typer.Exit(2)
    f = _filters(start, end, event_type, admin1, actor, side, outlet, min_sources)
    name, write = table[fmt]
    target = out_file or Path(name)
    with _read_store(db) as store:
        chosen = find_events(store, f)
        n = write(chosen, target)
    out.print(f"wrote {n} events to {target}", highlight=False)
    if n < len(chosen):
        out.print(f"{_left_out(len(chosen) - n)} ({fmt} rows need a day)", highlight=False)


def _export_control(db: str | None, day: dt.date, target: Path) -> None:
    from warwire.merge.holders import control_history
    from warwire.publish.control_geojson import write_control_geojson

    with _read_store(db) as store:
        history = control_history(store.control_change_records())
    n = write_control_geojson(history, day, target)
    out.print(f"wrote {n} places held on {day} to {target}", highlight=False)


def _changes_of(store: Store, place: str) -> list[dict]:
    """The stored changes of PLACE, trying the gazetteer's spellings (Saraqib for Saraqeb)."""
    from warwire.places import load_gazetteer

    changes = store.control_changes(place)
    if not changes:
        for cand in load_gazetteer().candidates(place):
            changes = store.control_changes(cand.id) or store.control_changes(cand.name)
            if changes:
                break
    return changes


@app.command()
def control(
    place: Annotated[str | None, typer.Argument(help="place name")] = None,
    db: DbOpt = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="who held each place on this day (YYYY-MM-DD)"),
    ] = None,
) -> None:
    """Who took PLACE, from whom, when, on whose report; with --date, who held what that day."""
    day = _parse_day(date, "date")
    if place is None and day is None:
        error("give a PLACE, or --date YYYY-MM-DD for the map of a day")
        raise typer.Exit(2)
    with _read_store(db) as store:
        changes = _changes_of(store, place) if place else []
        if day is not None:
            from warwire.merge.holders import control_history

            if place:
                from warwire.records import control_change_from_dict

                records = [control_change_from_dict(c) for c in changes]
            else:
                records = store.control_change_records()
            history = control_history(records)
    if place and not changes:
        out.print(f"no control changes recorded for {place}")
        raise typer.Exit(1)
    if day is not None:
        _print_holders(history, day)
        return
    t = Table(title=f"control of {changes[0]['place']} ({changes[0]['admin1']})")
    for col in ("date", "taken by", "from", "event", "articles", "sources"):
        t.add_column(col, overflow="fold")
    for c in changes:
        when = c["date"] or ""
        if c.get("date_range") and c["date_range"][0] != c["date_range"][1]:
            when = f"{when} ({c['date_range'][0]}..{c['date_range'][1]})"
        t.add_row(
            when,
            f"{c['to_actor']} [{c['to_side']}]",
            f"{c['from_actor']} [{c['from_side']}]" if c["from_actor"] else "",
            c["event"],
            ", ".join(c["articles"]),
            ", ".join(c["sources"]),
        )
    out.print(t)


def _print_holders(history: ControlHistory, day: dt.date) -> None:
    from warwire.merge.holders import FRONT_LINE_DAYS, holders_on

    held = holders_on(history, day)
    t = Table(title=f"who held what on {day} ({len(held)} places)")
    for col in ("place", "admin1", "held by", "since", "front line", "contested", "events"):
        t.add_column(col, overflow="fold")
    for h in held:
        t.add_row(
            h.place,
            h.admin1,
            f"{_short(h.holder_actor) or h.holder} [{h.holder}]",
            f"(before {h.until})" if h.inferred else h.since.isoformat(),
            "yes" if h.front_line else "",
            "; ".join(h.why_contested) if h.contested else "",
            ", ".join(h.events),
        )
    t.caption = f"front line: changed hands on {day} or in the {FRONT_LINE_DAYS - 1} days before"
    if not held:
        t.caption = "no place has a recorded change of control on or before this day"
    out.print(t)


@app.command()
def outlets(db: DbOpt = None) -> None:
    """The wording each outlet uses for the same actors and actions."""
    from warwire.merge import outlet_slant

    with _read_store(db) as store:
        rows = outlet_slant(store.articles())
    t = Table(title="outlet wording")
    t.add_column("outlet")
    t.add_column("articles", justify="right")
    t.add_column("lean", justify="right")
    t.add_column("wording (count)", overflow="fold")
    for r in rows:
        counts = [(term, n) for terms in r.terms.values() for term, n in terms.items() if n]
        words = ", ".join(f"{term} {n}" for term, n in sorted(counts, key=lambda kv: -kv[1]))
        t.add_row(r.outlet or "(unknown)", str(r.articles), f"{r.lean:+.2f} {r.label}", words)
    out.print(t)


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="address to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
) -> None:
    """The web view (map, timeline, events, places, outlets) and the JSON API."""
    from warwire.web import serve as serve_web

    _must_exist(db)
    serve_web(db or default_db(), host=host, port=port)


@app.command()
def watch(
    path: Annotated[Path, typer.Argument(help="folder to watch for new files")],
    db: DbOpt = None,
    feed: Annotated[list[str] | None, typer.Option("--feed", help="RSS/Atom feed URL")] = None,
    interval: Annotated[float, typer.Option(help="seconds between feed polls")] = 300.0,
    out_dir: Annotated[Path | None, typer.Option("--out", help="refresh exports here")] = None,
) -> None:
    """Pick up new files (and feed items) as they appear, coding and merging each."""
    from warwire.watch import watch_folder

    watch_folder(path, db or default_db(), feeds=feed or [], interval=interval, out=out_dir)


@gazetteer_app.command("import")
def gazetteer_import(
    file: Annotated[Path, typer.Argument(help="a GeoNames country file (SY.txt or SY.zip)")],
) -> None:
    """Add a full GeoNames country file to the gazetteer (kept in the per-user data folder)."""
    from warwire.places import import_geonames

    if not file.exists():
        error(f"{file}: no such file")
        raise typer.Exit(2)
    try:
        n = import_geonames(file)
    except ValueError as e:
        error(f"{file}: {e}")
        raise typer.Exit(2) from None
    out.print(f"imported {n} places from {file}")


@gazetteer_app.command("lookup")
def gazetteer_lookup(name: Annotated[str, typer.Argument(help="place name, any spelling")]) -> None:
    """Show the gazetteer entries a name resolves to."""
    from warwire.places import load_gazetteer

    cands = load_gazetteer().candidates(name)
    t = Table(title=f"{name}: {len(cands)} entries")
    for col in ("id", "name", "admin1", "admin2", "lat", "lon", "feature"):
        t.add_column(col)
    for p in cands:
        t.add_row(
            p.id,
            p.name,
            p.admin1,
            p.admin2,
            f"{p.latitude or ''}",
            f"{p.longitude or ''}",
            p.feature,
        )
    out.print(t)


def main() -> None:  # pragma: no cover - console entry
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
