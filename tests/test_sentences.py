from warwire.read.sentences import split_sentences


def texts(t: str) -> list[str]:
    return [s.text for s in split_sentences(t)]


def test_splits_on_sentence_ends_and_keeps_offsets():
    t = "Troops took the town on Tuesday. Rebels withdrew north.\n\nA second paragraph here."
    sents = split_sentences(t)
    assert [s.text for s in sents] == [
        "Troops took the town on Tuesday.",
        "Rebels withdrew north.",
        "A second paragraph here.",
    ]
    for s in sents:
        assert t[s.start : s.end] == s.text
    assert sents[0].paragraph == sents[1].paragraph != sents[2].paragraph


def test_abbreviations_do_not_end_sentences():
    t = "The U.N. envoy met Gen. Smith on Jan. 25 in Geneva. Talks failed."
    assert texts(t) == ["The U.N. envoy met Gen. Smith on Jan. 25 in Geneva.", "Talks failed."]


def test_quotes_and_lines():
    t = "\u201cIt was hell,\u201d he said. \u201cWe ran.\u201d\nTitle line without a stop\nNext."
    assert texts(t) == [
        "\u201cIt was hell,\u201d he said.",
        "\u201cWe ran.\u201d",
        "Title line without a stop",
        "Next.",
    ]


def test_lower_case_after_stop_does_not_split():
    assert len(split_sentences("He said 3 p.m. was the hour. then nothing.")) == 1


def test_paragraphs_glued_without_a_space_split():
    t = "A bomb hit a parking lot.State media said a car bomb killed 9 people.Four were hurt."
    assert texts(t) == [
        "A bomb hit a parking lot.",
        "State media said a car bomb killed 9 people.",
        "Four were hurt.",
    ]
    for s in split_sentences(t):
        assert t[s.start : s.end] == s.text


def test_glued_split_spares_abbreviations_and_initials():
    assert len(texts("Troops of the U.S.Army and e.g.Turkey moved in.")) == 1
    assert len(texts("He met officials in Washington D.C.Then he left.")) == 1


def test_a_month_with_a_stray_stop_before_day_and_year_ends_no_sentence() -> None:
    text = (
        "This photo taken on Wednesday, July. 6, 2016, shows smoke. Fighting began in July. "
        "6 men died."
    )
    got = [s.text for s in split_sentences(text)]
    assert got[0] == "This photo taken on Wednesday, July. 6, 2016, shows smoke."
    assert "6 men died." in got  # no year after the number: a sentence end after all
