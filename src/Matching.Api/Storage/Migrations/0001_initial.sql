-- The first schema. Per person only what matching needs is stored; see docs/api.md (Data kept).

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE cohorts (
    id                     INTEGER PRIMARY KEY,
    name                   TEXT NOT NULL,
    starts_on              TEXT NOT NULL,
    ends_on                TEXT NOT NULL,
    policy_json            TEXT NOT NULL,
    attribute_columns_json TEXT NOT NULL DEFAULT '[]',
    published_run_id       INTEGER NULL,
    published_at           TEXT NULL,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
) STRICT;

CREATE TABLE people (
    cohort_id       INTEGER NOT NULL REFERENCES cohorts (id),
    position        INTEGER NOT NULL,
    person_id       TEXT NOT NULL,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('mentee', 'mentor', 'none')),
    grade           INTEGER NULL,
    department      TEXT NOT NULL,
    manager_id      TEXT NULL,
    capacity        INTEGER NOT NULL,
    availability    TEXT NOT NULL,
    attributes_json TEXT NOT NULL,
    erased_at       TEXT NULL,
    PRIMARY KEY (cohort_id, person_id),
    UNIQUE (cohort_id, position)
) STRICT;

CREATE TABLE topics (
    cohort_id INTEGER NOT NULL REFERENCES cohorts (id),
    code      TEXT NOT NULL,
    label     TEXT NOT NULL,
    position  INTEGER NOT NULL,
    PRIMARY KEY (cohort_id, code)
) STRICT;

CREATE TABLE runs (
    id             INTEGER PRIMARY KEY,
    cohort_id      INTEGER NOT NULL REFERENCES cohorts (id),
    status         TEXT NOT NULL,
    input_hash     TEXT NOT NULL,
    engine_version TEXT NOT NULL,
    matched        INTEGER NOT NULL,
    total          INTEGER NOT NULL,
    elapsed_ms     INTEGER NOT NULL,
    result_json    TEXT NOT NULL,
    created_at     TEXT NOT NULL
) STRICT;

CREATE INDEX runs_by_cohort ON runs (cohort_id, id);

CREATE TABLE pairs (
    id              INTEGER PRIMARY KEY,
    cohort_id       INTEGER NOT NULL REFERENCES cohorts (id),
    run_id          INTEGER NOT NULL REFERENCES runs (id),
    mentee_id       TEXT NOT NULL,
    mentor_id       TEXT NOT NULL,
    score           INTEGER NOT NULL,
    credential_hash TEXT NULL UNIQUE,
    created_at      TEXT NOT NULL,
    ended_at        TEXT NULL
) STRICT;

CREATE INDEX pairs_by_cohort ON pairs (cohort_id, id);

-- The dimensions a published pair differs on: kept per pair, so reports survive a person's erasure.
CREATE TABLE pair_differences (
    pair_id   INTEGER NOT NULL REFERENCES pairs (id),
    dimension TEXT NOT NULL,
    PRIMARY KEY (pair_id, dimension)
) STRICT;

CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    pair_id     INTEGER NOT NULL REFERENCES pairs (id),
    held_on     TEXT NOT NULL,
    minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    other_topic TEXT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX sessions_by_pair ON sessions (pair_id, id);

CREATE TABLE session_topics (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    topic      TEXT NOT NULL,
    PRIMARY KEY (session_id, topic)
) STRICT;
