"""The store's contract, on SQLite and on PostgreSQL alike (see the `store_url` fixture)."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from warwire.records import (
    ActorRef,
    Article,
    Claim,
    ControlChange,
    DayRef,
    Event,
    Evidence,
    Mention,
    Place,
)
from warwire.store import Store


def article(aid: str, text: str, **kw) -> Article:
    return Article(
        id=aid,
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        outlet=kw.pop("outlet", "Outlet"),
        published=kw.pop("published", dt.date(2016, 2, 1)),
        **kw,
    )


def mention(mid: str, aid: str, day: dt.date, town: str, admin1: str = "Aleppo") -> Mention:
    return Mention(
        id=mid,
        article=aid,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        day=DayRef(date=day, start=day, end=day, text="on Monday"),
        place=Place(name=town, id=f"g-{town}", admin1=admin1, latitude=36.1, longitude=37.2),
        actor1=ActorRef(name="Military Forces of Russia", side="russia", surface="Russian jets"),
        fatalities=3,
        counts={"wounded": 5},
        claims=[Claim(field="fatalities", value=3, article=aid, attributed_to="SOHR")],
        evidence=[Evidence(article=aid, start=0, end=10, text="Jets struck")],
    )


def event(
    eid: str,
    day: dt.date,
    *,
    etype: str = "Explosions/Remote violence",
    sub: str = "Air/drone strike",
    admin1: str = "Aleppo",
    location: str = "Anadan",
    sides: tuple[str, str] = ("russia", "civilians"),
    sources: int = 1,
) -> Event:
    return Event(
        id=eid,
        event_type=etype,
        sub_event_type=sub,
        date=day,
        date_range=(day, day + dt.timedelta(days=1)),
        actor1_side=sides[0],
        actor2_side=sides[1],
        admin1=admin1,
        location=location,
        place_id=f"g-{location}",
        fatalities=2,
        independent_sources=sources,
        articles=["a1"],
        claims=[Claim(field="fatalities", value=2, article="a1")],
    )


@pytest.fixture
def store(store_url: str):
    s = Store(store_url)
    yield s
    s.close()


def test_upsert_new_unchanged_updated(store: Store) -> None:
    a = article("a1", "Jets struck Anadan on Monday.", title="Strike")
    assert store.upsert_article(a, b"sig").status == "new"
    assert store.upsert_article(a, b"sig").status == "unchanged"
    changed = article("a1", "Jets struck Anadan and Hayan on Monday.", title="Strikes")
    assert store.upsert_article(changed, b"sig2").status == "updated"
    got = store.article("a1")
    assert got is not None
    assert (got.text, got.title, got.content_hash) == (
        changed.text,
        "Strikes",
        changed.content_hash,
    )
    assert got.published == dt.date(2016, 2, 1)
    assert store.signatures() == [("a1", b"sig2")]
    assert store.count("articles") == 1


def test_reingest_never_duplicates(store: Store) -> None:
    arts = [article(f"a{i}", f"Report number {i}.", outlet=f"O{i % 2}") for i in range(6)]
    for _ in range(3):
        statuses = [store.upsert_article(a).status for a in arts]
    assert statuses == ["unchanged"] * 6
    assert store.count("articles") == 6
    assert [a.id for a in store.articles()] == [f"a{i}" for i in range(6)]
    assert [a.id for a in store.articles(limit=2, offset=2)] == ["a2", "a3"]
    assert sorted(store.outlets()) == [("O0", 3), ("O1", 3)]
    assert len(store.articles(outlet="O1")) == 3


def test_mentions_replace_and_coding_queue(store: Store) -> None:
    a = article("a1", "Jets struck Anadan.")
    store.upsert_article(a)
    assert store.articles_to_code() == ["a1"]
    day = dt.date(2016, 2, 1)
    store.replace_mentions("a1", a.content_hash, [mention("a1-m1", "a1", day, "Anadan")])
    assert store.articles_to_code() == []
    store.replace_mentions(
        "a1",
        a.content_hash,
        [mention("a1-m2", "a1", day, "Hayan"), mention("a1-m3", "a1", day, "Anadan")],
    )
    got = store.mentions("a1")
    assert [m.id for m in got] == ["a1-m2", "a1-m3"]
    assert got[0].place is not None and got[0].place.name == "Hayan"
    assert got[0].day is not None and got[0].day.date == day
    assert got[0].actor1 is not None and got[0].actor1.side == "russia"
    assert got[0].claims[0].attributed_to == "SOHR"
    assert store.count("mentions") == 2
    # a new text puts the article back in the coding queue
    store.upsert_article(article("a1", "Jets struck Anadan again."))
    assert store.articles_to_code() == ["a1"]


def test_batch_of_mentions_and_bulk_read(store: Store) -> None:
    arts = [article(f"b{i}", f"Jets struck town number {i}.") for i in range(4)]
    for a in arts:
        store.upsert_article(a)
    got = store.articles_by_id(["b3", "missing", "b0", "b2"])
    assert [a.id for a in got] == ["b3", "b0", "b2"]
    assert got[0].text == arts[3].text
    assert store.articles_by_id([]) == []
    day = dt.date(2016, 2, 1)
    batch = [(a.id, a.content_hash, [mention(f"{a.id}-m1", a.id, day, "Anadan")]) for a in arts]
    store.replace_mentions_many(batch[::-1])  # any order in, one transaction
    store.replace_mentions_many(batch[:2])  # again: replaced, not added
    assert store.count("mentions") == 4
    assert store.articles_to_code() == []
    assert [m.id for m in store.mentions("b1")] == ["b1-m1"]


def test_events_replace_and_filters(store: Store) -> None:
    d = dt.date(2016, 2, 1)
    store.upsert_article(article("a1", "x"))
    store.replace_mentions("a1", article("a1", "x").content_hash, [mention("m1", "a1", d, "A")])
    evs = [
        event("e1", d),
        event("e2", d + dt.timedelta(days=3), admin1="Idlib", location="Saraqeb", sources=3),
        event(
            "e3",
            d + dt.timedelta(days=10),
            etype="Battles",
            sub="Government regains territory",
            sides=("syrian_government", "opposition"),
            sources=2,
        ),
    ]
    store.replace_events(evs, {"m1": "e1"})
    assert store.assignments() == {"m1": "e1"}
    assert [e.id for e in store.events()] == ["e1", "e2", "e3"]
    assert [e.id for e in store.events(start=d + dt.timedelta(days=1))] == ["e2", "e3"]
    assert [e.id for e in store.events(end=d + dt.timedelta(days=3))] == ["e1", "e2"]
    assert [e.id for e in store.events(event_type="Battles")] == ["e3"]
    assert [e.id for e in store.events(event_type="Air/drone strike")] == ["e1", "e2"]
    assert [e.id for e in store.events(admin1="idlib")] == ["e2"]
    assert [e.id for e in store.events(side="opposition")] == ["e3"]
    assert [e.id for e in store.events(side="civilians")] == ["e1", "e2"]
    assert [e.id for e in store.events(place="saraqeb")] == ["e2"]
    assert [e.id for e in store.events(place="g-Anadan")] == ["e1", "e3"]
    assert [e.id for e in store.events(min_sources=2)] == ["e2", "e3"]
    assert [e.id for e in store.events(limit=1, offset=1)] == ["e2"]
    assert store.count_events(admin1="Aleppo", min_sources=2) == 1
    one = store.event("e2")
    assert one is not None
    assert one.date_range == (d + dt.timedelta(days=3), d + dt.timedelta(days=4))
    assert one.claims[0].value == 2
    # replacing drops what is gone and re-points the mentions
    store.replace_events([event("e9", d)], {"m1": "e9"})
    assert [e.id for e in store.events()] == ["e9"]
    assert store.assignments() == {"m1": "e9"}
    store.replace_events([], {})
    assert store.count("events") == 0
    assert store.assignments() == {}


def test_control_changes(store: Store) -> None:
    def change(place: str, day: dt.date, to: str, ev: str) -> ControlChange:
        return ControlChange(
            place=place,
            place_id=f"g-{place}",
            admin1="Idlib",
            date=day,
            date_range=None,
            to_side=to,
            to_actor="x",
            from_side="opposition",
            from_actor="y",
            event=ev,
            articles=["a1"],
        )

    d = dt.date(2020, 1, 28)
    store.replace_control_changes(
        [
            change("Saraqeb", d + dt.timedelta(days=30), "opposition", "e2"),
            change("Saraqeb", d, "syrian_government", "e1"),
            change("Kafranbel", d, "syrian_government", "e3"),
        ]
    )
    got = store.control_changes("saraqeb")
    assert [c["event"] for c in got] == ["e1", "e2"]
    assert [c["to_side"] for c in got] == ["syrian_government", "opposition"]
    assert len(store.control_changes("g-Kafranbel")) == 1
    assert store.count("control_changes") == 3
    store.replace_control_changes([change("Kafranbel", d, "opposition", "e4")])
    assert [c["event"] for c in store.control_changes()] == ["e4"]


def test_rollback_leaves_nothing_half_written(store: Store) -> None:
    a = article("a1", "Jets struck Anadan.")
    store.upsert_article(a)
    d = dt.date(2016, 2, 1)
    store.replace_mentions("a1", a.content_hash, [mention("m1", "a1", d, "Anadan")])
    with pytest.raises(RuntimeError), store.transaction():
        store.upsert_article(article("a2", "Another report."))
        store.replace_mentions("a1", a.content_hash, [mention("m2", "a1", d, "Hayan")])
        raise RuntimeError("crash mid-write")
    assert store.article("a2") is None
    assert [m.id for m in store.mentions()] == ["m1"]
    # a failing statement inside a store method rolls its own writes back too
    dup = mention("m3", "a1", d, "Hayan")
    with pytest.raises(Exception):  # noqa: B017 - the driver's own IntegrityError
        store.replace_mentions("a1", "other-hash", [dup, dup])
    assert [m.id for m in store.mentions()] == ["m1"]
    assert store.articles_to_code() == []
    # and the connection is usable afterwards
    assert store.upsert_article(article("a3", "Third.")).status == "new"
    assert store.count("articles") == 2


def test_reopen_keeps_data(store_url: str) -> None:
    with Store(store_url) as s:
        s.upsert_article(article("a1", "Persisted."))
    with Store(store_url) as s:
        assert s.count("articles") == 1
        assert s.upsert_article(article("a1", "Persisted.")).status == "unchanged"
