"""Names a report calls a town, a village or an area are places even when no gazetteer lists
them (code/unlisted.py; invented sentences and invented village names)."""

from __future__ import annotations

from coding import WED, code
from warwire.code.context import scan_article
from warwire.code.unlisted import class_named_spans


def names(text: str) -> list[str]:
    return [n for _, _, n in class_named_spans(text)]


def test_every_name_of_a_list_after_the_villages_of_is_a_place() -> None:
    text = "Troops took the villages of Zubeirat Hamdo, Ain Qufrez and al-Mashtuqa on Friday."
    assert names(text) == ["Zubeirat Hamdo", "Ain Qufrez", "al-Mashtuqa"]


def test_a_name_before_village_or_area_is_a_place() -> None:
    assert names("Five people were killed in Qurt Fanoush village.") == ["Qurt Fanoush"]
    assert names("Clashes were reported in the al-Murabba area.") == ["al-Murabba"]
    assert names("Roads were closed in Sheikh Hilal and Bir Ajam villages.") == [
        "Sheikh Hilal",
        "Bir Ajam",
    ]


def test_a_people_or_a_possessive_before_village_is_no_place_name() -> None:
    assert names("Militants raided the Kurdish village at dawn.") == []
    assert names("Jets hit the Druze villages overnight.") == []
    assert names("Fighting reached the towns of Syria's north.") == []


def test_an_unlisted_village_is_kept_in_the_sentences_province() -> None:
    infos = scan_article(
        "Gunmen attacked a checkpoint in Qurt Fanoush village in Daraa province on Monday.", WED
    )
    found = [p.place for i in infos for p in i.places if p.surface == "Qurt Fanoush"]
    assert found and found[0].admin1 == "Daraa" and not found[0].id


def test_a_capture_of_a_list_of_villages_is_one_event_per_village() -> None:
    ms = code(
        "Government forces on Monday recaptured the villages of Zubeirat Hamdo, Ain Qufrez and "
        "al-Mashtuqa in Hama province from rebels."
    )
    places = {m.place.name for m in ms if m.sub_event_type == "Government regains territory"}
    assert {"Zubeirat Hamdo", "Ain Qufrez", "al-Mashtuqa"} <= places
