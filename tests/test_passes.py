"""The coder's passes, one reporting pattern each, on invented sentences.

Each test takes a candidate as it reaches its pass (`coding.at`) and asks the pass itself, or
codes the article with and without the pass (`coding.without`) to show what it changes.
"""

from __future__ import annotations

import datetime as dt

import pytest

from coding import arriving, at, code, kinds, passes, without
from warwire.code import passes as ps
from warwire.code import taxonomy as tx
from warwire.code.candidates import Candidate, candidates, where_key
from warwire.records import DayRef


def names(ms) -> list[str]:  # noqa: ANN001
    return sorted(m.place.name for m in ms)


def test_the_passes_are_listed_once_in_order() -> None:
    names_ = [p.__name__ for p in ps.PASSES]
    assert len(set(names_)) == len(names_)
    # the actors before the kind, the kind before the places, the day before its tests
    assert (
        names_.index("who_did_what") < names_.index("kind_of_action") < names_.index("own_places")
    )
    assert names_.index("day_of_action") < names_.index("undated_posts_and_deals_are_background")
    # the passes that may drop a candidate come first, then those that choose its toll
    assert names_[-6:] == [
        "one_action_per_place_and_day",
        "toll_told_once_for_several_places",
        "toll_of_its_own_clause",
        "toll_of_its_named_cause",
        "toll_told_with_its_action",
        "toll_of_an_earlier_action",
    ]
    assert all(p.__doc__ for p in ps.PASSES)


def test_candidates_come_from_factual_triggers_concrete_first() -> None:
    text = "Rebels seized Kafr Nabl on Tuesday in a new offensive in Idlib."
    order = [c.trig.token.text for c, _ in arriving(ps.operation_after_its_action, text)]
    assert order == ["seized", "offensive"]  # the operation noun last
    threat = "Rebels threatened to seize Kafr Nabl on Tuesday."
    assert arriving(ps.operation_after_its_action, threat) == []  # not factual
    assert candidates([], dt.date(2021, 3, 10)) == []


def test_an_operation_noun_adds_nothing_after_its_action() -> None:
    text = "Government troops captured Kafr Nabl on Tuesday in a new offensive in Idlib."
    c, ctx = at(ps.operation_after_its_action, text, "offensive")
    assert ctx.coded == 1 and ps.operation_after_its_action(c, ctx) is None
    first, ctx0 = at(ps.operation_after_its_action, text, "captured")
    assert ctx0.coded == 0 and ps.operation_after_its_action(first, ctx0) is first


def test_a_key_town_is_placed_where_the_next_sentence_names_it() -> None:
    text = "Rebels seized a strategic town on Tuesday. Saraqib lies on the main road south."
    assert names(code(text)) == ["Saraqib"]
    # "a strategic town" is no place: without the pass (and the delayed lede, which reads the
    # same lead by its next sentence) it is not coded
    neither = {ps.key_town_named_elsewhere, ps.lead_placed_by_the_next_sentence}
    with passes(tuple(p for p in ps.PASSES if p not in neither)):
        assert code(text) == []
    alone = "Rebels seized a strategic town in Idlib province on Tuesday. The fighting went on."
    c, ctx = at(ps.key_town_named_elsewhere, alone, "seized")
    assert ps.key_town_named_elsewhere(c, ctx) is None


def test_who_did_what_reads_doer_and_target() -> None:
    c, ctx = at(
        ps.who_did_what, "Rebels attacked an army checkpoint in Ariha on Tuesday.", "attacked"
    )
    out = ps.who_did_what(c, ctx)
    assert out is not None and out.a1 is not None and out.a1.actor.side == "opposition"
    assert c.a1 is None  # the pass returns a new candidate


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("Militants raided an army checkpoint in Ariha on Tuesday.", "raided", tx.CLASH),
        ("Government forces withdrew from Ariha on Tuesday.", "withdrew", None),
    ],
)
def test_the_sentence_decides_the_kind(text: str, word: str, kind: str | None) -> None:
    c, ctx = at(ps.kind_of_action, text, word)
    out = ps.kind_of_action(c, ctx)
    assert (out.kind if out else None) == kind


def test_a_toll_without_a_killer_is_no_event() -> None:
    text = "Five civilians were killed in Ariha on Tuesday."
    assert code(text) == []
    assert kinds(without(ps.killing_needs_a_killer, text)) == ["Attack"]


def test_armed_men_killed_with_a_toll_are_a_clash() -> None:
    c, ctx = at(
        ps.killing_needs_a_killer,
        "More than 40 Islamic State fighters were killed in Raqqa on Tuesday.",
        "killed",
    )
    out = ps.killing_needs_a_killer(c, ctx)
    assert out is not None and out.kind == tx.CLASH and out.a2 is not None


def test_an_action_abroad_is_no_event() -> None:
    text = "Rebels held Saraqib. On Tuesday US jets struck a militant base in Mosul."
    c, ctx = at(ps.abroad_is_no_event, text, "struck")
    assert ps.abroad_is_no_event(c, ctx) is None
    home = "Rebels held Saraqib. On Tuesday US jets struck a militant base in Raqqa."
    c, ctx = at(ps.abroad_is_no_event, home, "struck")
    assert ps.abroad_is_no_event(c, ctx) is c


def test_own_places_are_the_actions() -> None:
    c, ctx = at(ps.own_places, "Rebels attacked a convoy in Ariha on Tuesday.", "attacked")
    out = ps.own_places(c, ctx)
    assert out is not None and [p.place.name for p in out.places] == ["Ariha"] and out.geo == 1


def test_a_sieges_towns_named_later() -> None:
    text = (
        "Rebels broke the siege of two towns in the north on Tuesday. The two towns of Nubl "
        "and Zahraa have been encircled for years."
    )
    assert names(code(text)) == ["Nubl"]
    assert without(ps.siege_towns_named_later, text) == []


def test_twin_towns_under_one_siege_are_one_action() -> None:
    text = "Government forces broke the siege of Nubl and Zahraa on Tuesday."
    (m,) = code(text)
    assert m.place.name == "Nubl" and len(m.also_at) == 1
    assert len(without(ps.one_siege_of_twin_towns, text)) == 2


def test_a_fight_between_camps_is_in_the_last_town() -> None:
    text = (
        "Government troops entered Saraqib on Tuesday. Clashes between rebels and government "
        "troops broke out."
    )
    c, ctx = at(ps.fight_between_camps_at_last_town, text, "Clashes")
    out = ps.fight_between_camps_at_last_town(c, ctx)
    assert out is not None and [p.place.name for p in out.places] == ["Saraqib"]
    entered, _ = at(ps.fight_between_camps_at_last_town, text, "entered")
    unnamed = Candidate(entered.trig, tx.CLASH)  # a fight not named by its two camps
    assert ps.fight_between_camps_at_last_town(unnamed, ctx) is unnamed


def test_a_lead_toll_is_at_the_headlines_place() -> None:
    text = "Twelve soldiers were killed in an air strike in the north-west on Tuesday."
    title = "Twelve soldiers killed in Saraqib strike"
    c, ctx = at(ps.lead_toll_at_headline_place, text, "strike", title=title)
    out = ps.lead_toll_at_headline_place(c, ctx)
    assert out is not None and [p.place.name for p in out.places] == ["Saraqib"]
    assert code(text) == []  # no headline: no place


def test_a_lead_with_both_sides_is_in_the_only_province() -> None:
    text = (
        "Rebels attacked government troops on Tuesday, killing five. The fighting is the "
        "worst in Idlib province this year."
    )
    c, ctx = at(ps.lead_with_both_sides_in_only_province, text, "attacked")
    out = ps.lead_with_both_sides_in_only_province(c, ctx)
    assert out is not None and out.both_sides and out.geo == 3
    assert [p.place.name for p in out.places] == ["Idlib"]


def test_counted_strikes_are_at_the_first_town() -> None:
    text = "US forces conducted 30 air strikes on Tuesday to support fighters advancing on Tabqa."
    c, ctx = at(ps.strike_count_at_first_town, text, "strikes")
    assert c.places and ps.strike_count_at_first_town(c, ctx) is c  # placed already
    out = ps.strike_count_at_first_town(Candidate(c.trig, c.kind), ctx)
    assert out is not None and out.geo == 1 and out.places == ctx.info.places[:1]
    uncounted = "US forces conducted air strikes on Tuesday to support fighters advancing on Tabqa."
    c, ctx = at(ps.strike_count_at_first_town, uncounted, "strikes")
    blank = Candidate(c.trig, c.kind)
    assert ps.strike_count_at_first_town(blank, ctx) is blank


def test_no_place_no_event() -> None:
    c, ctx = at(ps.no_place_no_event, "Rebels attacked a convoy in Ariha on Tuesday.", "attacked")
    assert ps.no_place_no_event(Candidate(c.trig, c.kind), ctx) is None


def test_fighting_at_the_province_beside_a_capture_is_context() -> None:
    text = "Government troops captured Kafr Nabl on Tuesday after a week of clashes in Idlib."
    c, ctx = at(ps.fighting_before_capture_is_context, text, "clashes")
    province = Candidate(c.trig, tx.CLASH, places=c.places, geo=3)
    assert ctx.coded == 1 and ps.fighting_before_capture_is_context(province, ctx) is None
    town = Candidate(c.trig, tx.CLASH, places=c.places, geo=1)
    assert ps.fighting_before_capture_is_context(town, ctx) is town


def test_a_noun_alone_needs_its_own_place_a_count_or_casualties() -> None:
    assert code("Delegations met in Damascus on Tuesday as air strikes continued.") == []
    assert kinds(code("Air strikes on Saraqib on Tuesday killed four civilians.")) == [
        "Air/drone strike"
    ]
    text = "The mayor of Ariha said on Tuesday that the air strikes had stopped."
    assert without(ps.noun_needs_place_count_or_casualties, text) != []
    assert code(text) == []


def test_a_noun_of_strikes_with_its_own_count_is_an_event() -> None:
    lead = "The group has fought in the region for years. "
    held = (
        ", Kurdish fighters on Tuesday also held their positions in the eastern districts of Hajin."
    )
    assert kinds(code(lead + "Aided by five coalition air strikes" + held)) == ["Air/drone strike"]
    assert kinds(code(lead + "Aided by coalition air strikes" + held)) == []


def test_an_assault_by_a_named_side_beside_another_sides_strikes_is_a_second_action() -> None:
    text = (
        "Backed by five coalition air strikes, Kurdish fighters on Tuesday held back assaults "
        "by Islamic State militants on Hajin."
    )
    assert kinds(code(text)) == ["Air/drone strike", "Armed clash"]
    # the weapon inside the noun's own phrase is the same action
    one = "Rebel rocket attacks on Hajin on Tuesday killed four civilians."
    assert "Armed clash" not in kinds(code(one)) and "Attack" not in kinds(code(one))


def test_a_toll_told_place_by_place_after_a_shelling_is_a_shelling_at_each_place() -> None:
    lead = "The group has fought in the region for years. "
    tally = "Among the dead, four people died in shelling in Saraqib on Tuesday, and two "
    ms = code(lead + tally + "children were killed in Ariha.")
    assert sorted((m.sub_event_type, m.place.name) for m in ms) == [
        ("Shelling/artillery/missile attack", "Ariha"),
        ("Shelling/artillery/missile attack", "Saraqib"),
    ]
    # one verb of killing is one toll, not a tally by place
    one = "Shelling was reported on Tuesday in Saraqib, with two children killed in Ariha."
    assert [m.place.name for m in code(lead + one)] == ["Saraqib"]


def test_history_is_not_news() -> None:
    text = "Rebels captured Saraqib on 3 March 2019."
    assert code(text) == []
    assert kinds(without(ps.old_news_is_history, text)) == ["Non-state actor overtakes territory"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Russian troops set up a base in Qamishli under a deal with the government.", "set"),
        ("Rebels and the government agreed a truce in Douma.", "agreed"),
    ],
)
def test_undated_posts_and_deals_are_background(text: str, word: str) -> None:
    assert code(text) == []
    assert len(without(ps.undated_posts_and_deals_are_background, text)) == 1
    c, ctx = at(ps.undated_posts_and_deals_are_background, text, word)
    dated = Candidate(c.trig, c.kind, explicit=True)
    assert ps.undated_posts_and_deals_are_background(dated, ctx) is dated


def test_a_roll_up_names_several_provinces() -> None:
    text = "Russian air strikes hit Idlib and Hama provinces on Tuesday."
    (m,) = code(text)
    assert m.summary and m.place.name == "Idlib"
    assert names(without(ps.roll_up_of_provinces, text)) == ["Hama", "Idlib"]


def test_one_action_per_place_and_day(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Russian jets struck Saraqib on Tuesday, killing 14 civilians."
    assert kinds(code(text)) == ["Air/drone strike"]  # the deaths are the strike's
    # the article-level fold of a strike's dead (code/outcomes.py) is off, to see the pass
    from warwire.code.coder import ArticleCoder
    from warwire.code.outcomes import one_outcome

    folds = tuple(p for p in ps.ARTICLE_PASSES if p is not one_outcome)
    monkeypatch.setattr(ArticleCoder, "article_passes", folds)
    assert kinds(without(ps.one_action_per_place_and_day, text)) == ["Air/drone strike", "Attack"]


def test_two_days_at_one_place_are_two_actions() -> None:
    text = "Rebels captured Kafr Nabl on Tuesday, a week after government troops took it."
    c, ctx = at(ps.one_action_per_place_and_day, text, "captured")
    week_before = DayRef(dt.date(2021, 3, 2), dt.date(2021, 3, 2), dt.date(2021, 3, 2), 1)
    ctx.seen.append((where_key(c.places[0], week_before), tx.TERRITORY))
    assert ps.one_action_per_place_and_day(c, ctx) is not None
    ctx.seen.append((where_key(c.places[0], c.day), tx.TERRITORY))
    assert ps.one_action_per_place_and_day(c, ctx) is None


def test_the_coding_modules_import_no_circle() -> None:
    """classify, coder, refine, candidates and passes: each module's top-level imports of
    warwire.code never lead back to it (issue 20 found classify, coder and refine in one)."""
    import ast
    import importlib.resources

    root = importlib.resources.files("warwire.code")
    graph: dict[str, set[str]] = {}
    for f in root.iterdir():
        if not f.name.endswith(".py"):
            continue
        deps = set()
        for node in ast.parse(f.read_text()).body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("warwire.code."):
                deps.add(node.module.rsplit(".", 1)[1])
        graph[f.name[:-3]] = deps

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for d in graph.get(start, ()):
            if d == goal or (d not in seen and reaches(d, goal, seen | {d})):
                return True
        return False

    assert {"classify", "coder", "refine", "passes", "candidates"} <= set(graph)
    assert [m for m in graph if reaches(m, m, set())] == []


def test_the_coding_modules_defer_no_import_of_each_other() -> None:
    """An import of another coding module inside a function hides a circle from the test
    above: the one left is context.scan_article's of recall.delayed_lede, which reads the
    scanned sentences (the package's lazy entry point and type-only imports aside)."""
    import ast
    import importlib.resources

    root = importlib.resources.files("warwire.code")
    deferred = []
    for f in root.iterdir():
        if not f.name.endswith(".py") or f.name == "__init__.py":
            continue
        for fn in ast.walk(ast.parse(f.read_text())):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "warwire.code"
                ):
                    deferred.append(f"{f.name}: {node.module}")
    assert deferred == ["context.py: warwire.code.recall"]


def test_each_action_takes_the_toll_of_its_own_clause() -> None:
    # (a sentence whose every toll is told at a place of its own is split by place as well,
    # figures.toll_of_each_named_place: here the second toll names no place after it)
    text = (
        "Air strikes on Jisr al-Shughur killed twenty people on Monday, "
        "while shelling of Khan Shaykhun killed three."
    )
    assert {m.place.name: m.fatalities for m in code(text)}["Khan Shaykhun"] == 3
    shared = {m.place.name: m.fatalities for m in without(ps.toll_of_its_own_clause, text)}
    assert shared["Khan Shaykhun"] != 3  # without the pass the sentence's figures are shared


def test_a_toll_told_once_for_several_places_goes_to_none() -> None:
    text = "On Tuesday air strikes on Kafr Nabl, Saraqib and Maarat al-Numan killed 28 people."
    assert {m.fatalities for m in code(text)} == {None}
    assert 28 in {m.fatalities for m in without(ps.toll_told_once_for_several_places, text)}


def _verdicts(p: ps.Pass, text: str) -> list[tuple[str, bool]]:
    """Each candidate reaching P, with whether P kept it (as the coder ran it)."""
    out: list[tuple[str, bool]] = []

    def spy(c: Candidate, ctx: ps.SentenceContext) -> Candidate | None:
        kept = p(c, ctx)
        out.append((c.trig.token.lower_, kept is not None))
        return kept

    with passes(tuple(spy if q is p else q for q in ps.PASSES)):
        code(text)
    return out


def test_the_attack_after_a_coded_strike_is_the_same_strike() -> None:
    text = (
        "Russian jets struck a training camp near the town of Kafr Nabl on Monday, and 40 "
        "fighters were wounded in the attack."
    )
    assert ("attack", False) in _verdicts(ps.the_attack_is_the_action_told, text)
    # "an attack" points at nothing before it; nor does a noun that opens the sentence
    other = (
        "Russian jets struck a training camp near the town of Kafr Nabl on Monday, and rebels "
        "launched an attack on Saraqib."
    )
    assert ("attack", True) in _verdicts(ps.the_attack_is_the_action_told, other)
    lead = "The attack on Kafr Nabl on Monday killed five soldiers, rebels said."
    assert ("attack", True) in _verdicts(ps.the_attack_is_the_action_told, lead)
