-- Identity graph, profile traits and consent. Profiles are derived from events; these tables
-- keep what the events alone cannot: which identifiers belong together and every trait write.

-- The profile an event was first resolved to; profile_id follows merges, this never changes,
-- so a merge can be undone from the audit trail.
ALTER TABLE events ADD COLUMN origin_profile_id BIGINT;
UPDATE events SET origin_profile_id = profile_id;

CREATE TABLE profiles (
  id           BIGINT NOT NULL,
  created_at   TIMESTAMPTZ NOT NULL,
  merged_into  BIGINT
);

CREATE TABLE identities (
  kind        VARCHAR NOT NULL,
  value       VARCHAR NOT NULL,
  profile_id  BIGINT NOT NULL,
  first_seen  TIMESTAMPTZ NOT NULL
);

CREATE TABLE identity_merges (
  from_profile  BIGINT NOT NULL,
  into_profile  BIGINT NOT NULL,
  status        VARCHAR NOT NULL,   -- 'merged' or 'refused'
  via_kind      VARCHAR,
  via_value     VARCHAR,
  reason        VARCHAR NOT NULL,
  message_id    VARCHAR,
  merged_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE trait_history (
  profile_id  BIGINT NOT NULL,
  trait       VARCHAR NOT NULL,
  value       JSON,
  set_at      TIMESTAMPTZ NOT NULL,
  message_id  VARCHAR
);

CREATE TABLE consent_history (
  profile_id  BIGINT NOT NULL,
  category    VARCHAR NOT NULL,
  granted     BOOLEAN NOT NULL,
  set_at      TIMESTAMPTZ NOT NULL,
  message_id  VARCHAR
);
