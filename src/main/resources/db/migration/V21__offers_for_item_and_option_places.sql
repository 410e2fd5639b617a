-- Waitlist offers for the places of workshops, excursions and chosen options (issue 14): where the conference offers
-- freed places, a waiting booking or answer that moves up holds its place (CONFIRMED, counted as taken) until
-- offer_expires_at; accepted, the column is cleared; declined or expired, the booking ends (the answer row goes) and
-- the place is offered to the next in line.
ALTER TABLE session_booking ADD COLUMN offer_expires_at timestamptz;
ALTER TABLE session_booking ADD CONSTRAINT session_booking_offer_holds_a_place
    CHECK (offer_expires_at IS NULL OR status = 'CONFIRMED');
CREATE INDEX session_booking_offer_expiry ON session_booking (offer_expires_at) WHERE offer_expires_at IS NOT NULL;

ALTER TABLE answer ADD COLUMN offer_expires_at timestamptz;
ALTER TABLE answer ADD CONSTRAINT answer_offer_holds_a_place
    CHECK (offer_expires_at IS NULL OR status = 'CONFIRMED');
CREATE INDEX answer_offer_expiry ON answer (offer_expires_at) WHERE offer_expires_at IS NOT NULL;
