-- Flows (issue #12): versioned definitions, instances, waits, an outbox of actions, a trace.
-- A high version number: other areas add migrations concurrently.

-- Every loaded version; published_at set once published. Instances keep the version they entered.
CREATE TABLE flow_versions (
  flow_id       VARCHAR NOT NULL,
  version       INTEGER NOT NULL,
  definition    JSON NOT NULL,
  loaded_at     TIMESTAMPTZ NOT NULL,
  published_at  TIMESTAMPTZ,
  PRIMARY KEY (flow_id, version)
);

-- The engine's position in the event log (one row).
CREATE TABLE flow_engine_state (last_event_id BIGINT NOT NULL);
INSERT INTO flow_engine_state VALUES (0);

-- status: running (between nodes), waiting, converted (goal), exited (exit node or criterion), done
CREATE TABLE flow_instances (
  id           BIGINT PRIMARY KEY,
  flow_id      VARCHAR NOT NULL,
  version      INTEGER NOT NULL,
  profile_id   BIGINT NOT NULL,
  customer_id  VARCHAR NOT NULL,
  status       VARCHAR NOT NULL,
  node         VARCHAR,
  event        JSON,
  entered_at   TIMESTAMPTZ NOT NULL,
  ended_at     TIMESTAMPTZ
);

-- An instance waiting at a node until due_at, or until event_name arrives (due_at is then the timeout).
CREATE TABLE flow_waits (
  instance_id  BIGINT PRIMARY KEY,
  node         VARCHAR NOT NULL,
  due_at       TIMESTAMPTZ NOT NULL,
  event_name   VARCHAR
);

-- Actions to deliver. idem_key = flowId:version:instanceId:nodeId (the Idempotency-Key header).
-- status: pending, delivered, dead (after the last attempt), replayed (a dead one sent again).
CREATE TABLE flow_outbox (
  idem_key         VARCHAR PRIMARY KEY,
  instance_id      BIGINT NOT NULL,
  flow_id          VARCHAR NOT NULL,
  version          INTEGER NOT NULL,
  node             VARCHAR NOT NULL,
  profile_id       BIGINT NOT NULL,
  kind             VARCHAR NOT NULL,
  channel          VARCHAR,
  destination      VARCHAR,
  payload          JSON NOT NULL,
  status           VARCHAR NOT NULL,
  attempts         INTEGER NOT NULL,
  next_attempt_at  TIMESTAMPTZ NOT NULL,
  last_error       VARCHAR,
  created_at       TIMESTAMPTZ NOT NULL,
  delivered_at     TIMESTAMPTZ
);

-- In-app messages that the widget or an app pulls with GET /v1/messages.
CREATE TABLE flow_messages (
  idem_key     VARCHAR PRIMARY KEY,
  profile_id   BIGINT NOT NULL,
  customer_id  VARCHAR NOT NULL,
  title        VARCHAR,
  body         VARCHAR NOT NULL,
  link         VARCHAR,
  created_at   TIMESTAMPTZ NOT NULL,
  expires_at   TIMESTAMPTZ
);

-- Named secrets that sign webhooks (action.webhook "secret").
CREATE TABLE flow_secrets (
  name   VARCHAR PRIMARY KEY,
  value  VARCHAR NOT NULL
);

-- Why did this happen: one row per step. outcome: entered, passed, branch, waiting, resumed,
-- timeout, queued, skipped, delivered, failed, dead, converted, exited, done.
CREATE TABLE flow_trace (
  instance_id  BIGINT NOT NULL,
  profile_id   BIGINT NOT NULL,
  flow_id      VARCHAR NOT NULL,
  version      INTEGER NOT NULL,
  node         VARCHAR,
  outcome      VARCHAR NOT NULL,
  detail       JSON,
  happened_at  TIMESTAMPTZ NOT NULL
);
