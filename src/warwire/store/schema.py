"""The store's tables, written once for both SQLite and PostgreSQL.

Articles are keyed by id and carry a content hash, so that re-ingesting the same file is a
no-op and a changed text replaces the old one (and its mentions). Mentions and events keep
their full record as JSON beside the columns that queries filter on.
"""

SCHEMA_VERSION = 1

TABLES = [
    """
    CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY,
        url TEXT NOT NULL DEFAULT '',
        outlet TEXT NOT NULL DEFAULT '',
        published TEXT,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'en',
        source_file TEXT NOT NULL DEFAULT '',
        content_hash TEXT NOT NULL,
        wire_group TEXT NOT NULL DEFAULT '',
        signature BYTEA_OR_BLOB,
        coded_hash TEXT NOT NULL DEFAULT '',
        ingested_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX IF NOT EXISTS articles_outlet ON articles (outlet)",
    "CREATE INDEX IF NOT EXISTS articles_wire ON articles (wire_group)",
    """
    CREATE TABLE IF NOT EXISTS mentions (
        id TEXT PRIMARY KEY,
        article TEXT NOT NULL,
        event_id TEXT NOT NULL DEFAULT '',
        day TEXT,
        admin1 TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL
    )
    """,
    "CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article)",
    "CREATE INDEX IF NOT EXISTS mentions_event ON mentions (event_id)",
    """
    CREATE TABLE IF NOT EXISTS events (
        id TEXT PRIMARY KEY,
        date TEXT,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        admin1 TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        place_id TEXT NOT NULL DEFAULT '',
        actor1_side TEXT NOT NULL DEFAULT '',
        actor2_side TEXT NOT NULL DEFAULT '',
        fatalities INTEGER,
        independent_sources INTEGER NOT NULL DEFAULT 1,
        data TEXT NOT NULL
    )
    """,
    # every filter the API takes is served by an index that also gives the page order
    # (date, id), so that a page is read in order and its count is an index range; each
    # also holds the source count, so that `min_sources` beside it is checked in the index
    # (not in the table's row: a count of a province's well-sourced events reads no rows)
    *(
        f"DROP INDEX IF EXISTS {old}"  # replaced by the ones below
        for old in (
            "events_date",
            "events_page",
            "events_admin1",
            "events_type",
            "events_sub_type",
            "events_type_admin1",
            "events_sub_type_admin1",
        )
    ),  # fmt: skip
    "CREATE INDEX IF NOT EXISTS events_page_s ON events (date, id, independent_sources)",
    "CREATE INDEX IF NOT EXISTS events_place ON events (place_id)",
    "CREATE INDEX IF NOT EXISTS events_location ON events (LOWER(location))",
    "CREATE INDEX IF NOT EXISTS events_admin1_s "
    "ON events (LOWER(admin1), date, id, independent_sources)",
    "CREATE INDEX IF NOT EXISTS events_type_s "
    "ON events (event_type, date, id, independent_sources)",
    "CREATE INDEX IF NOT EXISTS events_sub_type_s "
    "ON events (sub_event_type, date, id, independent_sources)",
    "CREATE INDEX IF NOT EXISTS events_sources ON events (independent_sources, date, id)",
    # a type within a province (the commonest pair of filters): its page and its count are
    # one range of these, however wide the type and the province are apart
    "CREATE INDEX IF NOT EXISTS events_type_admin1_s "
    "ON events (event_type, LOWER(admin1), date, id, independent_sources)",
    "CREATE INDEX IF NOT EXISTS events_sub_type_admin1_s "
    "ON events (sub_event_type, LOWER(admin1), date, id, independent_sources)",
    # the many-valued fields an event is filtered by (its outlets, its actors' sides, its
    # actors' and associates' names lower-cased), one row per value: a filter on them reads
    # one index range in page order
    """
    CREATE TABLE IF NOT EXISTS event_keys (
        facet TEXT NOT NULL,
        value TEXT NOT NULL,
        date TEXT,
        event_id TEXT NOT NULL,
        PRIMARY KEY (facet, value, event_id)
    )
    """,
    "CREATE INDEX IF NOT EXISTS event_keys_page ON event_keys (facet, value, date, event_id)",
    # an event's own keys: "does this event have an actor whose name contains ..." is one seek
    "CREATE INDEX IF NOT EXISTS event_keys_event ON event_keys (event_id, facet)",
    # how many events hold each key (and each type, province and source count), written with
    # the events: the count of a single filter is one row, and the rarest filter of several
    # is the one whose index range is read
    """
    CREATE TABLE IF NOT EXISTS event_key_counts (
        facet TEXT NOT NULL,
        value TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (facet, value)
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS control_changes (
        id TEXT PRIMARY KEY,
        place TEXT NOT NULL,
        place_id TEXT NOT NULL DEFAULT '',
        date TEXT,
        data TEXT NOT NULL
    )
    """,
    "CREATE INDEX IF NOT EXISTS control_place ON control_changes (place)",
    """
    CREATE TABLE IF NOT EXISTS meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )
    """,
]
