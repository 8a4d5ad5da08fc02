-- The editorial record (issue 14). Who made each item (the machine or an editor), which extraction
-- rule made a machine item, and what the editors' verdict on it was, so the Quality page can measure
-- the machine from the verdicts: verified (right as read), corrected (right event, wrong details),
-- rejected (not there), added (an editor's item: something the machine missed).
ALTER TABLE events ADD COLUMN origin TEXT NOT NULL DEFAULT 'machine';
ALTER TABLE events ADD COLUMN rule TEXT;
ALTER TABLE events ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN reviewed_at TEXT;
-- Why an item needs an editor's look again (its actor was deleted), or null.
ALTER TABLE events ADD COLUMN review_note TEXT;

ALTER TABLE statements ADD COLUMN origin TEXT NOT NULL DEFAULT 'machine';
ALTER TABLE statements ADD COLUMN rule TEXT;
ALTER TABLE statements ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE statements ADD COLUMN reviewed_at TEXT;
ALTER TABLE statements ADD COLUMN review_note TEXT;

-- Rows edited before this migration were corrected unless their status is the only change.
UPDATE events SET corrected = 1, reviewed_at = updated_at WHERE edited = 1 AND status = 'extracted';
UPDATE events SET reviewed_at = updated_at WHERE edited = 1 AND reviewed_at IS NULL;
UPDATE statements SET corrected = 1, reviewed_at = updated_at WHERE edited = 1 AND status = 'extracted';
UPDATE statements SET reviewed_at = updated_at WHERE edited = 1 AND reviewed_at IS NULL;

-- The Quality page reads reviewed rows only; partial indexes keep that off the million unreviewed ones.
CREATE INDEX ix_events_reviewed ON events(reviewed_at, id) WHERE reviewed_at IS NOT NULL;
CREATE INDEX ix_statements_reviewed ON statements(reviewed_at, id) WHERE reviewed_at IS NOT NULL;
CREATE INDEX ix_events_review_note ON events(id) WHERE review_note IS NOT NULL;
CREATE INDEX ix_statements_review_note ON statements(id) WHERE review_note IS NOT NULL;

-- The audit page filters by user and by action, newest first, and pages on the server.
CREATE INDEX ix_audit_user ON audit_log(user_name, at);
CREATE INDEX ix_audit_action ON audit_log(action, at);

-- Names an editor deleted as "not an actor" ("reporters", a headline fragment): the machine does not
-- make an actor of them again, in new articles or on re-extraction.
CREATE TABLE rejected_actor_names (
    normalized   TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    rejected_by  TEXT,
    rejected_at  TEXT NOT NULL
);
CREATE TABLE rejected_actor_keys (
    identity_key TEXT PRIMARY KEY,
    rejected_at  TEXT NOT NULL
);
