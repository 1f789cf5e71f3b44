from pathlib import Path

import pytest

from warwire.read.numbers import counted_noun, find_numbers, parse_number
from warwire.read.sentences import split_sentences

SHARED = Path(__file__).resolve().parents[2] / "shared"


def nums(text):
    found = find_numbers(text)
    for q in found:
        assert text[q.start : q.end] == q.text  # offsets index the input exactly
    return found


def values(text):
    return [q.value for q in nums(text)]


def only(text):
    found = nums(text)
    assert len(found) == 1, found
    return found[0]


# --- cardinals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase,value",
    [
        ("120", 120),
        ("1,200", 1200),
        ("948,000", 948_000),
        ("2.5 million", 2_500_000),
        ("2 million", 2_000_000),
        ("Twenty-one", 21),
        ("twenty one", 21),
        ("fourteen", 14),
        ("one hundred and twenty", 120),
        ("two hundred thousand", 200_000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("a million", 1_000_000),
        ("half a million", 500_000),
        ("a hundred", 100),
    ],
)
def test_cardinals_in_digits_and_words(phrase, value):
    q = only(f"Activists said {phrase} civilians were killed.")
    assert q.value == value and q.text == phrase and q.qualifier == ""


@pytest.mark.parametrize(
    "sentence,value",
    [
        # ACLED's fatality FAQ: "tens" 10, "dozens" 12, "hundreds" 100, and so on
        ("Dozens of people were killed.", 12),
        ("Tens of people were killed.", 10),
        ("Hundreds of Russian airstrikes hit the area.", 100),
        ("Thousands fled the town.", 1_000),
        ("Tens of thousands of people fled.", 10_000),
        ("Hundreds of thousands of people fled.", 100_000),
        ("Millions have fled their homes.", 1_000_000),
        ("Several hundred fighters were evacuated.", 100),
        ("Scores of people were wounded.", 20),
        ("Several civilians were killed.", 10),
        ("Many civilians were killed in the raids.", 10),
        ("A few soldiers were wounded.", 3),
    ],
)
def test_vague_quantities_take_acled_values(sentence, value):
    assert values(sentence) == [value]


def test_vague_words_that_are_not_counts():
    assert values("How many were killed is not known.") == []
    assert values("Many of them fled.") == []
    assert values("The scores were level.") == []
    assert values("He was hit several times.") == []


@pytest.mark.parametrize(
    "qualifier",
    [
        "more than",
        "over",
        "at least",
        "nearly",
        "almost",
        "about",
        "around",
        "some",
        "up to",
        "as many as",
        "fewer than",
        "roughly",
        "an estimated",
    ],
)
def test_qualifiers_are_kept(qualifier):
    text = f"The monitor said {qualifier} 120 civilians were killed."
    q = only(text)
    assert (q.value, q.qualifier, q.text) == (120, qualifier, f"{qualifier} 120")


def test_nearly_a_million():
    q = only("The campaign has sent nearly a million people fleeing.")
    assert (q.value, q.qualifier, q.text) == (1_000_000, "nearly", "nearly a million")
    q = only("More than 300 civilians have been killed.")
    assert (q.value, q.qualifier) == (300, "more than")


def test_range_keeps_the_lower_bound():
    q = only("Between them 10-15 people were killed.")
    assert (q.value, q.text, q.qualifier) == (10, "10-15", "between")
    q = only("Between 200 and 300 people were killed.")
    assert (q.value, q.text, q.qualifier) == (200, "200 and 300", "between")
    q = only("Raids killed 20 to 30 people.")
    assert (q.value, q.text) == (20, "20 to 30")
    # a change of a figure is two figures, not a range
    assert values("The toll rose from 30 to 35.") == [30, 35]


# --- what is not a count ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The uprising began in 2012.",
        "Rebels have held the town since 2011.",
        "The convoy left at 10:30.",
        "The convoy left at 10 a.m. local time.",
        "Erdogan first demanded on Feb. 5 that forces withdraw.",
        "Talks are planned for 27 February.",
        "The deadline is the 5th of March.",
        "Rebels cut the M4 highway and the M5 highway.",
        "The Security Council passed Resolution 2254.",
        "The second convoy arrived with the 5th Corps.",
        "Turnout was 40% and rose to 45 percent.",
        "A 12-year-old boy was among them.",
        "The boy, aged 12, survived.",
        "Jets including T-72 tanks, Su-24 bombers and an S-400 battery.",
        "One of the rebels said no one was hurt.",
        "A five-year conflict and a two-year road map.",
        "It fell in the 1990s by 3.5 metres.",
        "Aid of $5 million arrived.",
    ],
)
def test_non_counts_are_not_returned(sentence):
    assert nums(sentence) == []


def test_one_counts_only_before_a_counted_noun():
    assert values("The toll included one child.") == [1]
    assert values("One soldier was killed.") == [1]
    assert values("One of the soldiers was killed.") == []


def test_year_followed_by_a_counted_noun_is_a_count():
    assert values("Some 2000 people fled.") == [2000]
    assert values("In 2015 people fled.") == []


def test_offsets_index_the_input():
    text = "After hundreds of raids, Russia conducted more than 120 air strikes; Twenty-one died."
    found = nums(text)
    assert [q.text for q in found] == ["hundreds", "more than 120", "Twenty-one"]


# --- parse_number ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "words,value",
    [
        ("Twenty-one", 21),
        ("twenty one", 21),
        ("1,200", 1200),
        ("2.5 million", 2_500_000),
        ("a dozen", 12),
        ("dozens", 12),
        ("tens of thousands", 10_000),
        ("half a million", 500_000),
        ("one", 1),
        ("three", 3),
    ],
)
def test_parse_number(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize("words", ["", "soldiers", "twenty soldiers", "second", "3.5"])
def test_parse_number_rejects_non_numbers(words):
    assert parse_number(words) is None


# --- counted_noun --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence,key",
    [
        ("The town fell after 140 Russian airstrikes.", "airstrikes"),
        ("Russia conducted more than 120 air strikes over 48 hours.", "airstrikes"),
        ("There were 40 air raids on the town.", "airstrikes"),
        ("Activists reported 92 strikes on Salma.", "airstrikes"),
        ("Twenty-one civilians were killed in Russian raids.", "civilians"),
        ("Ten soldiers were wounded.", "soldiers"),
        ("Two Turkish soldiers were killed.", "soldiers"),
        ("The toll included two media activists.", "activists"),
        ("The toll included one child.", "children"),
        ("Dozens of civilians were killed.", "civilians"),
        ("It killed 30 pro-government fighters.", "fighters"),
        ("It killed 12 rebel fighters.", "fighters"),
        ("It killed 30 Hezbollah fighters.", "fighters"),
        ("The strike killed 5 people and left 9 wounded.", "people"),
        ("Helicopters dropped 20 barrel bombs.", "barrel bombs"),
        ("Rebels fired 15 rockets at the city.", "rockets"),
        ("Rebels fired 15 mortar shells at the city.", "shells"),
        ("The army seized 12 villages.", "villages"),
        ("The clashes left 35 dead.", "dead"),
        ("There were 35 deaths.", "dead"),
        ("Activists counted 14 killed and 20 wounded.", "killed"),
        ("At least 948,000 displaced have reached the border.", "displaced"),
        ("Nearly a million Syrians have been displaced.", "people"),
        ("Three of the soldiers were killed.", "soldiers"),
        ("It killed 30 other people.", "people"),
        ("Troops killed eleven IS militants.", "militants"),
        ("Raids killed 14 SDF fighters.", "fighters"),
    ],
)
def test_counted_noun(sentence, key):
    q = nums(sentence)[0]
    assert counted_noun(sentence, q) == key


@pytest.mark.parametrize(
    "sentence",
    [
        "Another 14, including three children, were killed.",
        "Russian strikes killed 35 in Idlib.",
        "Of the dead, 14 were killed in Manbij.",
        "Of the 35 of them killed, most were women.",
    ],
)
def test_counted_noun_none_when_the_number_stands_alone(sentence):
    q = [q for q in nums(sentence) if q.value in (14, 35)][0]
    assert counted_noun(sentence, q) is None


def test_counted_noun_names_unknown_plurals_so_the_coder_can_skip_them():
    s = "The town fell after 93 days of airstrikes and 33 other factions joined."
    found = nums(s)
    assert [counted_noun(s, q) for q in found] == ["days", "factions"]
    s = "Forces struck numerous civilian targets."
    assert counted_noun(s, nums(s)[0]) == "targets"


def _figures_module():
    """warwire/code/figures.py alone: the package __init__ loads spaCy, which this needs not."""
    import importlib.util
    import sys

    import warwire

    path = Path(warwire.__file__).parent / "code" / "figures.py"
    spec = importlib.util.spec_from_file_location("_figures_under_test", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_counted_noun_keys_are_the_ones_the_coder_knows():
    figures = _figures_module()
    PEOPLE, AIRSTRIKES = figures.PEOPLE, figures.AIRSTRIKES

    for s in [
        "Twenty-one civilians were killed.",
        "Ten soldiers were wounded.",
        "The toll included one child.",
        "Raids killed 14 militiamen.",
        "It left 35 dead.",
    ]:
        assert counted_noun(s, nums(s)[0]) in PEOPLE
    s = "Russia carried out 140 air strikes."
    assert counted_noun(s, nums(s)[0]) in AIRSTRIKES | {"airstrikes"}


def test_seed_articles_offsets_and_no_noise():
    seeds = SHARED / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared corpus absent")
    for f in sorted(seeds.glob("*.txt")):
        text = f.read_text()
        for s in split_sentences(text):
            for q in find_numbers(s.text):
                assert s.text[q.start : q.end] == q.text
                assert not (1900 <= q.value <= 2035 and q.text.isdigit())
                assert not s.text[max(0, q.start - 1) : q.start].isalpha()


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck Tell Qasra on 03-11-2015, killing four civilians.",
        "TELL QASRA, 11-2015: four civilians were killed in an air raid.",
        "Jets struck Tell Qasra on 2015-11-03, killing four civilians.",
        "Jets struck Tell Qasra on 3.11.2015, killing four civilians.",
    ],
)
def test_dates_in_figures_are_no_counts(text):
    assert values(text) == [4]


def test_ranges_and_counts_beside_a_year_stay_counts():
    assert values("Between 15-20 fighters were killed in 2015.") == [15]
    assert values("In 2014, 30 people died.") == [30]
    assert values("The 2011-2015 war killed 300 people.") == [300]
