-- The web app's Data Protection key ring (the keys that sign sign-in cookies and antiforgery
-- tokens), kept in the database so that every server of one deployment reads the same ring: a
-- cookie issued by one server is then valid on the others, and a restart loses no session.
CREATE TABLE data_protection_keys (
    id            INTEGER PRIMARY KEY,
    friendly_name TEXT NOT NULL UNIQUE,
    xml           TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
