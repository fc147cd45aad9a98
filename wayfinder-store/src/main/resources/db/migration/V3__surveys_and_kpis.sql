-- Surveys, their invitations and responses, and KPI targets. Survey answers are also appended to
-- the event log as "Survey Response" events (the source of truth KPIs are computed from); these
-- tables keep what the events alone cannot: definitions, tokens, one-response-per-invitation.

CREATE TABLE surveys (
  id          VARCHAR NOT NULL,
  name        VARCHAR NOT NULL,
  definition  JSON NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);

-- An offer of a survey to a customer; the token authenticates the hosted page and the widget.
CREATE TABLE survey_invitations (
  token             VARCHAR NOT NULL,
  survey_id         VARCHAR NOT NULL,
  via               VARCHAR NOT NULL,   -- 'trigger', 'link' or 'widget'
  profile_id        BIGINT,
  user_id           VARCHAR,
  anonymous_id      VARCHAR,
  journey           VARCHAR,
  stage             VARCHAR,
  touchpoint        VARCHAR,
  channel           VARCHAR,
  trigger_event_id  BIGINT,
  created_at        TIMESTAMPTZ NOT NULL,
  send_at           TIMESTAMPTZ NOT NULL,
  responded_at      TIMESTAMPTZ
);

-- One row per answered question.
CREATE TABLE survey_responses (
  response_id    VARCHAR NOT NULL,
  survey_id      VARCHAR NOT NULL,
  token          VARCHAR NOT NULL,
  profile_id     BIGINT,
  user_id        VARCHAR,
  journey        VARCHAR,
  stage          VARCHAR,
  touchpoint     VARCHAR,
  channel        VARCHAR,
  question_id    VARCHAR NOT NULL,
  question_type  VARCHAR NOT NULL,
  score          INTEGER,
  choice         VARCHAR,
  text           VARCHAR,
  answered_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE kpi_targets (
  journey     VARCHAR NOT NULL,
  metric      VARCHAR NOT NULL,   -- 'nps', 'csat' or 'ces'
  target      DOUBLE NOT NULL,
  updated_at  TIMESTAMPTZ NOT NULL
);

-- The last event the survey triggers have looked at.
CREATE TABLE survey_trigger_state (
  last_event_id  BIGINT NOT NULL
);
