import datetime as dt
import re
from pathlib import Path

import pytest

from warwire.read.dates import date_from_text, find_days, resolve_day, shift
from warwire.read.sentences import split_sentences

D = dt.timedelta
WED = dt.date(2016, 1, 13)  # a Wednesday
THU = dt.date(2020, 2, 27)  # a Thursday
SAT = dt.date(2016, 2, 6)  # a Saturday
MON = dt.date(2019, 12, 30)  # a Monday, at the turn of a year
SUN = dt.date(2021, 3, 7)  # a Sunday
PUBS = [WED, THU, SAT, MON, SUN]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SHARED = Path(__file__).resolve().parents[2] / "shared"


def days(text, pub):
    hits = find_days(text, pub)
    for a, b, d in hits:
        assert text[a:b] == d.text  # offsets index the input exactly
        assert d.start <= d.date <= d.end
        assert d.precision in (1, 2, 3)
    return [d for _a, _b, d in hits]


def one(text, pub):
    found = days(text, pub)
    assert len(found) == 1, found
    return found[0]


# --- weekdays -------------------------------------------------------------------------


@pytest.mark.parametrize("pub", [WED + D(days=k) for k in range(7)])
@pytest.mark.parametrize("name", WEEKDAYS)
def test_weekday_is_most_recent_on_or_before_publication(pub, name):
    d = one(f"Troops took the town on {name}.", pub)
    assert d.date.weekday() == WEEKDAYS.index(name)
    assert 0 <= (pub - d.date).days <= 6
    assert d.precision == 1 and d.start == d.end == d.date


@pytest.mark.parametrize("pub", PUBS)
def test_same_weekday_as_publication_is_the_publication_day(pub):
    name = WEEKDAYS[pub.weekday()]
    assert one(f"Rebels withdrew on {name}.", pub).date == pub
    yesterday = WEEKDAYS[(pub.weekday() - 1) % 7]
    assert one(f"Rebels withdrew on {yesterday}.", pub).date == pub - D(days=1)


@pytest.mark.parametrize(
    "sentence,words",
    [
        ("The town fell late Tuesday.", "late Tuesday"),
        ("Jets struck early Wednesday near the border.", "early Wednesday"),
        ("Shelling resumed Tuesday night.", "Tuesday night"),
        ("The convoy was hit on Wednesday morning.", "Wednesday morning"),
        ("Clashes broke out late on Tuesday.", "late on Tuesday"),
        ("In Tuesday's raid, five died.", "Tuesday's"),
    ],
)
def test_weekday_phrases_keep_their_words(sentence, words):
    d = one(sentence, WED)
    assert d.text == words
    name = re.search(r"Tuesday|Wednesday", words).group()
    assert d.date == (WED if name == "Wednesday" else WED - D(days=1))


def test_later_is_not_part_of_an_absolute_weekday():
    # "Later Wednesday" is a plain day: the coder re-anchors texts containing "later"
    assert one("Later Wednesday, the groups issued a statement.", WED).text == "Wednesday"


def test_last_and_next_weekday():
    assert one("It happened last Wednesday.", WED).date == WED - D(days=7)
    assert one("It happened last Tuesday.", WED).date == WED - D(days=1)
    assert one("Talks open next Tuesday.", WED).date == WED + D(days=6)


def test_weekday_with_future_cue_is_the_coming_one():
    # published Wednesday: "will meet Friday" is two days later
    assert one("Envoys will meet in Geneva on Friday.", WED).date == WED + D(days=2)
    # the day before publication still counts: copy often runs a day late
    assert one("The council is scheduled to meet Friday.", SAT).date == SAT - D(days=1)
    assert one("Envoys met in Geneva on Friday.", WED).date == WED - D(days=5)


def test_future_cue_counts_only_in_its_own_clause():
    d = one("Rebels, who say they will fight on, lost the town on Friday.", WED)
    assert d.date == WED - D(days=5)


def test_weekend():
    d = one("Jets pounded the town over the weekend.", MON)
    assert (d.start, d.end, d.precision) == (MON - D(days=2), MON - D(days=1), 2)


def test_two_weekdays_in_one_sentence():
    found = days("Fighting raged on Tuesday and Wednesday.", WED)
    assert [d.date for d in found] == [WED - D(days=1), WED]


# --- relative expressions ----------------------------------------------------------------


@pytest.mark.parametrize("pub", PUBS)
@pytest.mark.parametrize(
    "phrase,offset",
    [
        ("today", 0),
        ("this morning", 0),
        ("yesterday", -1),
        ("last night", -1),
        ("the previous day", -1),
        ("the day before", -1),
        ("a day after", 1),
        ("two days ago", -2),
        ("three days earlier", -3),
        ("48 hours later", 2),
    ],
)
def test_relative_days(pub, phrase, offset):
    d = one(f"Government forces shelled the town {phrase}.", pub)
    assert d.text == phrase
    assert d.date == pub + D(days=offset)
    assert d.precision == 1


def test_overnight_spans_the_night_before_publication():
    d = one("Jets struck overnight.", THU)
    assert (d.date, d.start, d.end, d.precision) == (THU - D(days=1), THU - D(days=1), THU, 1)


def test_days_after_is_a_range():
    d = one("The recapture came days after the siege was broken.", SAT)
    assert d.text == "days after"
    assert d.start == SAT + D(days=1) and d.end >= SAT + D(days=3) and d.precision == 2


@pytest.mark.parametrize("pub", PUBS)
def test_weeks_ago(pub):
    d = one("The town fell to regime control two weeks ago.", pub)
    assert d.date == pub - D(days=14)
    assert (d.start, d.end) == (pub - D(days=17), pub - D(days=11))
    assert d.precision == 2


@pytest.mark.parametrize("pub", PUBS)
def test_last_week_is_the_previous_calendar_week(pub):
    d = one("Turkey sent troops last week.", pub)
    assert d.start.weekday() == 0 and d.end.weekday() == 6
    assert d.end < pub and (pub - d.end).days <= 7
    assert d.precision == 2


@pytest.mark.parametrize("pub", PUBS)
def test_this_week_runs_from_monday_to_publication(pub):
    d = one("Russia hit 875 targets this week.", pub)
    assert d.start == pub - D(days=pub.weekday()) and d.end == pub and d.precision == 2


def test_earlier_this_month_and_last_month():
    d = one("Government forces first took Saraqeb earlier this month.", THU)
    assert (d.start, d.end, d.precision) == (dt.date(2020, 2, 1), THU - D(days=1), 3)
    d = one("The offensive began last month.", MON)
    assert (d.start, d.end, d.precision) == (dt.date(2019, 11, 1), dt.date(2019, 11, 30), 3)


@pytest.mark.parametrize(
    "phrase,span,precision",
    [
        ("over 48 hours", 2, 2),
        ("in the past 24 hours", 1, 1),
        ("in the last 24 hours", 1, 1),
        ("over the past three days", 3, 2),
        ("in the past week", 7, 2),
    ],
)
def test_durations_end_at_publication(phrase, span, precision):
    d = one(f"Russia conducted more than 120 air strikes {phrase} in Latakia.", WED)
    assert d.text == phrase
    assert (d.start, d.end, d.date) == (WED - D(days=span), WED, WED)
    assert d.precision == precision


def test_durations_vaguer_than_a_month_are_not_days():
    assert days("The war has killed hundreds over the past three months.", THU) == []
    assert days("Over the past weeks, Turkey sent thousands of troops.", THU) == []


def test_since_a_day_is_a_range_to_publication():
    d = one("Since Monday, activists counted 20 raids.", WED)
    assert d.text == "Since Monday"
    assert (d.start, d.end, d.precision) == (WED - D(days=2), WED, 2)
    assert days("Troops have been backed since September 30 by jets.", WED) == []


# --- absolute dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "words,expected",
    [
        ("Feb. 5", dt.date(2020, 2, 5)),
        ("February 5", dt.date(2020, 2, 5)),
        ("5 February", dt.date(2020, 2, 5)),
        ("the 5th of February", dt.date(2020, 2, 5)),
        ("Feb 5, 2020", dt.date(2020, 2, 5)),
        ("5 February 2016", dt.date(2016, 2, 5)),
        ("13 January, 2016", dt.date(2016, 1, 13)),
        ("2020-02-27", dt.date(2020, 2, 27)),
        ("Dec. 18", dt.date(2019, 12, 18)),
        ("Tuesday, Feb. 4", dt.date(2020, 2, 4)),
    ],
)
def test_absolute_dates(words, expected):
    d = one(f"Erdogan first demanded on {words} that forces withdraw.", THU)
    assert d.text == words
    assert d.date == expected and d.precision == 1


def test_date_without_year_is_the_most_recent_one():
    # published 30 Dec 2019: "Dec. 28" is two days back, "Jan. 3" a year back
    assert one("It fell on Dec. 28.", MON).date == dt.date(2019, 12, 28)
    assert one("It fell on Jan. 3.", MON).date == dt.date(2019, 1, 3)
    # one day after publication is still read as past (time zones, late copy)
    assert one("It fell on Dec. 31.", MON).date == dt.date(2019, 12, 31)
    assert one("On March 5 the army advanced.", THU).date == dt.date(2019, 3, 5)


@pytest.mark.parametrize(
    "sentence",
    [
        "The summit will take place on March 5.",
        "A summit is scheduled for March 5.",
        "Talks were suspended until March 5.",
        "Peace talks are planned for 5 March.",
    ],
)
def test_future_cue_picks_the_coming_date(sentence):
    assert one(sentence, THU).date == dt.date(2020, 3, 5)


def test_on_the_nth():
    assert one("The town fell on the 5th.", THU).date == dt.date(2020, 2, 5)
    # a day of the month not yet reached belongs to the previous month
    assert one("The town fell on the 28th, activists said.", dt.date(2020, 3, 2)).date == (
        dt.date(2020, 2, 28)
    )


def test_month_alone_is_a_month_range():
    d = one("The offensive began in January.", THU)
    assert (d.start, d.end, d.precision, d.text) == (
        dt.date(2020, 1, 1),
        dt.date(2020, 1, 31),
        3,
        "January",
    )
    d = one("The offensive began in January 2016.", THU)
    assert (d.start, d.end, d.precision) == (dt.date(2016, 1, 1), dt.date(2016, 1, 31), 3)
    # a later month without a year is last year's
    d = one("The offensive began in November.", THU)
    assert d.start == dt.date(2019, 11, 1)
    d = one("Clashes erupted in late December.", THU)
    assert (d.start, d.end, d.text) == (
        dt.date(2019, 12, 21),
        dt.date(2019, 12, 31),
        "late December",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels cut the M4 highway and the M5.",
        "The Security Council adopted resolution 2254.",
        "Civilians may be killed if the shelling goes on.",
        "May God protect us, he said.",
        "Protesters march on the capital.",
        "The war began in 2011 and since 2012 the town was held by rebels.",
        "The convoy left at 10:30 and arrived at 14:00.",
        "The 5th Corps attacked the town.",
        "It was the 25th anniversary of the uprising.",
        "Around 2254 people signed.",
    ],
)
def test_false_positives_are_rejected(sentence):
    for pub in (WED, THU):
        assert days(sentence, pub) == []


# --- resolve_day, shift, date_from_text --------------------------------------------------


def test_resolve_day_and_shift_reanchor_on_the_story_day():
    story = dt.date(2016, 1, 12)
    after = resolve_day("a day after", WED)
    assert after.date == WED + D(days=1)
    assert shift(after, story).date == story + D(days=1)
    prev = shift(resolve_day("the previous day", WED), story)
    assert prev.date == story - D(days=1)
    hours = shift(resolve_day("over 48 hours", WED), story)
    assert (hours.start, hours.end) == (story - D(days=2), story)
    assert resolve_day("no day here", WED) is None


def test_shift_keeps_a_day_whose_words_cannot_be_read():
    from warwire.records import DayRef

    d = DayRef(date=WED, start=WED, end=WED, precision=1, text="")
    assert shift(d, THU) is d


def test_date_from_text_finds_the_first_full_date():
    assert date_from_text("3 min read\n13 January, 2016\nSyrian regime forces") == dt.date(
        2016, 1, 13
    )
    assert date_from_text("Sun 16 Apr 2017 Death toll rises") == dt.date(2017, 4, 16)
    assert date_from_text("Posted Feb. 27, 2020 at noon") == dt.date(2020, 2, 27)
    assert date_from_text("Updated 2020-02-27T10:00") == dt.date(2020, 2, 27)
    # no year, or only numbers that are not dates
    assert date_from_text("On Tuesday, Feb. 5 troops under Resolution 2254 took M4.") is None


def test_seed_articles_resolve_without_breaking_offsets():
    seeds = SHARED / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared corpus absent")
    for f in sorted(seeds.glob("*.txt")):
        text = f.read_text()
        for s in split_sentences(text):
            for a, b, d in find_days(s.text, THU):
                assert s.text[a:b] == d.text
                assert not re.fullmatch(r"\d{4}", d.text)
                assert (d.end - d.start).days <= 31


def test_a_month_with_a_stray_stop_still_dates_the_day() -> None:
    got = find_days(
        "posted online on Wednesday, July. 6, 2016, by supporters", dt.date(2016, 8, 10)
    )
    assert [d.date for _, _, d in got] == [dt.date(2016, 7, 6)]
    vague = find_days("It was in July. 6 men died.", dt.date(2016, 8, 10))
    assert all(d.precision == 3 for _, _, d in vague)  # "July." then a count: the month only
