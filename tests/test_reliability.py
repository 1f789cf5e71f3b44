"""Reliability: nothing lost and nothing crashed, whatever the input (issue 18).

Each test names the numbered failure of the issue it covers. Coding is replaced by a stand-in
(one air strike per article, at a place named by the article's title) so the tests exercise
ingest, store, merge, CLI and watch, not spaCy; texts are invented.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from warwire import pipeline
from warwire.cli import app
from warwire.ingest import iter_articles
from warwire.ingest.dates import numeric_order, parse_date
from warwire.ingest.decode import decode_bytes
from warwire.records import ActorRef, Article, DayRef, IngestError, Mention, Place
from warwire.store import Store

DAY = dt.date(2016, 2, 1)
LEDE = (
    "Government forces shelled the town of Ariha in Idlib province on Monday, killing three "
    "civilians and wounding seven others, rescuers said."
)
SECOND = (
    "The shells struck a residential street near the main square shortly after noon, "
    "according to a local medic who spoke by telephone."
)


def title_coder(
    articles: Iterable[Article], *, engine: str = "local", workers: int = 1
) -> Iterator[tuple[Article, list[Mention]]]:
    """Stand-in for the coder: one air strike at a place named by the title (or 'Ariha'),
    by an actor named by the outlet, so any text in a file reaches every printed field."""
    for a in articles:
        name = a.title or "Ariha"
        yield (
            a,
            [
                Mention(
                    id=f"{a.id}-m0",
                    article=a.id,
                    event_type="Explosions/Remote violence",
                    sub_event_type="Air/drone strike",
                    day=DayRef(date=DAY, start=DAY, end=DAY),
                    place=Place(name=name, id=f"g-{name}", admin1=a.outlet or "Idlib"),
                    actor1=ActorRef(name=a.outlet or "Military Forces of Syria", side="gov"),
                    outlet=a.outlet,
                )
            ],
        )


@pytest.fixture
def toy_coder(monkeypatch: pytest.MonkeyPatch) -> None:
    import warwire.engine

    monkeypatch.setattr(warwire.engine, "map_code", title_coder)


def _split(items: Iterable[Article | IngestError]) -> tuple[list[Article], list[IngestError]]:
    arts: list[Article] = []
    errs: list[IngestError] = []
    for item in items:
        (arts if isinstance(item, Article) else errs).append(item)
    return arts, errs


# -- 2, 8: folder walking ------------------------------------------------------------------


def test_2_symlink_loop_is_one_error_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(LEDE)
    (tmp_path / "loop-a.txt").symlink_to(tmp_path / "loop-b.txt")
    (tmp_path / "loop-b.txt").symlink_to(tmp_path / "loop-a.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "back").symlink_to(tmp_path, target_is_directory=True)  # folder loop
    (tmp_path / "sub" / "inner.txt").write_text(SECOND)
    (tmp_path / "manifest.csv").write_text("id,file,outlet\ng,good.txt,Ledger\n")
    arts, errs = _split(iter_articles(tmp_path))
    assert sorted(a.id for a in arts) == ["g", "sub/inner"]
    loops = sorted(Path(e.path).name for e in errs)
    assert loops == ["loop-a.txt", "loop-b.txt"], errs
    assert all("symbolic links" in e.message and "\n" not in str(e) for e in errs)


def test_8_unreadable_folder_is_an_error_and_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ok.txt").write_text(LEDE)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text(SECOND)
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:  # as root, chmod 000 would not stop us
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    db = str(tmp_path / "s.db")
    with Store(db) as store:
        report = pipeline.ingest(store, tmp_path)
    assert report.new == 1
    [e] = report.errors
    assert e.path == str(locked) and e.message == "cannot read folder: Permission denied"


def test_8_unreadable_file_is_an_error_and_the_rest_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(LEDE)
    (tmp_path / "b.txt").write_text(SECOND)
    real_open = Path.open

    def fake_open(self: Path, *args: object, **kw: object) -> object:
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", fake_open)
    arts, errs = _split(iter_articles(tmp_path))
    assert [a.id for a in arts] == ["b"]
    assert [str(e) for e in errs] == [f"{tmp_path / 'a.txt'}: cannot read: Permission denied"]


# -- 3: markup in the files ----------------------------------------------------------------


def _markup_corpus(folder: Path) -> None:
    folder.mkdir()
    rows = ["id,title,outlet,date,text"]
    rows.append(f'c1,[/b],Bold [red]Wire[/red],2016-02-01,"{LEDE}"')
    rows += [f'c{n},,[bold],2016-02-01,"{SECOND} {n}"' for n in range(2, 99)]
    rows.append("c99,,x,2016-02-01")  # line 100: too few fields
    (folder / "dev.csv").write_text("\n".join(rows) + "\n")
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "wire[/i]", "title": "Idlib :100: [link=x]", "text": LEDE + " x"}) + "\n"
    )


def test_3_markup_in_any_field_is_printed_as_text(toy_coder: None, tmp_path: Path) -> None:
    corpus, db, out = tmp_path / "corpus", str(tmp_path / "m.db"), tmp_path / "out"
    _markup_corpus(corpus)
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(corpus), "--db", db, "--out", str(out)])
    assert result.exit_code == 1, result.output  # the bad row fails, nothing crashes
    assert result.exception is None or isinstance(result.exception, SystemExit)
    text = result.output
    assert f"{corpus / 'dev.csv'}:100: row has 4 fields" in text
    assert "\U0001f4af" not in text  # ":100:" is not an emoji
    assert "wire[/i]" in text and "[/b]" in text and "Idlib :100: [link=x]" in text
    with Store(db) as store:
        assert store.count("articles") == 99  # every good row stored
    for cmd in (["articles", "--limit", "200"], ["events", "--limit", "200"]):
        again = runner.invoke(app, [*cmd, "--db", db])
        assert again.exit_code == 0, again.output
        assert "[/b]" in again.output and "wire[/i]" in again.output
        assert "Bold [red]Wire[/red]" in again.output.replace("\n", "") or cmd[0] == "events"


def test_3_watch_prints_errors_as_text_on_one_line(toy_coder: None, tmp_path: Path) -> None:
    from warwire.watch import watch_folder

    folder = tmp_path / "inbox"
    folder.mkdir()
    long = "x" * 150
    (folder / f"{long}.csv").write_text(
        "id,text\n" + "".join(f'r{n},"{LEDE}"\n' for n in range(98)) + "r98\n"
    )
    buf = io.StringIO()
    watch_folder(folder, str(tmp_path / "w.db"), [], once=True, console=Console(file=buf))
    lines = buf.getvalue().splitlines()
    [bad] = [ln for ln in lines if ln.startswith("error")]
    assert bad.startswith(f"error {folder / long}.csv:100: row has 1 fields"), lines


# -- 4: ids --------------------------------------------------------------------------------


def test_4_same_file_name_in_two_folders_keeps_both(toy_coder: None, tmp_path: Path) -> None:
    d1, d2 = tmp_path / "d1", tmp_path / "d2"
    for d, text in ((d1, LEDE), (d2, SECOND)):
        d.mkdir()
        (d / "article.txt").write_text(text)
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(d1), "--db", db])
    second = runner.invoke(app, ["ingest", str(d2), "--db", db])
    assert first.exit_code == 0 and second.exit_code == 0, second.output
    assert "1 new" in second.output and "0 updated" in second.output
    assert (
        f"note {d2 / 'article.txt'}: article id 'article' already names a different text "
        f"(from {d1 / 'article.txt'}); stored as 'article~" in second.output
    )
    with Store(db) as store:
        arts = {a.id: a for a in store.articles()}
    assert set(arts) == {
        "article",
        f"article~{arts[next(iter(set(arts) - {'article'}))].content_hash[:12]}",
    }
    assert arts["article"].text == LEDE
    # re-running either folder changes nothing; rewriting d2's file updates its own article
    again = runner.invoke(app, ["ingest", str(d2), "--db", db])
    assert "0 new, 0 updated, 1 unchanged" in again.output and "note" not in again.output
    (d2 / "article.txt").write_text(SECOND + " Later, more shells fell.")
    again = runner.invoke(app, ["ingest", str(d2), "--db", db])
    assert "0 new, 1 updated" in again.output
    with Store(db) as store:
        texts = sorted(a.text for a in store.articles())
    assert texts == sorted([LEDE, SECOND + " Later, more shells fell."])


def test_4_corpus_ids_unchanged_without_a_clash(tmp_path: Path) -> None:
    (tmp_path / "top.txt").write_text(LEDE)
    (tmp_path / "listed.txt").write_text(SECOND)
    (tmp_path / "manifest.csv").write_text("id,file\nmy-id,listed.txt\n")
    (tmp_path / "rows.jsonl").write_text(json.dumps({"text": LEDE + " Again."}) + "\n")
    arts, errs = _split(iter_articles(tmp_path))
    assert errs == [] and sorted(a.id for a in arts) == ["my-id", "rows:1", "top"]
    [single] = _split(iter_articles(tmp_path / "top.txt"))[0]
    assert single.id == "top"


def test_4_ids_under_a_watched_root_are_its_relative_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(LEDE)
    [a] = _split(iter_articles(tmp_path / "sub" / "a.txt", root=tmp_path))[0]
    [b] = _split(iter_articles(tmp_path))[0]
    assert a.id == b.id == "sub/a"


# -- 12: the smaller defects ---------------------------------------------------------------


def test_12_fakes_month_first_short_dates_are_read(tmp_path: Path) -> None:
    rows = ["unit_id,article_title,article_content,source,date"]
    rows += [
        f'1,T,"{LEDE}",SANA,4/16/17',
        f'2,T,"{SECOND}",SANA,7/5/15',  # ambiguous alone; the file is month-first
    ]
    (tmp_path / "fakes.csv").write_text("\n".join(rows) + "\n")
    arts, errs = _split(iter_articles(tmp_path))
    assert errs == []
    assert [a.published for a in arts] == [dt.date(2017, 4, 16), dt.date(2015, 7, 5)]


def test_12_date_order_comes_from_the_unambiguous_dates() -> None:
    assert numeric_order(["4/16/17", "7/5/15"]) == "mdy"
    assert numeric_order(["16/4/17", "7/5/15"]) == "dmy"
    assert numeric_order(["16/4/17", "4/16/17"]) is None  # mixed: do not guess
    assert numeric_order(["7/5/15"]) is None
    assert parse_date("7/5/15") is None
    assert parse_date("7/5/15", "dmy") == dt.date(2015, 5, 7)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_12_utf16_without_bom_is_text(codec: str) -> None:
    text = "Shelling in Ariha \u2014 \u0627\u0644\u0634\u0627\u0645 \u00e9t\u00e9.\n" * 3
    data = text.encode(codec)
    assert not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert decode_bytes(data) == (text, codec)


def test_12_binary_with_nuls_is_still_binary() -> None:
    from warwire.ingest.decode import NotText

    with pytest.raises(NotText, match="binary"):
        decode_bytes(bytes(range(256)) * 4)


def test_12_duplicate_ids_in_one_file_name_both_lines(tmp_path: Path) -> None:
    lines = [
        {"id": "x", "text": LEDE},
        {"id": "y", "text": SECOND},
        {"id": "x", "text": "B " + LEDE},
    ]
    (tmp_path / "f.jsonl").write_text("".join(json.dumps(o) + "\n" for o in lines))
    arts, errs = _split(iter_articles(tmp_path))
    assert [a.id for a in arts] == ["x", "y"]
    assert [str(e) for e in errs] == [
        f"{tmp_path / 'f.jsonl'}:3: duplicate article id 'x' (first on line 1); record skipped"
    ]


def test_12_read_only_store_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(LEDE)
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(blocker / "s.db")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"error store {blocker / 's.db'}: cannot open" in result.output

    def read_only(*_: object, **__: object) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(Store, "upsert_article", read_only)
    db = str(tmp_path / "ro.db")
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 2, result.output
    assert result.output.strip() == f"error store {db}: attempt to write a readonly database"


# -- 9, 10: the API ------------------------------------------------------------------------


@pytest.fixture
def client_with_slash_id(toy_coder: None, tmp_path: Path) -> Iterator[object]:
    from fastapi.testclient import TestClient

    from warwire.web.app import create_app

    corpus = tmp_path / "c"
    (corpus / "2016" / "feb").mkdir(parents=True)
    (corpus / "2016" / "feb" / "ariha.txt").write_text(LEDE)
    db = str(tmp_path / "api.db")
    with Store(db) as store:
        pipeline.ingest(store, corpus)
        pipeline.code_pending(store, engine="local")
        pipeline.merge(store)
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize(
    "query",
    [
        "/api/events?offset=100000000000000000000",
        "/api/events?min_sources=100000000000000000000",
        "/api/articles?offset=100000000000000000000",
        "/api/events?offset=9223372036854775807",
        "/api/control?date=0001-01-01",
        "/api/control?date=9999-12-31",
        "/api/events?start=0001-01-01",
        "/api/events?end=9999-12-31",
    ],
)
def test_9_out_of_range_values_are_422(client_with_slash_id: object, query: str) -> None:
    response = client_with_slash_id.get(query)  # type: ignore[attr-defined]
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"][0] == "query"


def test_9_values_in_range_still_work(client_with_slash_id: object) -> None:
    client = client_with_slash_id
    assert client.get("/api/events?offset=1000000000&min_sources=1000000").json()["events"] == []  # type: ignore[attr-defined]
    assert client.get("/api/control?date=1900-01-01").status_code == 200  # type: ignore[attr-defined]


def test_10_article_id_with_a_slash_opens(client_with_slash_id: object) -> None:
    from warwire.web.pages import path_part

    client = client_with_slash_id
    api = client.get("/api/articles/" + path_part("2016/feb/ariha"))  # type: ignore[attr-defined]
    assert api.status_code == 200 and api.json()["id"] == "2016/feb/ariha"
    assert api.json()["events"]  # the event cites it
    page = client.get("/articles/2016/feb/ariha")  # type: ignore[attr-defined]
    assert page.status_code == 200 and "Ariha" in page.text
    event = client.get("/events/" + path_part(api.json()["events"][0]))  # type: ignore[attr-defined]
    assert 'href="/articles/2016%2Ffeb%2Fariha"' in event.text
    assert client.get("/articles/2016/feb/nothing").status_code == 404  # type: ignore[attr-defined]


def test_9_cli_days_out_of_range_are_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "e.db")
    for args in (["control", "--date", "0001-01-01"], ["events", "--start", "0001-01-01"]):
        result = CliRunner().invoke(app, [*args, "--db", db])
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output and len(result.output.splitlines()) == 1


# -- 7: bounded cost per article -----------------------------------------------------------


def test_7_an_enormous_article_is_refused_in_one_line(tmp_path: Path) -> None:
    from warwire.ingest import MAX_ARTICLE_CHARS

    def text(chars: int) -> str:  # distinct paragraphs: cleaning drops repeated blocks
        n = chars // len(LEDE) + 1
        return "\n\n".join(f"{LEDE} (report {i}, {SECOND})" for i in range(n))

    (tmp_path / "huge.txt").write_text(text(MAX_ARTICLE_CHARS + 1000))
    (tmp_path / "rows.jsonl").write_text(
        json.dumps({"id": "big", "text": text(5 * MAX_ARTICLE_CHARS)})
        + "\n"
        + json.dumps({"id": "ok", "text": LEDE})
        + "\n"
    )
    (tmp_path / "normal.txt").write_text(text(20_000))
    arts, errs = _split(iter_articles(tmp_path))
    assert sorted(a.id for a in arts) == ["normal", "ok"]
    by_file = {Path(e.path).name: e for e in errs}
    assert set(by_file) == {"huge.txt", "rows.jsonl"}
    assert by_file["rows.jsonl"].line == 1
    for e in errs:
        assert f"over the limit of {MAX_ARTICLE_CHARS:,} for one article" in e.message
        assert "\n" not in str(e)


# -- 11: pool workers end with their parent ------------------------------------------------

POOL_SCRIPT = """
import os, sys, time
import warwire.distributed
from warwire.engine import _process_pool
from warwire.records import Article

def toy_batch(batch):
    open(os.path.join(sys.argv[1], str(os.getpid())), "w").close()
    time.sleep(120)
    return [(a, []) for a in batch]

warwire.distributed.code_batch = toy_batch
import warwire.engine
arts = [Article(id=str(i), text="x") for i in range(200)]
for _ in _process_pool(arts, 2):
    pass
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in state  # a zombie has ended


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to see the workers")
def test_11_kill_9_of_the_parent_ends_its_pool_workers(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "pool.py"
    script.write_text(POOL_SCRIPT)
    pids = tmp_path / "pids"
    pids.mkdir()
    parent = subprocess.Popen([sys.executable, str(script), str(pids)])
    try:
        deadline = time.monotonic() + 60
        while len(list(pids.iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = [int(p.name) for p in pids.iterdir()]
        assert len(workers) == 2 and all(map(_alive, workers))
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert left == []


# -- 2, 6: the watch -----------------------------------------------------------------------


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class _Event:
    def __init__(self, kind: str, path: Path) -> None:
        self.event_type, self.src_path, self.is_directory = kind, str(path), False


def test_6_a_steady_stream_is_taken_at_a_bounded_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    import warwire.watch as w

    clock = _Clock()
    monkeypatch.setattr(w.time, "monotonic", clock)
    changes = w._Changes()
    taken: list[set[Path]] = []
    writing = Path("/in/big.csv")
    for n in range(40):  # one file every 0.7 s: the folder is never quiet for 1 s
        changes.dispatch(_Event("created", Path(f"/in/{n}.txt")))
        changes.dispatch(_Event("closed", Path(f"/in/{n}.txt")))
        changes.dispatch(_Event("modified", writing))  # a file still being written
        got = changes.take(quiet=1.0, max_delay=2.0)
        if got:
            taken.append(got)
        clock.now += 0.7
    assert taken, "starved"
    flat = [p for batch in taken for p in batch]
    done = [p for p in flat if p != writing]
    assert len(done) == len(set(done))  # each file once
    assert set(done) >= {Path(f"/in/{n}.txt") for n in range(36)}  # each waits 2.1 s at most
    # a file never left alone is held while written, but at most 4 x MAX_DELAY each time
    assert 2 <= flat.count(writing) <= 4


def test_6_a_burst_is_one_batch_and_no_bound_means_quiet_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import warwire.watch as w

    clock = _Clock()
    monkeypatch.setattr(w.time, "monotonic", clock)
    changes = w._Changes()
    for n in range(5):
        changes.dispatch(_Event("created", Path(f"/in/{n}.txt")))
        clock.now += 0.1
    assert changes.take(quiet=1.0, max_delay=0.0) == set()
    clock.now += 5.0
    assert len(changes.take(quiet=1.0, max_delay=0.0)) == 5 and changes.pending() == 0


def _watch_thread(folder: Path, url: str, buf: io.StringIO, **kw: object) -> tuple[object, object]:
    import threading

    from warwire.watch import watch_folder

    stop = threading.Event()
    thread = threading.Thread(
        target=watch_folder,
        args=(folder, url, [], 300.0, None),
        kwargs={"stop_event": stop, "console": Console(file=buf), **kw},
        daemon=True,
    )
    thread.start()
    return thread, stop


def _count(url: str) -> int:
    with Store(url) as s:
        return s.count("articles")


def test_6_watch_stores_files_while_they_keep_coming(toy_coder: None, tmp_path: Path) -> None:
    import time

    folder, url, buf = tmp_path / "in", str(tmp_path / "w.db"), io.StringIO()
    folder.mkdir()
    thread, stop = _watch_thread(folder, url, buf, quiet=1.0, max_delay=0.8)
    try:
        time.sleep(0.5)
        stored_during_stream = 0
        for n in range(24):  # a file every 0.3 s for 7 s: never 1 s of quiet
            (folder / f"s{n}.txt").write_text(f"{LEDE} Report {n}.")
            time.sleep(0.3)
            stored_during_stream = max(stored_during_stream, _count(url))
        assert stored_during_stream > 0, buf.getvalue()
        end = time.monotonic() + 15
        while _count(url) < 24 and time.monotonic() < end:
            time.sleep(0.1)
        assert _count(url) == 24
    finally:
        stop.set()
        thread.join(timeout=10)  # type: ignore[attr-defined]


def test_2_watch_takes_in_files_added_while_down_past_a_loop(
    toy_coder: None, tmp_path: Path
) -> None:
    from warwire.watch import watch_folder

    folder, url = tmp_path / "in", str(tmp_path / "w.db")
    folder.mkdir()
    (folder / "a.txt").write_text(LEDE)
    watch_folder(folder, url, [], once=True, console=Console(file=io.StringIO()))
    assert _count(url) == 1
    # while the watch is down: a new file, a symlink loop and a folder loop arrive
    (folder / "later").mkdir()
    (folder / "later" / "b.txt").write_text(SECOND)
    (folder / "x.txt").symlink_to(folder / "y.txt")
    (folder / "y.txt").symlink_to(folder / "x.txt")
    (folder / "later" / "up").symlink_to(folder, target_is_directory=True)
    buf = io.StringIO()
    watch_folder(folder, url, [], once=True, console=Console(file=buf))
    assert _count(url) == 2
    errors = [ln for ln in buf.getvalue().splitlines() if ln.startswith("error")]
    assert len(errors) == 2 and all("symbolic links" in e for e in errors), errors
    with Store(url) as s:
        assert sorted(a.id for a in s.articles()) == ["a", "later/b"]


def test_2_running_watch_goes_on_past_a_symlink_loop(toy_coder: None, tmp_path: Path) -> None:
    import time

    folder, url, buf = tmp_path / "in", str(tmp_path / "w.db"), io.StringIO()
    folder.mkdir()
    thread, stop = _watch_thread(folder, url, buf, quiet=0.3)
    try:
        time.sleep(0.5)
        (folder / "x.txt").symlink_to(folder / "y.txt")
        (folder / "y.txt").symlink_to(folder / "x.txt")
        (folder / "loop").mkdir()
        (folder / "loop" / "up").symlink_to(folder, target_is_directory=True)
        time.sleep(1.0)
        (folder / "after.txt").write_text(LEDE)
        end = time.monotonic() + 15
        while _count(url) < 1 and time.monotonic() < end:
            time.sleep(0.1)
        assert _count(url) == 1, buf.getvalue()
    finally:
        stop.set()
        thread.join(timeout=10)  # type: ignore[attr-defined]
    assert not thread.is_alive()  # type: ignore[attr-defined]
    errors = [ln for ln in buf.getvalue().splitlines() if ln.startswith("error")]
    assert errors and all("symbolic links" in e for e in errors), buf.getvalue()
    assert {Path(e.split()[1].rstrip(":")).name for e in errors} == {"x.txt", "y.txt"}


def test_4_claim_id_on_both_stores(store_url: str) -> None:
    import hashlib

    def art(text: str, source: str) -> Article:
        return Article(
            id="report",
            text=text,
            source_file=source,
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
        )

    with Store(store_url) as store:
        first, other = art(LEDE, "/d1/report.txt"), art(SECOND, "/d2/report.txt")
        assert store.claim_id(first) == ("report", "")
        store.upsert_article(first)
        assert store.claim_id(art(LEDE + " More.", "/d1/report.txt")) == ("report", "")
        assert store.claim_id(art(LEDE, "/elsewhere/report.txt")) == ("report", "")  # same text
        new_id, clash = store.claim_id(other)
        assert (new_id, clash) == ("report~" + other.content_hash[:12], "/d1/report.txt")
        other.id = new_id
        store.upsert_article(other)
        assert store.claim_id(art(SECOND + " Update.", "/d2/report.txt")) == (new_id, "")


def test_soak_schedule_has_bursts_bad_files_and_rewrites(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util
    import sys

    root = Path(__file__).resolve().parents[1]
    if not (root.parent / "shared" / "corpus").is_dir():
        pytest.skip("../shared is absent")
    spec = importlib.util.spec_from_file_location("soak", root / "benchmarks" / "soak_watch.py")
    assert spec and spec.loader
    soak = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "soak", soak)  # dataclasses look their module up
    spec.loader.exec_module(soak)
    drops = soak.schedule(60, 2.0, seed=3)
    firsts = [d for d in drops if d.article and not d.rewrite]
    assert len(firsts) == len({d.article for d in firsts}) == 60  # one file per article
    assert len({d.name for d in firsts}) == 60
    assert sum(1 for d in drops if not d.article) >= 6
    rewrites = [d for d in drops if d.rewrite]
    assert rewrites and all(
        r.at > next(d.at for d in firsts if d.article == r.article) for r in rewrites
    )
    gaps = [b.at - a.at for a, b in zip(drops, drops[1:], strict=False)]
    assert any(g <= 0.11 for g in gaps) and drops[-1].at <= 120.0
