-- A password someone else chose or saw (the first start's, a generated one, an administrator's reset)
-- must be replaced by its owner at the next sign-in.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN password_changed_at TEXT;
-- Carried in the sign-in cookie and changed on sign-out and password change: a copy of an older
-- cookie no longer signs anyone in.
ALTER TABLE users ADD COLUMN session_stamp TEXT NOT NULL DEFAULT '';
