-- Predictions: fitted CLV and churn models, their per-customer scores, and the latest values on
-- each profile. Everything here is derived from the event log and can be recomputed.

-- One fit of a model: kind 'clv' or 'churn'; version counts the runs of a kind (1, 2, ...);
-- params holds what is needed to score again (CLV parameters, churn coefficients); metrics the
-- quality of the fit (standard errors, holdout AUC, calibration, feature importance).
CREATE TABLE prediction_runs (
  id            VARCHAR NOT NULL,
  kind          VARCHAR NOT NULL,
  version       INTEGER NOT NULL,
  model         VARCHAR NOT NULL,
  params        JSON NOT NULL,
  loglik        DOUBLE,
  metrics       JSON,
  window_start  TIMESTAMPTZ,
  window_end    TIMESTAMPTZ NOT NULL,
  customers     INTEGER NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL
);

-- The scores a run produced at its window end, one row per profile.
CREATE TABLE prediction_scores (
  run_id              VARCHAR NOT NULL,
  profile_id          BIGINT NOT NULL,
  expected_purchases  DOUBLE,
  p_alive             DOUBLE,
  expected_spend      DOUBLE,
  clv                 DOUBLE,
  churn_risk          DOUBLE
);

-- The latest predictions written to each profile (what journeys, KPIs and opportunity ranking read).
CREATE TABLE profile_predictions (
  profile_id          BIGINT NOT NULL PRIMARY KEY,
  clv_run_id          VARCHAR,
  expected_purchases  DOUBLE,
  p_alive             DOUBLE,
  expected_spend      DOUBLE,
  clv                 DOUBLE,
  churn_run_id        VARCHAR,
  churn_risk          DOUBLE,
  value_segment       VARCHAR,
  updated_at          TIMESTAMPTZ NOT NULL
);
