-- A source's signing secret: the site's backend signs short-lived customer tokens with it, so the
-- public widget only hands out survey invitations for the customer the site vouches for. Kept in
-- its own table so a source without one is simply a source with no row here. The secret must be
-- readable to check HMACs (like a write key); it is shown once, when created, and never listed.
CREATE TABLE source_signing_secrets (
  source_id   VARCHAR NOT NULL PRIMARY KEY,
  secret      VARCHAR NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL
);
