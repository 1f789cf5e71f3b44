"""Which numbers in a sentence are deaths and which are wounded: common wire phrasings."""

from __future__ import annotations

import pytest

from coding import code
from warwire.code.figures import joined_groups, sentence_figures
from warwire.read.numbers import find_numbers

CASES = [
    ("Jets killed 50 militants and eight civilians in the north on Tuesday.",
     [("fatalities", 50), ("fatalities", 8)]),
    ("An air strike hit the market, killing 7 civilians and wounding more than 20.",
     [("fatalities", 7), ("wounded", 20)]),
    ("Eleven soldiers and 17 militants were killed in the attack.",
     [("fatalities", 11), ("fatalities", 17)]),
    ("The strike on the town killed 12 and wounded 30.", [("fatalities", 12), ("wounded", 30)]),
    ("40 Civilians Killed 100 Injured in Rocket Attacks", [("fatalities", 40), ("wounded", 100)]),
    ("The attack left 5 dead and 12 wounded.", [("fatalities", 5), ("wounded", 12)]),
    ("Ten soldiers were wounded.", [("wounded", 10)]),
    ("Nine civilians, including two children, were killed.", [("fatalities", 9)]),
    ("At least 4 children were among 22 people killed in the blast.", [("fatalities", 22)]),
    ("The death toll from the bombing has risen to 15.", [("fatalities", 15)]),
    ("The war has killed more than 350,000 people since 2011.", []),
    ("Russia conducted more than 120 airstrikes over 48 hours.", [("airstrikes", 120)]),
    ("Some 9,000 people have died in the province since the uprising began.", []),
    ("Homs was hit by a conflict that has since killed 2,000 people.", []),
    ("Shells hit the city, home to 40,000 people, killing 12 residents.", [("fatalities", 12)]),
    # a campaign's running toll beside the event that ends it
    ("The militia took the town; fighting there had killed more than 900 people.", []),
    ("The three-month siege of the village has claimed at least 700 lives.", []),
    ("It ended a battle lasting five months in which about 1,200 people died.", []),
    ("The rallies have been met with gunfire that has left scores dead across the country.", []),
    ("Gunmen killed 9 villagers at dawn, in the face of a 12-day campaign by the army.",
     [("fatalities", 9)]),
    # an "including" aside ends at the verb: the count after it is a toll of its own
    ("Six people, including a family of four, died in A, three farmers were killed in B.",
     [("fatalities", 6), ("fatalities", 3)]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_figures(sentence: str, expected: list[tuple[str, int]]) -> None:
    got = [
        (f.field, f.quantity.value) for f in sentence_figures(sentence, 0, find_numbers(sentence))
    ]
    assert got == expected


GROUPS = [
    ("Six villagers and three policemen were killed in the blast.", [("fatalities", 9)]),
    ("Jets killed 40 fighters and at least 5 civilians on Monday.", [("fatalities", 45)]),
    # separate tolls of separate places stay apart
    ("Twelve people died in the market, while four more were killed in a nearby village.",
     [("fatalities", 12), ("fatalities", 4)]),
    ("In all 30 died in the first village and 7 in the second.",
     [("fatalities", 30), ("fatalities", 7)]),
    # the dead and the wounded are different figures
    ("The shelling killed 8 residents and wounded 14 others.",
     [("fatalities", 8), ("wounded", 14)]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), GROUPS)
def test_groups_of_one_toll_are_added(sentence: str, expected: list[tuple[str, int]]) -> None:
    figures = sentence_figures(sentence, 0, find_numbers(sentence))
    got = [(f.field, f.quantity.value) for f in joined_groups(sentence, 0, figures)]
    assert got == expected


def test_joined_groups_keep_article_offsets() -> None:
    sentence = "Six villagers and three policemen were killed."
    offset = 500
    numbers = find_numbers(sentence)
    numbers = [
        type(q)(q.value, q.qualifier, q.text, q.start + offset, q.end + offset) for q in numbers
    ]
    (f,) = joined_groups(sentence, offset, sentence_figures(sentence, offset, numbers))
    assert sentence[f.quantity.start - offset : f.quantity.end - offset] == f.quantity.text
    assert f.quantity.text.startswith("Six") and f.quantity.text.endswith("three")


def test_a_toll_told_in_groups_is_one_claim_of_the_sum() -> None:
    ms = code("Six villagers and three policemen were killed in a car bomb in Idlib on Tuesday.")
    assert ms
    assert [c.value for c in ms[0].claims if c.field == "fatalities"] == [9]
    assert ms[0].fatalities == 9


def test_a_campaign_toll_does_not_make_its_capture_history() -> None:
    """The campaign-toll phrases drop the toll only: the capture that ends it is still news."""
    from warwire.code.figures import BACKGROUND

    assert not BACKGROUND.search("Fighters took the town on Tuesday; fighting there had killed 90.")
    s = "The two-year siege of the town has killed 400 people."
    assert sentence_figures(s, 0, find_numbers(s)) == []
    s = "Jets killed 12 people on Monday in the army's four-month offensive."
    assert [f.quantity.value for f in sentence_figures(s, 0, find_numbers(s))] == [12]


PAST_AN_ASIDE = [
    ("A total of 30 fighters belonging to the Northern Brigade (the Falcons) were killed.",
     [("fatalities", 30)]),
    ("Up to 12 civilians, including two children and a woman, were killed in the raid.",
     [("fatalities", 12)]),
    ("Eleven citizens were martyred and six others were injured by a mine blast.",
     [("fatalities", 11), ("wounded", 6)]),
    ("Activists said at least six demonstrators were shot and killed by police.",
     [("fatalities", 6)]),
    # a second verb before the casualty verb: the soldiers are not counted as dead
    ("Five soldiers who had arrived were sent to the front where two civilians were killed.",
     [("fatalities", 2)]),
    # a ceiling is not a count
    ("Monitors said fewer than 20 people were killed by the shelling.", []),
    ("Up to 20 people were killed by the shelling.", [("fatalities", 20)]),
    # a toll over several places broken down by place: the place's part is its toll
    ("Rockets killed 25 people, 18 of them in the old market, on Friday.", [("fatalities", 18)]),
    ("Rockets killed 25 people, 18 of whom were children.", [("fatalities", 25)]),
    # a toll counted from a start date is a running toll
    ("As many as 40 demonstrators have been killed in marches that first began on 2 April.", []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), PAST_AN_ASIDE)
def test_a_groups_own_verb_past_an_aside(sentence: str, expected: list[tuple[str, int]]) -> None:
    figures = sentence_figures(sentence, 0, find_numbers(sentence))
    assert [(f.field, f.quantity.value) for f in figures] == expected


def test_groups_join_only_after_their_people_noun() -> None:
    """ "20 fighters stormed the village and 3 civilians were killed": two clauses, no sum."""
    s = "20 fighters stormed the village and 3 civilians were killed."
    assert all(
        f.quantity.value != 23 for f in joined_groups(s, 0, sentence_figures(s, 0, find_numbers(s)))
    )


def test_a_toll_told_once_for_several_places_is_no_place_toll() -> None:
    """One strike at three towns is three events; the one toll for all three belongs to none."""
    ms = code("Warplanes struck Saraqib, Ariha and Binnish on Tuesday, killing 28 people.")
    assert len({m.place.name for m in ms if m.place}) == 3
    assert all(m.fatalities is None for m in ms)
    (one,) = code("Warplanes struck Ariha on Tuesday, killing 28 people.")
    assert one.fatalities == 28


def test_toll_of_one_place_keeps_other_figures() -> None:
    from warwire.code.figures import Figure, toll_of_one_place
    from warwire.records import Quantity

    figs = [Figure("fatalities", Quantity(28)), Figure("wounded", Quantity(40))]
    sentence = "Jets hit the villages of Aaa and Bbb, killing 28."
    spots = [_hit(sentence, "Aaa"), _hit(sentence, "Bbb")]
    assert toll_of_one_place(figs, spots[:1], sentence) == figs
    assert [f.field for f in toll_of_one_place(figs, spots, sentence)] == ["wounded"]
    sentence = "Troops killed 28 fighters in an area between the villages of Aaa and Bbb."
    spots = [_hit(sentence, "Aaa"), _hit(sentence, "Bbb")]
    assert toll_of_one_place(figs, spots, sentence) == figs  # one spot told by its two ends


def _hit(sentence: str, name: str):  # noqa: ANN202
    from warwire.code.context import PlaceHit
    from warwire.records import Place

    at = sentence.index(name)
    return PlaceHit(at, at + len(name), name, Place(name=name), False, False)


PLACE_STATE_CASES = [
    # the relative clause describes the place over weeks; the toll is the event's
    ("Activists said four people were shot dead by police in the harbour town, which has been "
     "witnessing large rallies in the past weeks.", [("fatalities", 4)]),
    ("Shelling killed 6 farmers in the valley, which has seen heavy fighting in the last months.",
     [("fatalities", 6)]),
    # a number inside such a clause is no toll, and a true background toll stays background
    ("Mortars hit the district, which has seen 300 people killed over the past years.", []),
    ("More than 700 people have been killed in the province in the past months.", []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), PLACE_STATE_CASES)
def test_a_place_description_clause_is_not_the_tolls_background(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    got = [
        (f.field, f.quantity.value) for f in sentence_figures(sentence, 0, find_numbers(sentence))
    ]
    assert got == expected


LONE_CASES = [
    ("Monitors said a displaced young woman was shot dead by gunmen in the camp.", 1),
    ("A soldier was killed when a roadside bomb exploded near the checkpoint.", 1),
    ("A local journalist has been killed by a sniper, his colleagues said.", 1),
    # a numeral toll is the toll; nobody killed, nothing told
    ("A soldier was killed and 7 others died later in hospital.", None),
    ("A convoy was hit by an air strike near the bridge.", None),
    ("A man who was arrested last week was released.", None),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "ones"), LONE_CASES)
def test_one_victim_told_with_an_article_is_a_toll_of_one(sentence: str, ones: int | None) -> None:
    figs = sentence_figures(sentence, 0, find_numbers(sentence))
    lone = [
        f for f in figs if f.field == "fatalities" and f.quantity.text[:2].lower() in {"a ", "an"}
    ]
    assert (lone[0].quantity.value if lone else None) == ones


def test_a_group_of_one_joins_the_next_group() -> None:
    s = "Jets struck a truck convoy, killing at least one aid worker and around 12 civilians."
    got = joined_groups(s, 0, sentence_figures(s, 0, find_numbers(s)))
    assert [(f.field, f.quantity.value) for f in got] == [("fatalities", 13)]


BREAKDOWN_CASES = [
    ("New clashes on Friday took the toll to 44 \u2014 30 soldiers and 14 rebels, a monitor said.",
     [("fatalities", 44)]),
    ("The raid killed 18 people: 11 villagers and 7 guards.", [("fatalities", 18)]),
    ("The toll rose to 26 (20 civilians and 6 policemen).", [("fatalities", 26)]),
    # more deaths after a dash are more deaths, not parts
    ("Mortars killed 3 people - 2 more died later in hospital.",
     [("fatalities", 3), ("fatalities", 2)]),
    ("Mortars killed 3 people \u2014 and on Sunday 6 residents were killed in the next village.",
     [("fatalities", 3), ("fatalities", 6)]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), BREAKDOWN_CASES)
def test_groups_after_a_dash_colon_or_bracket_are_parts_of_the_toll(
    sentence: str, expected: list[tuple[str, int]]
) -> None:
    got = joined_groups(sentence, 0, sentence_figures(sentence, 0, find_numbers(sentence)))
    assert [(f.field, f.quantity.value) for f in got] == expected


def test_one_more_victim_told_by_an_ordinal_is_a_toll_of_one() -> None:
    s = "A fourth was killed in shelling on the next village, the group added."
    assert [(f.field, f.quantity.value) for f in sentence_figures(s, 0, [])] == [("fatalities", 1)]
    s = "A second round of talks was held in the capital."
    assert sentence_figures(s, 0, []) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bodies of three shepherds were found near the village.", [("fatalities", 3)]),
        ("Rescuers recovered the remains of at least 9 workers.", [("fatalities", 9)]),
        ("The bodies of the victims were taken to 3 hospitals.", []),
        ("Three shepherds were found near the village.", []),
    ],
)
def test_people_counted_as_bodies_are_dead(sentence: str, expected: list) -> None:
    got = sentence_figures(sentence, 0, find_numbers(sentence))
    assert [(f.field, f.quantity.value) for f in got] == expected


def test_a_figure_is_claimed_with_its_qualifier_words_and_source() -> None:
    text = "At least 12 civilians were killed, the Observatory said."
    [f] = sentence_figures(text, 0, find_numbers(text))
    c = f.claim("art-1", "the Observatory", "Test Wire")
    assert (c.field, c.value, c.qualifier, c.text) == ("fatalities", 12, "at least", "At least 12")
    assert (c.article, c.attributed_to, c.outlet) == ("art-1", "the Observatory", "Test Wire")
