-- Double opt-in: a conference may ask attendees to confirm their address by mail. Until then the registration
-- holds its place (or waitlist position) until hold_expires_at; an expired hold is cancelled and its place handed on.
ALTER TABLE conference ADD COLUMN confirm_email boolean NOT NULL DEFAULT true;
ALTER TABLE conference ADD COLUMN confirm_within_hours integer NOT NULL DEFAULT 24;
ALTER TABLE conference ADD CONSTRAINT conference_confirm_within_range CHECK (confirm_within_hours BETWEEN 1 AND 168);

ALTER TABLE registration ADD COLUMN hold_expires_at timestamptz;
ALTER TABLE registration ADD COLUMN email_confirmed_at timestamptz;
-- a hold belongs to an active registration whose address is not confirmed yet
ALTER TABLE registration ADD CONSTRAINT registration_hold_unconfirmed
    CHECK (hold_expires_at IS NULL OR email_confirmed_at IS NULL);
CREATE INDEX registration_hold_expiry ON registration (hold_expires_at) WHERE hold_expires_at IS NOT NULL;

-- Rate limits shared by all instances: one row per limited key and fixed window, counted in one statement.
CREATE TABLE rate_limit (
    bucket        varchar(200) PRIMARY KEY,
    window_start  timestamptz  NOT NULL,
    hits          integer      NOT NULL
);
CREATE INDEX rate_limit_window ON rate_limit (window_start);
