-- A cohort's whole life: schemes that run cohorts year after year, pairs that end (and why), people who withdraw,
-- and pairs the coordinator locks before a re-match.

CREATE TABLE schemes (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL,
    mentor_cohort_limit INTEGER NULL CHECK (mentor_cohort_limit IS NULL OR mentor_cohort_limit >= 1),
    created_at          TEXT NOT NULL
) STRICT;

ALTER TABLE cohorts ADD COLUMN scheme_id INTEGER NULL REFERENCES schemes (id);

CREATE INDEX cohorts_by_scheme ON cohorts (scheme_id, id);

-- Withdrawn people stay in the org chart (others' reporting lines run through them) but no longer take part.
ALTER TABLE people ADD COLUMN withdrawn_at TEXT NULL;

-- Why a pair ended: set with ended_at. The note is personal data: erasure blanks it and reports never read it.
ALTER TABLE pairs ADD COLUMN end_reason TEXT NULL
    CHECK (end_reason IS NULL OR end_reason IN ('mentee-withdrew', 'mentor-withdrew', 'mismatch', 'other', 'rematched', 'erased'));
ALTER TABLE pairs ADD COLUMN end_note TEXT NULL;

-- A locked live pair is pinned in the cohort's re-match runs.
ALTER TABLE pairs ADD COLUMN locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1));

-- Pairs that ended before reasons were recorded were ended by an erasure.
UPDATE pairs SET end_reason = 'erased' WHERE ended_at IS NOT NULL;

CREATE INDEX pairs_by_mentor ON pairs (mentor_id, cohort_id);
