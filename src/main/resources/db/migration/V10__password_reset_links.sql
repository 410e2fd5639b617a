-- An administrator's one-time link for an organiser to set a new password: stored as SHA-256 only, one per
-- account (a new link replaces the old one), valid until reset_expires_at and cleared when used.
ALTER TABLE organiser
    ADD COLUMN reset_token_hash varchar(64),
    ADD COLUMN reset_expires_at timestamptz,
    ADD CONSTRAINT organiser_reset_token_unique UNIQUE (reset_token_hash);
