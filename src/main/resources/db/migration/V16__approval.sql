-- Approval (issue 14): a conference may ask organisers to approve each sign-up. Until then the registration is
-- PENDING: it holds no place and no waitlist number, its items and chosen options are only wished for (REQUESTED).
-- Approved, it takes a place by the capacity rule (or joins the waitlist); rejected, it is cancelled with rejected_at.
ALTER TABLE conference ADD COLUMN approval_required boolean NOT NULL DEFAULT false;

ALTER TABLE registration DROP CONSTRAINT registration_status_known;
ALTER TABLE registration ADD CONSTRAINT registration_status_known
    CHECK (status IN ('PENDING', 'CONFIRMED', 'WAITLISTED', 'CANCELLED'));

-- the organisers' message to the attendee with their decision (optional), and when a sign-up was rejected
ALTER TABLE registration ADD COLUMN decision_message text;
ALTER TABLE registration ADD COLUMN rejected_at timestamptz;
ALTER TABLE registration ADD CONSTRAINT registration_rejected_is_cancelled
    CHECK (rejected_at IS NULL OR status = 'CANCELLED');
ALTER TABLE registration ADD CONSTRAINT registration_pending_holds_no_offer
    CHECK (status <> 'PENDING' OR offer_expires_at IS NULL);
CREATE INDEX registration_pending ON registration (conference_id, created_at) WHERE status = 'PENDING';
