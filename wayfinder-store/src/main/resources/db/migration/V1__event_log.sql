-- The append-only event log and the sources that write to it.
CREATE TABLE sources (
  id          VARCHAR NOT NULL,
  name        VARCHAR NOT NULL,
  channel     VARCHAR NOT NULL,
  write_key   VARCHAR NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE events (
  id                BIGINT NOT NULL,
  message_id        VARCHAR,
  type              VARCHAR NOT NULL,
  name              VARCHAR,
  profile_id        BIGINT NOT NULL,
  anonymous_id      VARCHAR,
  user_id           VARCHAR,
  channel           VARCHAR,
  touchpoint        VARCHAR,
  ts                TIMESTAMPTZ NOT NULL,
  received_at       TIMESTAMPTZ NOT NULL,
  properties        JSON,
  context           JSON,
  source            VARCHAR
);
