-- Privacy: regulations (erasure and suppression, like Segment's regulations API), suppressed
-- identifiers, and a floor under the id counters so erased ids are never given out again.

-- One regulation: its type, progress and what it did. Holds no identifier of the subjects
-- (only how many there were), so it can stay as the audit record.
CREATE TABLE regulations (
  id                VARCHAR NOT NULL,
  type              VARCHAR NOT NULL,   -- DELETE_ONLY, SUPPRESS_ONLY or SUPPRESS_WITH_DELETE
  subject_type      VARCHAR NOT NULL,   -- USER_ID, ANONYMOUS_ID or EMAIL
  status            VARCHAR NOT NULL,   -- RUNNING or FINISHED
  subjects          INTEGER NOT NULL,
  unknown_subjects  INTEGER NOT NULL,
  profiles_erased   INTEGER NOT NULL DEFAULT 0,
  events_erased     BIGINT NOT NULL DEFAULT 0,
  created_at        TIMESTAMPTZ NOT NULL,
  finished_at       TIMESTAMPTZ
);

-- The profiles a running regulation still has to erase (profile numbers are not personal data);
-- emptied in the transaction that erases them, so a restart resumes exactly what is left.
CREATE TABLE regulation_profiles (
  regulation_id  VARCHAR NOT NULL,
  profile_id     BIGINT NOT NULL
);

-- Identifiers whose later events are dropped, as SHA-256 of 'kind:value'; dropped counts them.
CREATE TABLE suppressions (
  hash           VARCHAR NOT NULL,
  regulation_id  VARCHAR NOT NULL,
  dropped        BIGINT NOT NULL DEFAULT 0,
  created_at     TIMESTAMPTZ NOT NULL
);

-- The largest event and profile ids ever given out, kept when erasure deletes the newest rows.
CREATE TABLE id_floor (
  last_event_id    BIGINT NOT NULL,
  last_profile_id  BIGINT NOT NULL
);
