-- Workspace settings the pages and APIs share, one row per name (e.g. currency = 'EUR').
-- Numbered 12, leaving room for migrations built in parallel (the runner applies any missing one).
CREATE TABLE settings (
  name        VARCHAR NOT NULL PRIMARY KEY,
  value       VARCHAR NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL
);
