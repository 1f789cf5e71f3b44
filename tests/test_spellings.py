"""Spellings no source lists: the sound key, the place context a weak spelling needs, and
the words (speakers, surnames, adjectives of origin) that must not become villages. Every
sentence is invented; the place names are the gazetteer's."""

from __future__ import annotations

import pytest

from warwire.places import load_gazetteer
from warwire.places.names import sound_key


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def found(gaz, text: str) -> list[tuple[str, str]]:
    """(surface, admin1 of the best candidate) of every name found in TEXT."""
    return [(s.surface, s.candidates[0].admin1) for s in gaz.find(text)]


# --- the sound key ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("Naseeb", "Nassib"),  # ee = i, doubled consonant
        ("Hajeen", "Hajin"),
        ("Leilan", "Laylan"),  # ei = ay
        ("Douma", "Dumah"),  # ou = u, final h
        ("Mezzeh", "Mazzah"),  # e = a at the end
        ("Hamouriyeh", "Hamouria"),  # -iyeh = -ia
        ("Khan Cheikhoun", "Khan Shaykhun"),  # French ch, ei = ay
        ("Mayadeen", "Mayadin"),  # y between vowels stays a consonant
    ],
)
def test_sound_key_joins_transliterations(a: str, b: str) -> None:
    assert sound_key(a) == sound_key(b)


@pytest.mark.parametrize("a, b", [("Duma", "Dima"), ("Hawayej", "Haj"), ("Raqqa", "Rukka")])
def test_sound_key_keeps_different_names_apart(a: str, b: str) -> None:
    assert sound_key(a) != sound_key(b)


# --- spellings found ----------------------------------------------------------------------


def test_a_sound_alike_after_a_preposition_of_place_is_the_town(gaz) -> None:
    assert found(gaz, "Clashes erupted near Hajeen overnight.") == [("Hajeen", "Deir ez-Zor")]


def test_a_short_name_with_one_letter_less_is_the_big_town(gaz) -> None:
    assert found(gaz, "Warplanes struck Raqa on Tuesday.") == [("Raqa", "Raqqa")]


def test_a_short_village_name_needs_a_place_context(gaz) -> None:
    assert found(gaz, "Residents fled the village of Shula.") == [("Shula", "Deir ez-Zor")]
    assert found(gaz, "A statement by Shula praised the deal.") == []


def test_a_spelling_listed_with_a_known_village_is_a_village(gaz) -> None:
    assert ("Shula", "Deir ez-Zor") in found(gaz, "Shelling hit Tafas and Shula on Monday.")


def test_an_exact_name_is_not_displaced_by_a_sound_alike(gaz) -> None:
    place = gaz.resolve("Tawilah")
    assert place is not None and place.name == "Tawilah"


# --- words that are no villages -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hajeen said the talks had failed.",  # a speaker
        "Faris was among the wounded.",  # sounds as a given name
        "A report by al-Hamawi on the shelling was published.",  # adjective of origin
        "Kerrys demands were rejected.",  # a possessive that lost its apostrophe
        "The view was shared by Aymenn al-Tamimi, an analyst.",  # a name and surname
    ],
)
def test_people_and_adjectives_spelled_like_villages_are_not_places(gaz, text: str) -> None:
    assert found(gaz, text) == []


def test_a_reporter_at_a_town_is_no_speaker_named_after_it(gaz) -> None:
    assert found(gaz, "A journalist at Baghouz said shelling went on.") == [
        ("Baghouz", "Deir ez-Zor")
    ]
