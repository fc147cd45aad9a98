-- Journey definitions (stages, touchpoints, entry, goal, abandonment timeout, owner) as JSON.
-- Instances, maps, funnels and pain points are derived from the event log and not stored.
CREATE TABLE journey_definitions (
  id          VARCHAR NOT NULL PRIMARY KEY,
  definition  JSON NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL
);
