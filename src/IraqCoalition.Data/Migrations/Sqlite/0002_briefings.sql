-- Briefings: saved documents an analyst composes from a scope and exports (issue 6).
-- Scope values and pinned/excluded items live in child tables so a briefing that mentions an
-- actor or event can be found by SQL; item ids are not foreign keys because a briefing must still
-- open (with a note) after an editor deletes an event it pinned.
CREATE TABLE briefings (
    id               INTEGER PRIMARY KEY,
    title            TEXT    NOT NULL,
    author           TEXT,
    period_from      TEXT,
    period_to        TEXT,
    summary          TEXT    NOT NULL DEFAULT '',
    sections         TEXT    NOT NULL,
    handling_marking TEXT,
    created_by       TEXT,
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX ix_briefings_updated ON briefings(updated_at);

CREATE TABLE briefing_scope (
    briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('dyad', 'actor', 'tag', 'root')),
    value       TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    PRIMARY KEY (briefing_id, kind, value)
);

CREATE TABLE briefing_items (
    briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    item_type   TEXT    NOT NULL CHECK (item_type IN ('event', 'statement')),
    item_id     INTEGER NOT NULL,
    disposition TEXT    NOT NULL CHECK (disposition IN ('pinned', 'excluded')),
    position    INTEGER NOT NULL,
    PRIMARY KEY (briefing_id, item_type, item_id)
);
CREATE INDEX ix_briefing_items_item ON briefing_items(item_type, item_id);
