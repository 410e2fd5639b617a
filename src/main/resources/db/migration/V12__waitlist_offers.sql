-- Waitlist offers (issue 14): a conference may hand freed places to its waitlist as time-limited offers instead of
-- promoting automatically. offer_hours null = automatic promotion (the default).
ALTER TABLE conference ADD COLUMN offer_hours integer;
ALTER TABLE conference ADD CONSTRAINT conference_offer_hours_range CHECK (offer_hours IS NULL OR offer_hours BETWEEN 1 AND 168);

-- A registration with an open offer holds its place (status CONFIRMED, counted as taken) until offer_expires_at;
-- accepted, the column is cleared; declined or expired, the registration is cancelled and the column kept.
ALTER TABLE registration ADD COLUMN offer_expires_at timestamptz;
ALTER TABLE registration ADD CONSTRAINT registration_offer_holds_a_place
    CHECK (offer_expires_at IS NULL OR status <> 'WAITLISTED');
CREATE INDEX registration_offer_expiry ON registration (offer_expires_at) WHERE offer_expires_at IS NOT NULL;
