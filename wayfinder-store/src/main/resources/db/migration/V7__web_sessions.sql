-- Signed-in sessions of the web application, so a restart does not sign everyone out. A session
-- is found by the SHA-256 (hex) of the id in its cookie; the id itself is never stored, so a copy
-- of the database opens no session. last_seen is written at most once a minute per session.
CREATE TABLE web_sessions (
  id_hash     VARCHAR NOT NULL PRIMARY KEY,
  user_name   VARCHAR NOT NULL,
  role        VARCHAR NOT NULL,
  csrf        VARCHAR NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  last_seen   TIMESTAMPTZ NOT NULL
);
