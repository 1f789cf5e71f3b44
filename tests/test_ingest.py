"""Ingest: every input format, manifests, bad input, re-ingest through the pipeline, the CLI."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import shutil
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warwire.ingest import iter_articles
from warwire.ingest.dates import find_published, parse_date
from warwire.pipeline import ingest
from warwire.records import Article, IngestError
from warwire.store import Store

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"

LEDE = (
    "Government forces shelled the town of Ariha in Idlib province on Monday, killing three "
    "civilians and wounding seven others, rescuers said."
)
SECOND = (
    "The shells struck a residential street near the main square shortly after noon, "
    "according to a local medic who spoke by telephone."
)


def run(path: Path, **kw: int) -> tuple[list[Article], list[IngestError]]:
    arts: list[Article] = []
    errs: list[IngestError] = []
    for item in iter_articles(path, **kw):
        (arts if isinstance(item, Article) else errs).append(item)
    return arts, errs


def one_error(errs: list[IngestError], name: str) -> IngestError:
    found = [e for e in errs if Path(e.path).name == name]
    assert len(found) == 1, errs
    assert "\n" not in str(found[0])
    return found[0]


# -- formats --------------------------------------------------------------------------------


def test_txt_without_manifest(tmp_path: Path) -> None:
    raw = (
        "Search For Keyword.\n\nShelling kills three in Ariha\n3 min read\nFeb 27, 2021\n\n"
        f"{LEDE}\n\n{SECOND}\n"
    )
    (tmp_path / "ariha-report.txt").write_text(raw, encoding="utf-8")
    arts, errs = run(tmp_path)
    assert errs == []
    [a] = arts
    assert a.id == "ariha-report"
    assert a.title == "Shelling kills three in Ariha"
    assert a.published == dt.date(2021, 2, 27)
    assert a.text == f"{LEDE}\n\n{SECOND}"
    assert a.content_hash == hashlib.sha256(a.text.encode()).hexdigest()
    assert a.source_file == str(tmp_path / "ariha-report.txt")
    assert a.language == "en"


def test_txt_whose_first_line_is_prose_has_no_title(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(f"{LEDE}\n{SECOND}\n", encoding="utf-8")
    [a], _ = run(tmp_path)
    assert a.title == ""
    assert a.text.startswith(LEDE)
    assert a.published is None  # no date printed: say so rather than guess


def test_manifest_gives_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Ariha shelled\n\n{LEDE}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"13 January, 2016\n{SECOND}\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "id,file,url,outlet,published,title\n"
        "art-1,a.txt,https://x.example/1,Some Outlet,2021-03-08,Ariha shelled\n"
        "b,,https://x.example/2,Other Outlet,,\n",  # no file: the row names it by id
        encoding="utf-8",
    )
    arts, errs = run(tmp_path)
    assert errs == []
    by_id = {a.id: a for a in arts}
    a = by_id["art-1"]
    assert (a.url, a.outlet, a.published, a.title) == (
        "https://x.example/1",
        "Some Outlet",
        dt.date(2021, 3, 8),
        "Ariha shelled",
    )
    assert a.text == LEDE
    b = by_id["b"]
    assert b.outlet == "Other Outlet"
    assert b.published == dt.date(2016, 1, 13)  # no date in the manifest: found in the text


def test_single_file_uses_the_manifest_beside_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{LEDE}\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "id,file,outlet,published\nart-1,a.txt,Some Outlet,2021-03-08\n"
        "gone,missing.txt,,\n",  # not this run's business
        encoding="utf-8",
    )
    arts, errs = run(tmp_path / "a.txt")
    assert [a.id for a in arts] == ["art-1"] and errs == []


HTML = """<!DOCTYPE html><html><head><title>Ariha shelled | Some Outlet</title>
<meta property="og:site_name" content="Some Outlet">
<meta property="article:published_time" content="2021-03-08T09:00:00Z">
<script>var tracker = 1;</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ariha shelled</h1><p>{lede}</p>
<p>A message reading &lt;script&gt;alert(1)&lt;/script&gt; was posted on the town council's
page after the attack, officials said.</p>
<script>alert(2)</script><p>{second}</p></article>
<footer>&copy; 2021 Some Outlet. All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML.format(lede=LEDE, second=SECOND), encoding="utf-8")
    [a], errs = run(tmp_path)
    assert errs == []
    assert a.id == "page"
    assert a.title == "Ariha shelled"
    assert a.outlet == "Some Outlet"
    assert a.published == dt.date(2021, 3, 8)
    assert LEDE in a.text and SECOND in a.text
    assert "<script>alert(1)</script>" in a.text  # text that looks like markup stays text
    assert "alert(2)" not in a.text and "tracker" not in a.text and "Home" not in a.text
    assert "All rights reserved" not in a.text


def test_jsonl_records(tmp_path: Path) -> None:
    recs = [
        {
            "id": "j-1",
            "url": "u1",
            "outlet": "A",
            "published": "2021-05-03",
            "title": "T1",
            "text": LEDE,
        },
        {"outlet": "B", "published": "2021-05-04T10:00:00Z", "text": SECOND},
        {"id": "j-3", "html": HTML.format(lede=LEDE, second=SECOND)},
    ]
    (tmp_path / "feed.jsonl").write_text(
        "\n".join(json.dumps(r) for r in recs) + "\n\n", encoding="utf-8"
    )
    arts, errs = run(tmp_path)
    assert errs == []
    assert [a.id for a in arts] == ["j-1", "feed:2", "j-3"]
    assert (arts[0].outlet, arts[0].published, arts[0].title, arts[0].text) == (
        "A",
        dt.date(2021, 5, 3),
        "T1",
        LEDE,
    )
    assert arts[1].published == dt.date(2021, 5, 4)
    assert arts[2].title == "Ariha shelled" and SECOND in arts[2].text


def test_csv_records(tmp_path: Path) -> None:
    (tmp_path / "archive.csv").write_text(
        "id,url,outlet,published,title,text\n"
        f'c-1,u1,A,2021-05-24,T1,"{LEDE}\n\n{SECOND}"\n'
        f',u2,B,"May 25, 2021",T2,"{SECOND}"\n',
        encoding="utf-8",
    )
    arts, errs = run(tmp_path)
    assert errs == []
    assert [a.id for a in arts] == ["c-1", "archive:5"]  # second row starts on line 5
    assert arts[0].text == f"{LEDE}\n\n{SECOND}"
    assert arts[1].published == dt.date(2021, 5, 25)


def test_folder_is_walked_recursively_in_a_fixed_order(tmp_path: Path) -> None:
    for rel in ("b.txt", "a/z.txt", "a/b/c.txt", ".hidden/x.txt", "notes.md", "img.png"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"{LEDE} ({rel})\n", encoding="utf-8")
    first, errs = run(tmp_path)
    assert errs == []
    assert [a.id for a in first] == ["a/b/c", "a/z", "b"]  # ids: paths under the root
    assert [a.id for a in run(tmp_path)[0]] == [a.id for a in first]


def test_duplicate_ids_in_one_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{LEDE}\n", encoding="utf-8")
    (tmp_path / "a.html").write_text(HTML.format(lede=SECOND, second=LEDE), encoding="utf-8")
    arts, errs = run(tmp_path)
    assert errs == [] and [a.id for a in arts] == ["a", "a"]  # two files: the store decides
    with Store(str(tmp_path / "s.db")) as store:
        report = ingest(store, tmp_path)
        ids = sorted(a.id for a in store.articles())
    assert report.new == 2 and report.errors == []
    assert ids[0] == "a" and ids[1].startswith("a~")
    [note] = report.renamed
    assert Path(note.path).name == "a.txt" and "a.html" in note.message


# -- bad input ------------------------------------------------------------------------------


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_text("\n  \n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(LEDE, encoding="utf-8")
    arts, errs = run(tmp_path)
    assert [a.id for a in arts] == ["ok"]
    assert "empty" in one_error(errs, "empty.txt").message
    assert "empty" in one_error(errs, "blank.jsonl").message


def test_binary_and_garbage_files(tmp_path: Path) -> None:
    rng = random.Random(7)
    (tmp_path / "nul.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    (tmp_path / "noise.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000)))
    (tmp_path / "ascii-noise.txt").write_bytes(
        bytes(rng.randrange(33, 127) for _ in range(4000)) + b" a b c d e"
    )
    (tmp_path / "scan.html").write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    (tmp_path / "ok.txt").write_text(LEDE, encoding="utf-8")
    arts, errs = run(tmp_path)
    assert [a.id for a in arts] == ["ok"]
    for name in ("nul.txt", "noise.txt", "ascii-noise.txt", "scan.html"):
        msg = one_error(errs, name).message
        assert "binary" in msg or "garbled" in msg, msg


ARABIC = (
    "قصفت القوات الحكومية بلدة أريحا في ريف إدلب يوم الاثنين مما أدى إلى مقتل ثلاثة مدنيين "
    "وإصابة سبعة آخرين بحسب الدفاع المدني."
)


def test_misencoded_text_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "arabic.txt").write_bytes(f"قصف أريحا\n\n{ARABIC}\n".encode("cp1256"))
    french = "Une frappe a touché le marché d'Ariha lundi, tuant trois civils, selon les secours."
    (tmp_path / "latin.txt").write_bytes(f"{french}\n".encode("latin-1"))
    (tmp_path / "windows.txt").write_bytes(f"\u201c{LEDE}\u201d\n".encode("cp1252"))
    (tmp_path / "bom16.txt").write_text(f"{LEDE}\n", encoding="utf-16")
    arts, errs = run(tmp_path)
    assert errs == []
    by_id = {a.id: a for a in arts}
    assert by_id["arabic"].text == ARABIC and by_id["arabic"].language == "ar"
    assert by_id["arabic"].title == "قصف أريحا"
    assert by_id["latin"].text == french
    assert by_id["windows"].text == f"\u201c{LEDE}\u201d"
    assert by_id["bom16"].text == LEDE


def test_cut_utf8_character_is_tolerated(tmp_path: Path) -> None:
    data = f"{LEDE} \u2014 \u201cquoted.\u201d\n{SECOND} caf\u00e9".encode()
    (tmp_path / "cut.txt").write_bytes(data[:-1])  # last character cut in half
    [a], errs = run(tmp_path)
    assert errs == [] and a.text.startswith(LEDE)


def test_enormous_file_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: 100 MB that take no disk
    (tmp_path / "ok.txt").write_text(LEDE, encoding="utf-8")
    tracemalloc.start()
    try:
        arts, errs = run(tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [a.id for a in arts] == ["ok"]
    assert "over the limit" in one_error(errs, "huge.txt").message
    assert peak < 20 * 1024 * 1024  # the 100 MB were never loaded
    small = tmp_path / "small.txt"
    small.write_text(LEDE * 20, encoding="utf-8")
    _, errs = run(small, max_bytes=1000)
    assert "over the limit of 1,000" in one_error(errs, "small.txt").message


def test_truncated_html(tmp_path: Path) -> None:
    page = HTML.format(lede=LEDE, second=SECOND)
    (tmp_path / "cut1.html").write_text(page[: page.index("</article>")], encoding="utf-8")
    (tmp_path / "cut2.html").write_text(page[: page.index("<p>") + 2], encoding="utf-8")
    (tmp_path / "whole.html").write_text(page, encoding="utf-8")
    arts, errs = run(tmp_path)
    assert [a.id for a in arts] == ["whole"]
    assert "truncated HTML" in one_error(errs, "cut1.html").message
    assert "truncated HTML" in one_error(errs, "cut2.html").message


def test_html_without_article_text(tmp_path: Path) -> None:
    (tmp_path / "nav.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8"
    )
    _, errs = run(tmp_path)
    assert "no article text" in one_error(errs, "nav.html").message


def test_malformed_jsonl_lines_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    good = json.dumps({"id": "g1", "text": LEDE})
    lines = [
        good,
        '{"id": "t1", "text": "cut off in the mid',  # truncated JSON
        "[1, 2, 3]",
        json.dumps({"id": "n1", "title": "no text"}),
        json.dumps({"id": "d1", "published": "31/31/2021", "text": SECOND}),
        json.dumps({"id": "g2", "text": SECOND}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    arts, errs = run(tmp_path)
    assert [a.id for a in arts] == ["g1", "d1", "g2"]
    assert arts[1].published is None  # bad date: read without it, and said so
    assert [(e.line, e.message.split(":")[0].split(" ")[0]) for e in errs] == [
        (2, "invalid"),
        (3, "expected"),
        (4, "record"),
        (5, "unreadable"),
    ]
    assert all(str(e).startswith(f"{tmp_path / 'feed.jsonl'}:{e.line}: ") for e in errs)


def test_malformed_csv_rows(tmp_path: Path) -> None:
    (tmp_path / "rows.csv").write_text(
        "id,title,text\n"
        f'r1,T,"{LEDE}"\n'
        "r2,T,\n"  # missing text
        f'r3,T,"{SECOND}",extra\n'  # one field too many
        f'r4,T,"{SECOND}"\n',
        encoding="utf-8",
    )
    (tmp_path / "unclosed.csv").write_text(
        f'id,text\nu1,"{LEDE}\nu2,"never closed', encoding="utf-8"
    )
    (tmp_path / "notext.csv").write_text("id,file\nx,x.txt\n", encoding="utf-8")
    arts, errs = run(tmp_path)
    assert [a.id for a in arts] == ["r1", "r4"]
    rows = sorted((e.line, e.message) for e in errs if Path(e.path).name == "rows.csv")
    assert [r[0] for r in rows] == [3, 4]
    assert "no text" in rows[0][1] and "4 fields where the header has 3" in rows[1][1]
    assert "manifest.csv" in one_error(errs, "notext.csv").message
    assert one_error(errs, "unclosed.csv").line == 2


def test_manifest_errors_name_the_row(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{LEDE}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{SECOND}\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "id,file,url,outlet,published,title\n"
        "a,a.txt,,A,2021-13-45,\n"  # bad date: the article is still read, without it
        "gone,missing.txt,,B,2021-01-01,\n"  # no such file
        "b,b.txt,,B,2021-01-02,\n",
        encoding="utf-8",
    )
    arts, errs = run(tmp_path)
    assert sorted(a.id for a in arts) == ["a", "b"]
    assert {a.id: a.published for a in arts} == {"a": None, "b": dt.date(2021, 1, 2)}
    found = sorted((e.line, e.message) for e in errs)
    assert found[0][0] == 2 and "2021-13-45" in found[0][1]
    assert found[1][0] == 3 and "missing.txt" in found[1][1] and "not found" in found[1][1]
    assert len(found) == 2


def test_missing_path() -> None:
    _, errs = run(Path("/nonexistent/warwire/corpus"))
    assert "no such file" in errs[0].message


# -- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2021-03-08", dt.date(2021, 3, 8)),
        ("2021-03-08T10:00:00Z", dt.date(2021, 3, 8)),
        ("13 January, 2016", dt.date(2016, 1, 13)),
        ("Feb 27, 2020", dt.date(2020, 2, 27)),
        ("Sun 16 Apr 2017", dt.date(2017, 4, 16)),
        ("27/02/2020", dt.date(2020, 2, 27)),
        ("02/27/2020", dt.date(2020, 2, 27)),
        ("03/04/2020", None),  # March or April: not guessed
        ("2021-13-45", None),
        ("yesterday", None),
    ],
)
def test_parse_date(value: str, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_find_published_only_where_pages_print_dates() -> None:
    body = f"{LEDE}\n\nThe war began on March 15, 2011, when protests spread across the country.\n"
    assert find_published(body) is None
    assert find_published(f"Title\nUpdated: 5 March 2021 10:32 GMT\n{body}") == dt.date(2021, 3, 5)
    assert find_published(f"Sun 16 Apr 2017 {LEDE}") == dt.date(2017, 4, 16)


# -- the demo corpus ------------------------------------------------------------------------


def test_demo_corpus_reads_cleanly_and_is_marked_fictional() -> None:
    arts, errs = run(DEMO)
    assert errs == []
    assert 8 <= len(arts) <= 12
    assert "FICTIONAL" in (DEMO / "README.md").read_text(encoding="utf-8")
    for a in arts:
        assert "Fictional dispatch for the warwire demo." in a.text, a.id
        assert a.published and a.published.year == 2021, a.id
        assert a.outlet and a.title, a.id
    suffixes = {Path(a.source_file).suffix for a in arts}
    assert suffixes == {".txt", ".html", ".jsonl", ".csv"}
    assert any("<script>alert(1)</script>" in a.text for a in arts)


# -- through the pipeline and the store -----------------------------------------------------


def test_reingest_is_idempotent_and_changed_text_updates(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(DEMO, corpus)
    with Store(str(tmp_path / "w.db")) as store:
        first = ingest(store, corpus)
        n = first.new
        assert n >= 8 and first.errors == [] and first.updated == first.unchanged == 0
        assert first.wire_groups >= 1
        again = ingest(store, corpus)
        assert (again.new, again.updated, again.unchanged) == (0, 0, n)
        assert store.count("articles") == n
        groups = {a.id: a.wire_group for a in store.articles()}
        assert groups["demo-04"] == groups["demo-05"] == groups["demo-03"] == "demo-03"
        assert groups["demo-01"] != groups["demo-02"]  # same strike, different reports

        txt = corpus / "atarib-clash-herald.txt"
        txt.write_text(
            txt.read_text(encoding="utf-8").replace("killing four", "killing five"),
            encoding="utf-8",
        )
        third = ingest(store, corpus)
        assert (third.new, third.updated, third.unchanged) == (0, 1, n - 1)
        stored = store.article("demo-08")
        assert stored is not None and "killing five" in stored.text
        assert store.count("articles") == n


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not found")
def test_seeds_through_the_pipeline(tmp_path: Path) -> None:
    with Store(str(tmp_path / "s.db")) as store:
        report = ingest(store, SEEDS)
        assert (report.new, len(report.errors), report.wire_groups) == (5, 0, 1)
        arts = {a.id: a for a in store.articles()}
        assert arts["seed-004"].outlet == "Zaman al-Wasl"
        assert arts["seed-004"].published == dt.date(2020, 2, 27)
        assert arts["seed-001"].wire_group == arts["seed-002"].wire_group
        assert arts["seed-000"].wire_group == "seed-000"


def test_cli_ingest_exit_code_and_good_files_stored(tmp_path: Path) -> None:
    from warwire.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(f"Ariha shelled\n\n{LEDE}\n", encoding="utf-8")
    (corpus / "good.jsonl").write_text(json.dumps({"id": "j", "text": SECOND}) + "\n{oops\n")
    (corpus / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 1, result.output
    with Store(db) as store:
        assert sorted(a.id for a in store.articles()) == ["good", "j"]
    os.remove(corpus / "bad.txt")
    (corpus / "good.jsonl").write_text(json.dumps({"id": "j", "text": SECOND}) + "\n")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 0, result.output
    assert "0 new" in result.output and "2 unchanged" in result.output


def test_cli_unknown_engine_is_one_clear_error_before_any_work(tmp_path: Path) -> None:
    from warwire.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(f"Ariha shelled\n\n{LEDE}\n", encoding="utf-8")
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(app, ["run", str(corpus), "--db", db, "--engine", "ray"])
    assert result.exit_code == 2
    assert "'ray' is not one of auto, local, process, dask" in result.output
    assert "Traceback" not in result.output
    assert not Path(db).exists()  # nothing was ingested
