-- Initial schema. Dates are ISO-8601 text: calendar days as yyyy-MM-dd, instants as UTC yyyy-MM-ddTHH:mm:ss.fffZ.
CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    content_hash     TEXT    NOT NULL UNIQUE,
    title            TEXT,
    source           TEXT,
    url              TEXT,
    published        TEXT,
    language         TEXT    NOT NULL DEFAULT 'en',
    origin           TEXT,
    body             TEXT    NOT NULL,
    word_count       INTEGER NOT NULL,
    sentence_count   INTEGER NOT NULL,
    extractor_version TEXT   NOT NULL,
    ingested_at      TEXT    NOT NULL,
    ingested_by      TEXT
);
CREATE INDEX ix_articles_published ON articles(published);

CREATE TABLE actors (
    id             INTEGER PRIMARY KEY,
    identity_key   TEXT    NOT NULL UNIQUE,
    name           TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    country        TEXT,
    title          TEXT,
    role           TEXT,
    agent          TEXT,
    dictionary_key TEXT,
    merged_into_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    verified       INTEGER NOT NULL DEFAULT 0,
    edited         INTEGER NOT NULL DEFAULT 0,
    version        INTEGER NOT NULL DEFAULT 1,
    -- Kept by the triggers on mentions below, so "most mentioned" sorts by an index, not a count per actor.
    mention_count  INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);
CREATE INDEX ix_actors_name ON actors(name COLLATE NOCASE);
CREATE INDEX ix_actors_kind_country ON actors(kind, country);
CREATE INDEX ix_actors_mentions ON actors(mention_count DESC, id);

CREATE TABLE actor_aliases (
    id          INTEGER PRIMARY KEY,
    actor_id    INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias       TEXT    NOT NULL,
    normalized  TEXT    NOT NULL,
    origin      TEXT    NOT NULL DEFAULT 'extracted',
    UNIQUE (actor_id, normalized)
);
CREATE INDEX ix_actor_aliases_normalized ON actor_aliases(normalized);

CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id     INTEGER NOT NULL REFERENCES actors(id),
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    mention_type TEXT
);
CREATE INDEX ix_mentions_article ON mentions(article_id, start_offset);
CREATE INDEX ix_mentions_actor ON mentions(actor_id, article_id);

CREATE TRIGGER mentions_count_ai AFTER INSERT ON mentions BEGIN
    UPDATE actors SET mention_count = mention_count + 1 WHERE id = new.actor_id;
END;
CREATE TRIGGER mentions_count_ad AFTER DELETE ON mentions BEGIN
    UPDATE actors SET mention_count = mention_count - 1 WHERE id = old.actor_id;
END;
CREATE TRIGGER mentions_count_au AFTER UPDATE OF actor_id ON mentions BEGIN
    UPDATE actors SET mention_count = mention_count - 1 WHERE id = old.actor_id;
    UPDATE actors SET mention_count = mention_count + 1 WHERE id = new.actor_id;
END;

CREATE TABLE statements (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_actor_id INTEGER REFERENCES actors(id),
    text             TEXT    NOT NULL,
    direct           INTEGER NOT NULL,
    cue              TEXT,
    content_start    INTEGER NOT NULL,
    content_end      INTEGER NOT NULL,
    speaker_start    INTEGER,
    speaker_end      INTEGER,
    cue_start        INTEGER,
    cue_end          INTEGER,
    evidence_start   INTEGER,
    evidence_end     INTEGER,
    date_value       TEXT,
    status           TEXT    NOT NULL DEFAULT 'extracted',
    edited           INTEGER NOT NULL DEFAULT 0,
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX ix_statements_article ON statements(article_id, content_start);
CREATE INDEX ix_statements_speaker ON statements(speaker_actor_id);
CREATE INDEX ix_statements_date ON statements(date_value, id, status);
CREATE INDEX ix_statements_rejected ON statements(id) WHERE status = 'rejected';

CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    code            TEXT    NOT NULL,
    root            TEXT    NOT NULL,
    label           TEXT    NOT NULL,
    goldstein       REAL    NOT NULL,
    quad_class      INTEGER NOT NULL,
    source_actor_id INTEGER REFERENCES actors(id),
    target_actor_id INTEGER REFERENCES actors(id),
    source_country  TEXT,
    target_country  TEXT,
    -- Unordered country pair ("IRQ-USA"), so a dyad filter is one index range in date order.
    dyad            TEXT GENERATED ALWAYS AS (
                        CASE WHEN source_country IS NULL OR target_country IS NULL THEN NULL
                             WHEN source_country <= target_country THEN source_country || '-' || target_country
                             ELSE target_country || '-' || source_country END) VIRTUAL,
    date_value      TEXT    NOT NULL,
    date_start      TEXT    NOT NULL,
    date_end        TEXT    NOT NULL,
    date_precision  TEXT    NOT NULL,
    date_text       TEXT,
    location        TEXT,
    summary         TEXT,
    evidence_start  INTEGER NOT NULL,
    evidence_end    INTEGER NOT NULL,
    evidence_text   TEXT    NOT NULL,
    trigger_start   INTEGER,
    trigger_end     INTEGER,
    negated         INTEGER NOT NULL DEFAULT 0,
    modality        TEXT,
    status          TEXT    NOT NULL DEFAULT 'extracted',
    edited          INTEGER NOT NULL DEFAULT 0,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
-- Timeline indexes: the leading columns serve a filter in date order; the trailing columns make the
-- capped counts and the other filters' checks index-only (no table lookups on a million rows).
CREATE INDEX ix_events_date ON events(date_value, id, status, quad_class, root, dyad);
CREATE INDEX ix_events_rejected ON events(id) WHERE status = 'rejected';
CREATE INDEX ix_events_article ON events(article_id);
CREATE INDEX ix_events_source ON events(source_actor_id, date_value, id, status);
CREATE INDEX ix_events_target ON events(target_actor_id, date_value, id, status);
CREATE INDEX ix_events_dyad ON events(dyad, date_value, id, status, quad_class, root, goldstein);
CREATE INDEX ix_events_country ON events(source_country, date_value, id, status);
CREATE INDEX ix_events_tcountry ON events(target_country, date_value, id, status);
CREATE INDEX ix_events_root ON events(root, date_value, id, status, dyad);
CREATE INDEX ix_events_quad ON events(quad_class, date_value, id, status, dyad);

CREATE TABLE timexes (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    text         TEXT    NOT NULL,
    type         TEXT    NOT NULL,
    value        TEXT    NOT NULL
);
CREATE INDEX ix_timexes_article ON timexes(article_id, start_offset);

CREATE TABLE tags (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    color      TEXT NOT NULL DEFAULT '#607d8b',
    created_at TEXT NOT NULL
);

CREATE TABLE actor_tags (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    tag_id   INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    added_at TEXT    NOT NULL,
    added_by TEXT,
    PRIMARY KEY (actor_id, tag_id)
);
CREATE INDEX ix_actor_tags_tag ON actor_tags(tag_id);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    user_name       TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    password_hash   TEXT    NOT NULL,
    role            TEXT    NOT NULL CHECK (role IN ('Admin', 'Editor', 'Analyst')),
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    lockout_until   TEXT,
    disabled        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    last_login_at   TEXT
);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user_name   TEXT,
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   INTEGER,
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX ix_audit_entity ON audit_log(entity_type, entity_id, at);
CREATE INDEX ix_audit_at ON audit_log(at);
