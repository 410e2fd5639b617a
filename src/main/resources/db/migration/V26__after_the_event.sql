-- After the event (issue 16): certificates of attendance, thank-you and "sorry we missed you" mails, the feedback
-- survey, and the documentation organisers attach to agenda items.

-- Who signs the certificates ("Dr. Maria Muster, Projektleitung"); hours after the end when the follow-up mails go
-- out by themselves (null: the organiser sends them); the link to slides and documentation; whether the survey is open.
ALTER TABLE conference ADD COLUMN certificate_signer varchar(200);
ALTER TABLE conference ADD COLUMN follow_up_after_hours integer CHECK (follow_up_after_hours BETWEEN 1 AND 720);
ALTER TABLE conference ADD COLUMN documentation_url varchar(500);
ALTER TABLE conference ADD COLUMN feedback_open boolean NOT NULL DEFAULT true;

-- The signature printed above the signer's name (PNG or JPEG, at most 200 KB); optional, kept apart so that loading a
-- conference never loads the image.
CREATE TABLE certificate_signature (
    conference_id bigint      PRIMARY KEY REFERENCES conference (id) ON DELETE CASCADE,
    content_type  varchar(20) NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
    image         bytea       NOT NULL
);

-- The code printed on a certificate, checked on the public page /certificates/{code}; made with the first certificate.
ALTER TABLE registration ADD COLUMN certificate_code varchar(19) UNIQUE;
-- When that first certificate was issued: the date printed on it, the same on every download.
ALTER TABLE registration ADD COLUMN certificate_issued_at timestamptz;
-- When the thank-you or "sorry we missed you" mail was queued: each registration gets one of them once.
ALTER TABLE registration ADD COLUMN follow_up_sent_at timestamptz;

-- Which registrations have answered the survey: one answer each. Nothing here says which answer is theirs.
CREATE TABLE feedback_given (
    registration_id bigint PRIMARY KEY REFERENCES registration (id) ON DELETE CASCADE
);

-- One answer of the survey. Nothing in it points to a person: a random id, no time, no registration.
CREATE TABLE feedback_answer (
    id            uuid PRIMARY KEY,
    conference_id bigint NOT NULL REFERENCES conference (id) ON DELETE CASCADE,
    overall       smallint NOT NULL CHECK (overall BETWEEN 1 AND 5),
    comment       varchar(2000)
);
CREATE INDEX feedback_answer_by_conference ON feedback_answer (conference_id);

-- The ratings of single agenda items, each on its own: not tied to an answer, so that a person's ratings cannot be put
-- together with their comment or matched against their bookings.
CREATE TABLE feedback_rating (
    id             uuid     PRIMARY KEY,
    agenda_item_id bigint   NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    rating         smallint NOT NULL CHECK (rating BETWEEN 1 AND 5)
);
CREATE INDEX feedback_rating_by_item ON feedback_rating (agenda_item_id);
