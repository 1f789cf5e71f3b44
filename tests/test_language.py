"""Each article's language is detected at ingest; articles the reader cannot read are counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warwire.ingest.language import detect_language

SHARED = Path(__file__).resolve().parents[2] / "shared"

# invented sentences, one per language
SAMPLES = {
    "en": "The army said on Monday that its forces had taken the village after two days of "
    "fighting with the rebels, who were pushed back to the hills.",
    "pt": "O exército disse na segunda-feira que as suas forças tomaram a aldeia depois de "
    "dois dias de combates com os rebeldes, que foram empurrados para as colinas.",
    "es": "El ejército dijo el lunes que sus fuerzas habían tomado la aldea tras dos días de "
    "combates con los rebeldes, que fueron empujados hacia las colinas.",
    "fr": "L'armée a déclaré lundi que ses forces avaient pris le village après deux jours de "
    "combats avec les rebelles, qui ont été repoussés vers les collines.",
    "de": "Die Armee teilte am Montag mit, dass ihre Truppen das Dorf nach zwei Tagen der "
    "Kämpfe mit den Rebellen eingenommen hätten, die in die Hügel zurückgedrängt wurden.",
    "tr": "Ordu, pazartesi günü yaptığı açıklamada, güçlerinin isyancılarla iki gün süren "
    "çatışmalardan sonra köyü ele geçirdiğini ve bu isyancıların tepelere geri "
    "çekildiğini de açıkladı.",
    "ar": "قال الجيش يوم الاثنين إن قواته سيطرت على القرية بعد يومين من القتال مع المتمردين.",
    "ru": "Армия заявила в понедельник, что её силы взяли деревню после двух дней боёв.",
}


@pytest.mark.parametrize(("code", "text"), sorted(SAMPLES.items()))
def test_each_language_is_told(code: str, text: str) -> None:
    assert detect_language(text) == code


def test_english_with_foreign_names_and_quotes_stays_english() -> None:
    text = (
        "Residents of São Paulo de la Sierra said the militia had left. "
        '"Nós vamos voltar," one fighter told the crowd, according to the monitor.'
    )
    assert detect_language(text) == "en"


def test_too_little_text_is_english() -> None:
    assert detect_language("Aleppo") == "en" and detect_language("") == "en"


def test_ingest_stores_the_language_and_the_run_says_what_was_not_read(tmp_path: Path) -> None:
    from warwire.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for code in ("pt", "tr"):
        (corpus / f"{code}.txt").write_text(SAMPLES[code] + "\n\n" + SAMPLES[code])
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(corpus), "--db", db]).exit_code == 0
    listed = runner.invoke(app, ["code", "--db", db, "--engine", "local"])
    assert listed.exit_code == 0, listed.output
    assert "2 articles not read because of their language (pt 1, tr 1)" in listed.output

    from warwire.store import Store

    with Store(db) as store:
        assert sorted(a.language for a in store.articles()) == ["pt", "tr"]
        assert store.count("mentions") == 0


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared/gold not found")
def test_the_gold_non_english_pages_are_told_apart() -> None:
    for gold in sorted((SHARED / "gold").glob("*.json")):
        foreign = json.loads(gold.read_text(encoding="utf-8")).get("non_english_articles", [])
        corpus = SHARED / "corpus" / gold.stem
        for name in foreign:
            path = corpus / f"{name}.txt"
            if path.is_file():
                assert detect_language(path.read_text(encoding="utf-8")) != "en", name
