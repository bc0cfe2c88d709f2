-- The first answer to each Idempotency-Key, kept for the caller's retries (docs/api.md, Retries). The key is stored
-- only as a hash bound to its caller; the answer (a publish answer carries credentials) only encrypted under a key
-- derived from the caller's token and the Idempotency-Key, neither of which is stored.

CREATE TABLE idempotency_keys (
    key_hash     TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    -- Null while the first request runs.
    status       INTEGER NULL,
    answer       BLOB NULL,
    created_at   TEXT NOT NULL
) STRICT;

CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
