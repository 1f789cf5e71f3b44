"""A manifest that arrives after its files changes an article's metadata, not its text."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from typer.testing import CliRunner

from warwire.cli import app
from warwire.records import Article
from warwire.store import Store


def _article(**kw: object) -> Article:
    text = "Government forces shelled the town of Ariha on Tuesday."
    base = dict(id="a-1", text=text, content_hash=hashlib.sha256(text.encode()).hexdigest())
    base.update(kw)
    return Article(**base)  # type: ignore[arg-type]


def test_new_date_is_an_update_and_recodes(store_url: str) -> None:
    store = Store(store_url)
    assert store.upsert_article(_article()).status == "new"
    store.replace_mentions("a-1", _article().content_hash, [])
    assert store.articles_to_code() == []
    assert store.upsert_article(_article()).status == "unchanged"
    dated = _article(published=dt.date(2021, 3, 10), outlet="Wire")
    assert store.upsert_article(dated).status == "updated"
    stored = store.article("a-1")
    assert stored.published == dt.date(2021, 3, 10) and stored.outlet == "Wire"
    assert store.articles_to_code() == ["a-1"]  # relative days must be resolved again
    assert store.count("articles") == 1
    store.close()


def test_title_only_change_does_not_recode(store_url: str) -> None:
    store = Store(store_url)
    store.upsert_article(_article())
    store.replace_mentions("a-1", _article().content_hash, [])
    assert store.upsert_article(_article(title="Ariha shelled")).status == "updated"
    assert store.articles_to_code() == []
    store.close()


def test_outlets_command_prints_the_slant_table(tmp_path) -> None:
    db = str(tmp_path / "w.db")
    store = Store(db)
    for i, (outlet, text) in enumerate(
        [
            ("Outlet A", "Regime forces and Assad's militias shelled rebels in Ariha."),
            ("Outlet B", "The Syrian Arab Army liberated the town from terrorists."),
        ]
    ):
        store.upsert_article(_article(id=f"a-{i}", outlet=outlet, text=text, content_hash=str(i)))
    store.close()
    result = CliRunner().invoke(app, ["outlets", "--db", db])
    assert result.exit_code == 0, result.output
    a_line = next(line for line in result.output.splitlines() if "Outlet A" in line)
    b_line = next(line for line in result.output.splitlines() if "Outlet B" in line)
    assert "pro-opposition" in a_line and "pro-government" in b_line


def test_new_coding_rules_code_stored_articles_again(tmp_path, monkeypatch) -> None:
    import warwire.code
    from warwire.pipeline import code_pending, ingest

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Government artillery shelled the town of Atarib on Monday, wounding four civilians.\n",
        encoding="utf-8",
    )
    store = Store(str(tmp_path / "w.db"))
    ingest(store, corpus)
    assert code_pending(store) == 1
    assert code_pending(store) == 0  # same text, same rules: nothing to do
    monkeypatch.setattr(warwire.code, "coder_version", lambda: "newer-rules")
    assert code_pending(store) == 1
    assert code_pending(store) == 0
    store.close()


def test_coding_stores_in_batches_and_a_crash_keeps_whole_batches(tmp_path, monkeypatch) -> None:
    import warwire.engine
    from warwire import pipeline

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(5):
        (corpus / f"a{i}.txt").write_text(
            f"Government artillery shelled the town of Atarib on Monday, wounding {i + 2} "
            "civilians.\n",
            encoding="utf-8",
        )
    store = Store(str(tmp_path / "w.db"))
    pipeline.ingest(store, corpus)
    monkeypatch.setattr(pipeline, "WRITE_CHUNK", 2)
    real = warwire.engine.map_code

    def crashing(articles, **kw):  # the coder dies on the fifth article
        for n, pair in enumerate(real(articles, **kw)):
            if n == 4:
                raise RuntimeError("worker died")
            yield pair

    monkeypatch.setattr(warwire.engine, "map_code", crashing)
    steps: list[tuple[int, int | None]] = []
    with pytest.raises(RuntimeError):
        pipeline.code_pending(store, progress=lambda d, t: steps.append((d, t)))
    assert steps == [(2, 5), (4, 5)]
    assert len(store.articles_to_code(pipeline_version())) == 1  # two batches were kept
    monkeypatch.setattr(warwire.engine, "map_code", real)
    assert pipeline.code_pending(store) == 1
    assert store.count("mentions") == 5
    store.close()


def pipeline_version() -> str:
    from warwire.code import coder_version

    return "@" + coder_version()
