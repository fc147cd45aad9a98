-- Saved behavioural cohorts (did an event within a window, has a trait, entered a journey) as
-- JSON, reusable as a filter by retention and funnels. Members are derived from the event log.
CREATE TABLE cohorts (
  id          VARCHAR NOT NULL PRIMARY KEY,
  definition  JSON NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL
);
