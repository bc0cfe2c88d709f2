-- A counter that every write to a table a cohort's input hash reads moves, so the API can keep each cohort's hash in
-- memory and tell with one read whether it may have changed (issue 12: run lists and reads said whether a run was
-- stale by decrypting the whole roster each time). Triggers move it in the same transaction as the write, whichever
-- code path makes it. One counter for the whole database: a cohort's hash also reads the other cohorts of its scheme
-- (their pairs are forbidden, their names give the reasons) and the scheme's limit, and a cohort can change scheme.
-- Any write to these tables moves it, even to a column the hash does not read: a needless miss costs one
-- recomputation, a missed change would serve a stale hash. The price is paid per row, so people rows have no insert or
-- delete trigger: a people upload writes 10^5 of them, and a trigger per row doubled its transaction (5.5-6.2 s
-- instead of 2.4-2.7 s at 300,000 rows). People are only inserted or deleted by an upload, which rewrites the
-- cohort's row (its attribute columns) in the same transaction, and that moves the counter; InputHashCacheTests'
-- upload test fails if it ever stops doing so. Updates to people (withdrawal, erasure) are few and keep their trigger.

CREATE TABLE state_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
) STRICT;

INSERT INTO state_version (id, version) VALUES (1, 0);

CREATE TRIGGER people_move_state_on_update AFTER UPDATE ON people
BEGIN
    UPDATE state_version SET version = version + 1;
END;

CREATE TRIGGER cohorts_move_state_on_insert AFTER INSERT ON cohorts
BEGIN
    UPDATE state_version SET version = version + 1;
END;

CREATE TRIGGER cohorts_move_state_on_update AFTER UPDATE ON cohorts
BEGIN
    UPDATE state_version SET version = version + 1;
END;

CREATE TRIGGER cohorts_move_state_on_delete AFTER DELETE ON cohorts
BEGIN
    UPDATE state_version SET version = version + 1;
END;

CREATE TRIGGER schemes_move_state_on_insert AFTER INSERT ON schemes
BEGIN
    UPDATE state_version SET version = version + 1;
END;

CREATE TRIGGER schemes_move_state_on_update AFTER UPDATE ON schemes
BEGIN
    UPDATE state_version SET version = version + 1;
END;

CREATE TRIGGER schemes_move_state_on_delete AFTER DELETE ON schemes
BEGIN
    UPDATE state_version SET version = version + 1;
END;

CREATE TRIGGER pairs_move_state_on_insert AFTER INSERT ON pairs
BEGIN
    UPDATE state_version SET version = version + 1;
END;

CREATE TRIGGER pairs_move_state_on_update AFTER UPDATE ON pairs
BEGIN
    UPDATE state_version SET version = version + 1;
END;

CREATE TRIGGER pairs_move_state_on_delete AFTER DELETE ON pairs
BEGIN
    UPDATE state_version SET version = version + 1;
END;
