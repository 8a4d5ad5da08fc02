-- Nothing to change on SQLite: PostgreSQL's 0014 moves its mention and article counts from row to
-- statement triggers (see there why). SQLite's row triggers of 0001 and 0006 stay, since updating
-- one row many times in a transaction costs SQLite nothing extra. Same number, same schema.
SELECT 1;
