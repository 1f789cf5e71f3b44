"""The bundled gazetteer: spelling variants, ambiguity, foreign names, the sentence scanner,
point-in-polygon and the GeoNames overlay."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest

from warwire.places import import_geonames, load_gazetteer, unknown_place
from warwire.places.admin import BOUNDARIES, PROVINCES
from warwire.places.gazetteer import BUNDLED, timed_load
from warwire.places.names import fold_key

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


# --- spelling variants ------------------------------------------------------------------

VARIANTS = [
    (["Saraqeb", "Saraqib"], "Idlib"),
    (["Maaret al-Numan", "Maarat al-Numan", "Ma'arrat al-Nu'man", "Maarat an-Numan"], "Idlib"),
    (["Kansafra", "Kansafrah"], "Idlib"),
    (["Nubbul", "Nubl"], "Aleppo"),
    (["Zahra", "Zahraa", "al-Zahraa"], "Aleppo"),
    (["Latakia", "Lattakia"], "Latakia"),
    (["Idlib", "Idleb"], "Idlib"),
    (["Mrouniyah", "Mrouniyat", "Marouniyah"], "Latakia"),
    (["Marj Kawkah", "Marj Khokha", "Marj Khawkha"], "Latakia"),
    (["Jisr al-Shughur", "Jisr ash-Shughur"], "Idlib"),
]


@pytest.mark.parametrize(("spellings", "province"), VARIANTS)
def test_spellings_resolve_to_one_entry(gaz, spellings, province):
    places = [gaz.resolve(s, admin1_hint=[province]) for s in spellings]
    assert all(p is not None for p in places), spellings
    assert len({p.id for p in places}) == 1, [(p.name, p.id) for p in places]
    assert places[0].admin1 == province
    assert places[0].feature == "populated place"


def test_fold_key_joins_transliterations_but_not_different_names():
    assert fold_key("Saraqeb") == fold_key("Saraqib")
    assert fold_key("Deir Ezzor") == fold_key("Deir ez-Zor") == fold_key("Dayr az Zawr")
    assert fold_key("Hmeimim") != fold_key("Hama")
    assert fold_key("Homs") != fold_key("Hama")


@pytest.mark.parametrize(
    ("name", "province"),
    [
        ("Salma", "Latakia"),
        ("Kansafra", "Idlib"),
        ("Bara", "Idlib"),
        ("al-Bara", "Idlib"),
        ("Mayer", "Aleppo"),
        ("Rityan", "Aleppo"),
        ("Nubl", "Aleppo"),
        ("Zahraa", "Aleppo"),
        ("Saraqeb", "Idlib"),
        ("Maaret al-Numan", "Idlib"),
        ("Manbij", "Aleppo"),
    ],
)
def test_reported_towns_resolve_without_context(gaz, name, province):
    place = gaz.resolve(name)
    assert place is not None and place.admin1 == province
    assert place.latitude is not None and place.id


def test_every_syrian_point_has_admin_units(gaz):
    for p in gaz.places:
        if p.country != "Syria" or p.feature in ("region", "admin1", "admin2"):
            continue
        assert p.admin1 in PROVINCES, p
        assert p.admin2 and p.admin3, p


# --- ambiguity ------------------------------------------------------------------------


def test_ambiguous_name_follows_province_hint(gaz):
    provinces = {p.admin1 for p in gaz.candidates("Suran") if p.feature == "populated place"}
    assert {"Aleppo", "Hama"} <= provinces
    assert gaz.resolve("Suran", admin1_hint=["Aleppo"]).admin1 == "Aleppo"
    assert gaz.resolve("Suran", admin1_hint=["Hama"]).admin1 == "Hama"
    # earlier hints weigh more; hints may be spelled any way
    assert gaz.resolve("Suran", admin1_hint=["Hama", "Aleppo"]).admin1 == "Hama"
    assert gaz.resolve("Suran", admin1_hint=["Damascus", "Aleppo", "Hama"]).admin1 == "Aleppo"


def test_ambiguous_name_follows_nearby_places(gaz):
    azaz, morek = gaz.resolve("Azaz"), gaz.resolve("Morek")
    assert gaz.resolve("Suran", near=[azaz]).admin1 == "Aleppo"
    assert gaz.resolve("Suran", near=[morek]).admin1 == "Hama"
    # Zahra is also a Hasakah village; next to Nubl it is al-Zahraa of Aleppo
    assert gaz.resolve("Zahra", near=[gaz.resolve("Nubl")]).admin1 == "Aleppo"


def test_populated_place_beats_hill_and_admin_area(gaz):
    salma = gaz.candidates("Salma")
    assert any(p.feature == "hill" for p in salma)  # "Western Salma mountain"
    assert gaz.resolve("Salma").feature == "populated place"
    ras = gaz.resolve("Ras al-Ain")
    assert ras.feature == "populated place" and ras.admin1 == "Hasakah"


# --- foreign places ---------------------------------------------------------------------


def test_foreign_names_are_not_syrian_villages(gaz):
    text = "Talks in Geneva and Astana failed as refugees fled to Kilis, Reyhanli and Beirut."
    spans = gaz.find(text)
    assert [s.surface for s in spans] == ["Geneva", "Astana", "Kilis", "Reyhanli", "Beirut"]
    for s in spans:
        assert s.candidates and all(c.country != "Syria" for c in s.candidates)
        assert all(c.feature == "foreign" for c in s.candidates)
        assert gaz.resolve(s.surface) is None


def test_foreign_name_hides_tiny_syrian_namesake(gaz):
    # an Idlib hamlet is also called Sinjar; the name means the Iraqi town
    assert any(gaz.places[i].country == "Syria" for i in gaz.light["sinjar"])
    assert [c.country for c in gaz.candidates("Sinjar")] == ["Iraq"]
    assert gaz.resolve("Sinjar") is None


# --- provinces --------------------------------------------------------------------------

PROVINCE_SPELLINGS = {
    "Idlib": ["Idlib", "Idleb"],
    "Latakia": ["Latakia", "Lattakia"],
    "Deir ez-Zor": ["Deir ez-Zor", "Deir Ezzor", "Deir al-Zour", "Dayr az Zawr"],
    "Raqqa": ["Raqqa", "Rakka", "Ar-Raqqa", "al-Raqqa"],
    "Hasakah": ["Hasakah", "Hasakeh", "Al-Hasakah"],
    "Daraa": ["Daraa", "Deraa", "Dar'a"],
    "As-Suwayda": ["Suwayda", "Sweida", "As-Suwayda"],
    "Tartus": ["Tartus", "Tartous"],
    "Quneitra": ["Quneitra"],
    "Homs": ["Homs"],
    "Hama": ["Hama"],
    "Aleppo": ["Aleppo"],
    "Damascus": ["Damascus"],
    "Rural Damascus": ["Rural Damascus", "Rif Dimashq", "Damascus countryside"],
}


@pytest.mark.parametrize(("canonical", "spellings"), sorted(PROVINCE_SPELLINGS.items()))
def test_province_names(gaz, canonical, spellings):
    for s in spellings:
        assert gaz.province(s) == canonical, s
    place = gaz.admin_place(spellings[-1])
    assert (place.name, place.admin1, place.feature) == (canonical, canonical, "admin1")
    assert 32.0 < place.latitude < 37.5 and 35.5 < place.longitude < 42.5


def test_province_rejects_towns_and_words(gaz):
    for name in ["Salma", "Saraqeb", "Manbij", "Deir", "Hameh", "Geneva", "province"]:
        assert gaz.province(name) is None, name
    assert set(PROVINCES) == set(PROVINCE_SPELLINGS)


# --- point in polygon -------------------------------------------------------------------


def test_locate(gaz):
    salma = gaz.resolve("Salma")
    assert gaz.locate(salma.latitude, salma.longitude) == (salma.admin1, salma.admin2, salma.admin3)
    a1, a2, a3 = gaz.locate(36.20, 37.16)  # Aleppo city
    assert a1 == "Aleppo" and a2 and a3
    assert gaz.locate(33.5, 36.29)[0] == "Damascus"
    assert gaz.locate(33.89, 35.50) == ("", "", "")  # Beirut
    assert gaz.locate(48.86, 2.35) == ("", "", "")


def test_boundaries_file_is_compact_geojson():
    assert BOUNDARIES.stat().st_size < 2_000_000
    doc = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    levels = [f["properties"]["level"] for f in doc["features"]]
    assert levels.count(1) == 14 and levels.count(2) > 50 and levels.count(3) > 250


# --- the sentence scanner ---------------------------------------------------------------


def test_find_offsets_prefixes_and_longest_match(gaz):
    text = (
        "Rebels shelled Kansafra and al-Bara in Jabal al-Zawiya, south of Idlib's centre, "
        "and fighting reached Jisr al-Shughur and Deir ez-Zor."
    )
    spans = gaz.find(text)
    surfaces = [s.surface for s in spans]
    assert surfaces == [
        "Kansafra",
        "al-Bara",
        "Jabal al-Zawiya",
        "Idlib",
        "Jisr al-Shughur",
        "Deir ez-Zor",
    ]
    for s in spans:
        assert text[s.start : s.end] == s.surface
        assert s.candidates
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
    bara = spans[1]
    assert gaz.resolve(bara.surface).admin1 == "Idlib"
    assert spans[2].candidates[0].feature == "region"


def test_find_article_with_space_and_curly_apostrophes(gaz):
    spans = gaz.find("Strikes on al Bara and Ma\u2019arrat al-Nu\u2019man.")
    assert [s.surface for s in spans] == ["al Bara", "Ma\u2019arrat al-Nu\u2019man"]
    assert gaz.resolve(spans[1].surface).admin1 == "Idlib"


def test_ordinary_english_finds_nothing(gaz):
    text = (
        "Now the Mayor of the Western district said on Monday that in January the hill was "
        "quiet. The army said it would continue to fight until the last gunman is killed, "
        "a spokesman told the press in a statement issued late on Tuesday. May God help us."
    )
    assert gaz.find(text) == []


@pytest.mark.parametrize("word", ["Tal", "Ain", "Deir", "Jabal", "Hill", "Now", "Mayor", "Western"])
def test_generic_words_alone_are_not_places(gaz, word):
    assert gaz.find(f"{word} said the report was wrong.") == []
    assert gaz.find(f"They met in {word} yesterday.") == []


def test_generic_word_names_need_the_article_or_a_second_word(gaz):
    assert gaz.find("Bab said nothing.") == []
    assert [s.surface for s in gaz.find("Troops entered al-Bab.")] == ["al-Bab"]
    assert [s.surface for s in gaz.find("Shells hit Tal Abyad.")] == ["Tal Abyad"]


def test_english_words_do_not_join_folded_names(gaz):
    # "In Deir" folds like the hamlet "Ain Diwar"; only "Deir Ezour" is a name here
    assert [s.surface for s in gaz.find("In Deir Ezour the army advanced.")] == ["Deir Ezour"]


def test_folded_name_beats_a_shorter_exact_name_at_the_same_word(gaz):
    # "Marat" is a village of its own; "Marat Al Noman" is only a folded Maarrat al-Nu'man
    spans = gaz.find("A baby was rescued in Marat Al Noman on Monday.")
    assert [(s.surface, s.candidates[0].name) for s in spans] == [
        ("Marat Al Noman", "Maarrat al-Nu'man")
    ]
    assert [s.surface for s in gaz.find("Shells fell on Marat in the morning.")] == ["Marat"]


def test_people_and_groups_are_not_places(gaz):
    text = (
        "President Bashar al-Assad met Zakariya Ahmad; Hayat Tahrir al-Sham, Jaish al-Islam "
        "and the Nusra Front, the SDF and the YPG fought, SANA said."
    )
    assert gaz.find(text) == []


def test_acronym_country_names(gaz):
    spans = gaz.find("US and UK officials met.")
    assert [(s.surface, s.candidates[0].country) for s in spans] == [
        ("US", "United States"),
        ("UK", "United Kingdom"),
    ]


def test_seed_article_places(gaz):
    path = SHARED / "corpus" / "seeds" / "seed-000.txt"
    if not path.exists():
        pytest.skip("shared corpus absent")
    text = path.read_text(encoding="utf-8")
    found = {s.surface for s in gaz.find(text)}
    assert {"Salma", "Latakia", "Geneva"} <= found
    resolved = {gaz.resolve(s).name for s in found if gaz.resolve(s) is not None}
    assert "Salma" in resolved


# --- unknown places, file, loading -------------------------------------------------------


def test_unknown_place():
    p = unknown_place("  Tall  Nowhere ", admin1="Idlib")
    assert (p.name, p.admin1, p.id, p.latitude, p.longitude) == (
        "Tall Nowhere",
        "Idlib",
        "",
        None,
        None,
    )
    assert load_gazetteer().resolve("Tall Nowhere Qwxz") is None


def test_bundled_file_carries_licence_and_loads_once():
    with gzip.open(BUNDLED, "rt", encoding="utf-8") as fh:
        doc = json.load(fh)
    assert "CC BY-SA 4.0" in doc["notice"] and "GeoNames" in doc["notice"]
    gaz, _seconds = timed_load()  # its speed is a benchmark figure, not a test
    assert len(gaz) > 5000
    assert load_gazetteer() is load_gazetteer()


# --- GeoNames overlay -------------------------------------------------------------------


def _row(gid, name, alts, lat, lon, fclass, fcode, cc="SY", pop=0):
    cols = [
        str(gid),
        name,
        name,
        ",".join(alts),
        str(lat),
        str(lon),
        fclass,
        fcode,
        cc,
        "",
        "12",
        "",
        "",
        "",
        str(pop),
        "",
        "300",
        "Asia/Damascus",
        "2020-01-01",
    ]
    return "\t".join(cols)


def _dump(path: Path) -> Path:
    lines = [
        # a hamlet no bundled source has, in Idlib
        _row(
            99000001,
            "Qaryat Zuhlufiyah",
            ["Zuhlufiyah", "Zuhloufiyeh", "زحلوفية"],
            35.71,
            36.60,
            "P",
            "PPL",
            pop=700,
        ),
        # a hill
        _row(99000002, "Jabal Khazrunah", [], 35.80, 36.20, "T", "MT"),
        # Saraqib is bundled (GeoNames id 164816): only its new spelling is added
        _row(164816, "Saraqib", ["Sraqeb Town"], 35.86447, 36.80591, "P", "PPLA2", pop=34231),
        # not Syrian, not a kept feature, not in Syria: all skipped
        _row(99000003, "Zuhlufiyah Turkiye", [], 36.7, 37.1, "P", "PPL", cc="TR"),
        _row(99000004, "Some Wadi", [], 35.7, 36.6, "H", "WAD"),
        _row(99000005, "Far Away", [], 48.8, 2.3, "P", "PPL"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("WARWIRE_DATA_DIR", str(tmp_path / "data"))
    load_gazetteer.cache_clear()
    yield tmp_path
    load_gazetteer.cache_clear()


def test_import_geonames_text_dump(user_dir):
    assert load_gazetteer().resolve("Zuhlufiyah") is None
    n = import_geonames(_dump(user_dir / "SY.txt"))
    assert n == 3
    assert (user_dir / "data" / "gazetteer-user.json.gz").exists()
    gaz = load_gazetteer()
    hamlet = gaz.resolve("Zuhloufiyeh")
    assert hamlet is not None and hamlet.id == "gn:99000001"
    assert hamlet.admin1 == "Idlib" and hamlet.admin2 and hamlet.admin3
    assert hamlet.feature == "populated place"
    assert gaz.resolve("Jabal Khazrunah").feature == "hill"
    assert gaz.resolve("Sraqeb Town").id == "gn:164816"  # alias of the bundled entry
    assert [s.surface for s in gaz.find("Shelling hit Zuhlufiyah on Monday.")] == ["Zuhlufiyah"]
    assert len([p for p in gaz.places if p.id == "gn:164816"]) == 1


def test_import_geonames_zip(user_dir):
    txt = _dump(user_dir / "SY.txt")
    zpath = user_dir / "SY.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        zf.write(txt, "SY.txt")
        zf.writestr("readme.txt", "GeoNames readme")
    assert import_geonames(zpath) == 3
    assert load_gazetteer().resolve("Qaryat Zuhlufiyah").admin1 == "Idlib"
