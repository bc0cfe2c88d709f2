-- Named staff keys with a role, and the append-only audit trail of every change (docs/api.md, Staff keys and audit).

-- A key is stored only as its SHA-256 hash; the key itself is shown once, when it is issued.
CREATE TABLE staff_keys (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('coordinator', 'analyst')),
    key_hash   TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at TEXT NULL
) STRICT;

-- Who changed what, when. Never a name or a special-category value: the actor is 'coordinator' (the bootstrap key)
-- or 'staff-key:<id>'; the subject is an id (a person's only where the change names one, pseudonymised by erasure).
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    cohort_id  INTEGER NULL,
    subject_id TEXT NULL,
    detail     TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX audit_by_cohort ON audit (cohort_id, id);

-- Append-only: the trail cannot be edited or shortened, except that erasure pseudonymises a person's id in it.
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TRIGGER audit_only_pseudonymise BEFORE UPDATE ON audit
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor OR NEW.action IS NOT OLD.action
     OR NEW.cohort_id IS NOT OLD.cohort_id OR NEW.detail IS NOT OLD.detail OR NEW.subject_id NOT LIKE 'erased-%'
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
