"""Boilerplate cleaning: page furniture goes, article sentences stay."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from warwire.ingest.clean import (
    classify,
    clean_text,
    is_sentence,
    run_in_headline,
    split_lines,
    undoubled,
    without_related_list,
)

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"

BODY = [
    "Government forces shelled the town of Ariha on Monday, killing three civilians and "
    "wounding seven others, rescuers said.",
    "The shelling hit a residential street near the main square shortly after noon, "
    "according to a local medic who spoke by telephone.",
    '"We pulled the wounded out of the rubble with our hands," said one volunteer at the '
    "scene of the attack.",
]


def lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln]


def page(*extra_top: str, extra_bottom: tuple[str, ...] = ()) -> str:
    return "\n".join([*extra_top, "", *BODY, "", *extra_bottom])


@pytest.mark.parametrize(
    "junk",
    [
        "Search For Keyword.",
        "3 min read",
        "Total Comments (0)",
        "Comments (12)",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Email",
        "Subscribe to our newsletter",
        "Follow us on Twitter",
        "Read more: Rebels shell government positions in Hama",
        "Related: Turkey sends more troops to Idlib",
        "Related Articles",
        "13 January, 2016",
        "Published on Feb 27, 2020 10:32 GMT",
        "By Jane Doe",
        "Syrian troops in the centre of the town [AFP]",
        "A displaced family near the border (Getty)",
        "Photo: Civil defence volunteers at the site",
        "\u00a9 2021 Some Outlet. All rights reserved.",
        "Copyright 2020 Some News Agency",
        "We use cookies to improve your experience. By continuing to browse you accept our "
        "cookie policy.",
        "Show More",
        "Back to top button",
        "Advertisement",
        "(81)   (69)",
        "*code confirming note",
        "Please fill the fields below.",
    ],
)
def test_boilerplate_line_is_dropped_and_body_kept(junk: str) -> None:
    out = clean_text(page(junk))
    assert junk.strip() not in lines(out)
    assert lines(out) == BODY


def test_repeated_title_at_top_is_dropped() -> None:
    title = "Government shelling kills three in Ariha"
    out = clean_text(page(title, title), title)
    assert title not in out
    assert lines(out) == BODY


def test_title_equal_to_a_real_sentence_is_kept() -> None:
    # a manifest title copied from the lede must not delete the lede
    out = clean_text(page(), BODY[0])
    assert lines(out) == BODY


def test_duplicated_block_keeps_first_copy() -> None:
    raw = "\n".join(BODY + BODY[1:] + ["Comments About This Article"])
    out = lines(clean_text(raw))
    assert out == BODY


def test_sign_off_lines_after_the_story_are_dropped_but_not_before() -> None:
    raw = page(extra_bottom=("Some Outlet with Agencies", "Some Outlet"))
    assert lines(clean_text(raw)) == BODY
    # the same short line inside the story (a subheading) stays
    raw = "\n".join([BODY[0], "Fighting in the south", BODY[1], BODY[2]])
    assert "Fighting in the south" in lines(clean_text(raw))


def test_sentence_with_a_closing_aside_is_not_a_caption() -> None:
    s = "Another 14 civilians were killed in raids on Manbij, a town held by Islamic State (IS)."
    assert s in clean_text(page(s))


def test_a_photo_line_crediting_its_source_is_a_caption() -> None:
    caption = "Rubble of the strike in a district of the capital (Source: Some Agency)"
    out = lines(clean_text(page(caption)))
    assert caption not in out and out == BODY
    # a sentence that closes with its source stays
    s = "Rebels took the town after two days of fighting. (Source: Some Agency)"
    assert s in clean_text(page(s))


def test_long_sentences_are_never_dropped_by_shape_rules() -> None:
    # starts like a prompt and mentions copyright, but reads as an article sentence
    s = (
        "Share prices in Damascus fell sharply on Monday after the government announced new "
        "copyright rules for state media, traders said."
    )
    assert is_sentence(s)
    assert s in clean_text(page(s))


def test_spaces_newlines_and_hard_wraps_are_normalised() -> None:
    raw = (
        "Troops entered the town of Saraqeb\r\n"
        "on Thursday after heavy\u00a0fighting, a monitor said.\r\n"
    )
    assert split_lines(raw)[0] == (
        "Troops entered the town of Saraqeb on Thursday after heavy fighting, a monitor said."
    )


def test_paragraphs_are_separated_by_blank_lines() -> None:
    assert clean_text("\n".join(BODY)) == "\n\n".join(BODY)


def _seed_cases() -> list[tuple[Path, str]]:
    if not SEEDS.is_dir():
        return []
    with (SEEDS / "manifest.csv").open(newline="", encoding="utf-8") as f:
        titles = {r["file"]: r["title"] for r in csv.DictReader(f)}
    return [(p, titles.get(p.name, "")) for p in sorted(SEEDS.glob("*.txt"))]


needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not found")


@needs_seeds
@pytest.mark.parametrize("path,title", _seed_cases(), ids=lambda v: getattr(v, "name", ""))
def test_seed_sentences_survive_once(path: Path, title: str) -> None:
    raw = path.read_text(encoding="utf-8")
    out = lines(clean_text(raw, title))
    for ln in split_lines(raw):
        if is_sentence(ln):
            assert out.count(ln) == 1, ln
    assert len(out) == len(set(out)), "a line survived twice"


@needs_seeds
def test_seed_boilerplate_is_gone() -> None:
    gone = {
        "Search For Keyword.",
        "3 min read",
        "Total Comments (0)",
        "Comments About This Article",
        "Please fill the fields below.",
        "Show More",
        "Back to top button",
        "13 January, 2016",
    }
    for path, title in _seed_cases():
        kept = set(lines(clean_text(path.read_text(encoding="utf-8"), title)))
        assert not kept & gone, path.name
        assert not any(k.endswith("[AFP]") for k in kept)
        if title:
            assert title not in kept


@needs_seeds
def test_seed_drops_no_sentence_but_repeats() -> None:
    for path, title in _seed_cases():
        for ln in classify(path.read_text(encoding="utf-8"), title):
            if ln.reason:
                assert not is_sentence(ln.text) or ln.reason == "repeated line", ln


def test_inline_markup_left_in_scraped_text_is_stripped() -> None:
    from warwire.ingest.clean import clean_text, strip_markup

    raw = (
        "<span style=\"color: #222;\">Rebels shelled the town &nbsp;on Monday.</span><br />'' "
        "<br />'' <span>Two people were killed in the shelling of the market.</span>"
    )
    text = clean_text(raw)
    assert "<span" not in text and "&nbsp;" not in text and "''" not in text
    assert "shelled the town on Monday." in " ".join(text.split())
    plain = "No tags here; 5 < 7 and 7 > 5."
    assert strip_markup(plain) == plain


STORY = (
    "Government troops entered the town of Kafr Tala on Monday after a week of fighting, "
    "a monitoring group said.\n\n"
    "The group said at least nine fighters were killed on both sides in the last two days."
)


def _reasons(raw: str) -> dict[str, str]:
    return {ln.text: ln.reason for ln in classify(raw)}


@pytest.mark.parametrize(
    "junk",
    [
        'string(210) "[{"id":"5531","sort":"88","pic":"/2019/05/clip.mp4","title":"Video"}]"',
        "var cfg = {page: 'story', ads: [1, 2, 3]}; window.init(cfg);",
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x"}',
    ],
)
def test_scripts_and_serialised_data_are_dropped(junk: str) -> None:
    reasons = _reasons(f"{STORY}\n\n{junk}")
    assert reasons[junk] == "script or serialised data"
    assert not any(r for t, r in reasons.items() if t != junk)


def test_a_quoted_sentence_is_not_code() -> None:
    line = 'He said: "We will hold the line," and added that "nobody [there] will leave."'
    assert not _reasons(f"{STORY}\n\n{line}")[line]


def test_hashes_and_counters_and_app_banners_are_dropped() -> None:
    raw = (
        f"{STORY}\n\nd41d8cd98f00b204e9800998ecf8427e_12\n\nPhotos ( 7 images )\n\n"
        "Download The Daily Wire Reader App for breaking news."
    )
    reasons = _reasons(raw)
    assert reasons["d41d8cd98f00b204e9800998ecf8427e_12"] == "hash or id"
    assert reasons["Photos ( 7 images )"] == "gallery counter"
    assert reasons["Download The Daily Wire Reader App for breaking news."] == "app banner"


def test_a_cross_link_block_at_the_end_is_dropped() -> None:
    raw = (
        f"{STORY}\n\nSee Further\n\nMinister opens a new bridge in the capital\n\n"
        "Capital, agency - The minister on Sunday opened a bridge over the river …"
    )
    kept = clean_text(raw)
    assert "bridge" not in kept and "See Further" not in kept
    assert "nine fighters" in kept


def test_a_heading_followed_by_the_story_is_kept() -> None:
    raw = f"{STORY}\n\nBackground\n\n" + "\n\n".join(
        f"Paragraph {i} tells how the siege began years ago and what it cost the town."
        for i in "abc"
    )
    assert "Background" in clean_text(raw) and "Paragraph c" in clean_text(raw)


def test_a_gallery_caption_with_its_credit_on_the_next_line_is_dropped() -> None:
    caption = "Smoke rises over the hills near the border crossing on May 3, 2019."
    text = page(
        caption,
        "AFP/Getty Images",
        caption,
        "Trucks queue at the gate on May 3.",
        "Jo Doe / Reuters",
    )
    kept = lines(clean_text(text))
    assert kept == BODY  # captions and credits gone, every sentence of the story kept
    reasons = [ln.reason for ln in classify(text)]
    assert reasons[:4] == ["photo caption", "photo caption", "repeated line", "photo caption"]


def test_a_sentence_before_a_web_address_or_a_bare_agency_name_is_kept() -> None:
    for source in ("agency.example/en", "Reuters"):
        text = "\n".join([*BODY, source])
        assert lines(clean_text(text))[: len(BODY)] == BODY


def test_a_run_of_words_printed_twice_in_a_row_is_read_once() -> None:
    lead = "A car bomb went off near the bakery in the old market of the town on Tuesday"
    doubled = f"{lead} {lead} killing nine people, a monitor said."
    assert undoubled(doubled) == f"{lead} killing nine people, a monitor said."
    sentence = f"{lead}, a monitor said."
    assert undoubled(f"{sentence} {sentence}") == sentence
    # a short repeat is prose ("killed and killed"), and a repeat apart is left to the merge
    prose = "Shells fell on the town and shells fell on the town again, residents said."
    assert undoubled(prose) == prose
    apart = f"{sentence} Residents fled to the fields nearby. {sentence}"
    assert undoubled(apart) == apart


def test_a_headline_run_into_the_lead_is_cut_off() -> None:
    title = "Blast kills 12 fighters in northern town Monitor - Region - World - Outlet"
    body = (
        "Blast kills 12 fighters in northern town Monitor Agency Monday 3 May About 12 "
        "fighters were killed when a bomb went off under a checkpoint, a monitor said."
    )
    head, lead = run_in_headline(body, title)
    assert head == "Blast kills 12 fighters in northern town Monitor"
    assert lead.startswith("Agency Monday 3 May About 12 fighters")
    dated = f"Monday 3 May 2021 {body}"
    assert run_in_headline(dated, title)[0].endswith("northern town Monitor")
    stopped = body.replace("Monitor Agency", "Monitor. Agency")
    assert run_in_headline(stopped, title) == [stopped]  # the headline has its own stop
    other = "Troops shelled the town of Sarmin on Monday, killing three civilians, a monitor said."
    assert run_in_headline(other, title) == [other]
    assert "Monitor. Agency Monday" in clean_text(body, title)


def test_a_run_in_list_of_related_stories_is_cut_off() -> None:
    story = (
        "Rockets hit the town on Monday, killing two people, a monitor said. The army shelled "
        "the hills in response and the fighting went on into the night."
    )
    links = " Source Agency Related News Air strike kills 54 in the east | Talks end Copyright"
    assert without_related_list(story + links) == story + " Source Agency"
    numbered = f"{story} ... 91 Related Jets strike a market in the north Tags war"
    assert without_related_list(numbered) == f"{story} ... 91"
    prose = "Officials said the deaths were related to the shelling of the town on Monday."
    assert without_related_list(prose) == prose
    heading = "Related News Air strike kills 54 in the east"  # its own line: furniture's
    assert without_related_list(heading) == heading
