-- Places of a choice option (issue 14), e.g. "Shuttle bus from the station: 30 places": the same rule as items,
-- taken < capacity (no capacity: unlimited, still counted). Changed only by the registration package's capacity code.
ALTER TABLE question_option ADD COLUMN capacity integer;
ALTER TABLE question_option ADD COLUMN taken integer NOT NULL DEFAULT 0;
ALTER TABLE question_option ADD CONSTRAINT question_option_within_capacity
    CHECK (taken >= 0 AND (capacity IS NULL OR (capacity >= 0 AND taken <= capacity)));

-- A chosen option holds a place like a booking: CONFIRMED, WAITLISTED (with its number in the one waitlist order),
-- REQUESTED while the registration waits for a conference place, CANCELLED once the registration ended.
ALTER TABLE answer ADD COLUMN status varchar(16);
ALTER TABLE answer ADD COLUMN waitlist_seq bigint;
UPDATE answer a SET status = CASE WHEN r.status = 'CONFIRMED' THEN 'CONFIRMED'
                                  WHEN r.status = 'WAITLISTED' THEN 'REQUESTED' ELSE 'CANCELLED' END
FROM registration r WHERE r.id = a.registration_id AND a.option_id IS NOT NULL;
UPDATE question_option o SET taken = (SELECT count(*) FROM answer a WHERE a.option_id = o.id AND a.status = 'CONFIRMED');
ALTER TABLE answer ADD CONSTRAINT answer_option_has_status CHECK ((option_id IS NULL) = (status IS NULL));
ALTER TABLE answer ADD CONSTRAINT answer_status_known
    CHECK (status IS NULL OR status IN ('CONFIRMED', 'WAITLISTED', 'REQUESTED', 'CANCELLED'));
ALTER TABLE answer ADD CONSTRAINT answer_waitlisted_has_number CHECK ((status = 'WAITLISTED') = (waitlist_seq IS NOT NULL));
CREATE INDEX answer_option_waitlist ON answer (option_id, waitlist_seq) WHERE status = 'WAITLISTED';
