-- The report's session figures kept as running totals, so reading a report costs the same at 100 sessions or
-- 100,000 (issue 12): per pair its session count, minutes and last session date, per cohort how many sessions
-- covered each topic. Triggers keep them in the same transaction as every write to sessions and session_topics,
-- whichever code path makes it. Sessions only ever leave through DELETE (pairs are never deleted; erasure only
-- clears other_topic, which no total reads).

CREATE TABLE pair_session_totals (
    pair_id      INTEGER PRIMARY KEY REFERENCES pairs (id),
    sessions     INTEGER NOT NULL CHECK (sessions >= 0),
    minutes      INTEGER NOT NULL CHECK (minutes >= 0),
    last_held_on TEXT NULL
) STRICT;

CREATE TABLE cohort_topic_totals (
    cohort_id INTEGER NOT NULL REFERENCES cohorts (id),
    topic     TEXT NOT NULL,
    sessions  INTEGER NOT NULL CHECK (sessions >= 0),
    PRIMARY KEY (cohort_id, topic)
) STRICT;

-- A pair's last session date after a correction or a delete, without reading all its sessions.
CREATE INDEX sessions_by_pair_date ON sessions (pair_id, held_on);

INSERT INTO pair_session_totals (pair_id, sessions, minutes, last_held_on)
SELECT pair_id, count(*), sum(minutes), max(held_on) FROM sessions GROUP BY pair_id;

INSERT INTO cohort_topic_totals (cohort_id, topic, sessions)
SELECT p.cohort_id, t.topic, count(*)
FROM session_topics t JOIN sessions s ON s.id = t.session_id JOIN pairs p ON p.id = s.pair_id
GROUP BY p.cohort_id, t.topic;

CREATE TRIGGER sessions_count_insert AFTER INSERT ON sessions
BEGIN
    INSERT INTO pair_session_totals (pair_id, sessions, minutes, last_held_on) VALUES (NEW.pair_id, 1, NEW.minutes, NEW.held_on)
    ON CONFLICT (pair_id) DO UPDATE SET
        sessions = sessions + 1,
        minutes = minutes + excluded.minutes,
        last_held_on = max(coalesce(last_held_on, excluded.last_held_on), excluded.last_held_on);
END;

-- A session never moves to another pair, so a correction only changes its pair's minutes and maybe its last date.
CREATE TRIGGER sessions_count_update AFTER UPDATE OF held_on, minutes ON sessions
BEGIN
    UPDATE pair_session_totals SET
        minutes = minutes - OLD.minutes + NEW.minutes,
        last_held_on = (SELECT max(held_on) FROM sessions WHERE pair_id = NEW.pair_id)
    WHERE pair_id = NEW.pair_id;
END;

-- The session's topics go first, while the session still names its cohort for their trigger (the cascade would
-- delete them after the session row, too late to find the cohort).
CREATE TRIGGER sessions_uncount_topics BEFORE DELETE ON sessions
BEGIN
    DELETE FROM session_topics WHERE session_id = OLD.id;
END;

CREATE TRIGGER sessions_count_delete AFTER DELETE ON sessions
BEGIN
    UPDATE pair_session_totals SET
        sessions = sessions - 1,
        minutes = minutes - OLD.minutes,
        last_held_on = (SELECT max(held_on) FROM sessions WHERE pair_id = OLD.pair_id)
    WHERE pair_id = OLD.pair_id;
END;

CREATE TRIGGER session_topics_count_insert AFTER INSERT ON session_topics
BEGIN
    INSERT INTO cohort_topic_totals (cohort_id, topic, sessions)
    VALUES ((SELECT p.cohort_id FROM sessions s JOIN pairs p ON p.id = s.pair_id WHERE s.id = NEW.session_id), NEW.topic, 1)
    ON CONFLICT (cohort_id, topic) DO UPDATE SET sessions = sessions + 1;
END;

CREATE TRIGGER session_topics_count_delete AFTER DELETE ON session_topics
BEGIN
    UPDATE cohort_topic_totals SET sessions = sessions - 1
    WHERE cohort_id = (SELECT p.cohort_id FROM sessions s JOIN pairs p ON p.id = s.pair_id WHERE s.id = OLD.session_id)
      AND topic = OLD.topic;
END;
