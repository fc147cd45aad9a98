-- Local users of the web application. Passwords are kept only as bcrypt hashes (at.favre.lib:bcrypt,
-- version 2b, cost in the hash), never in clear.
CREATE TABLE users (
  name                 VARCHAR NOT NULL PRIMARY KEY,
  password_hash        VARCHAR NOT NULL,
  role                 VARCHAR NOT NULL,
  created_at           TIMESTAMPTZ NOT NULL,
  password_changed_at  TIMESTAMPTZ NOT NULL
);
