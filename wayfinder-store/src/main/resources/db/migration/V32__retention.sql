-- Retention rules: events of a source or of an event name older than max_age_seconds are
-- deleted on a schedule. One of source / event_name is set.
CREATE TABLE retention_rules (
  source           VARCHAR,
  event_name       VARCHAR,
  max_age_seconds  BIGINT NOT NULL,
  updated_at       TIMESTAMPTZ NOT NULL
);
