-- Each time an action (a survey invitation, a flow step, an export) was not taken because the
-- customer withheld consent for its purpose: counted per customer, erased with them.
CREATE TABLE consent_refusals (
  profile_id  BIGINT NOT NULL,
  purpose     VARCHAR NOT NULL,
  action      VARCHAR NOT NULL,
  refused_at  TIMESTAMPTZ NOT NULL
);
