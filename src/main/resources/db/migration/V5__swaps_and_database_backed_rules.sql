-- Explicit swaps, item times on the bookings, items offered to one attendance mode, and the rules of the
-- registration package that the database can check itself.

-- ---------------------------------------------------------------------------------------------------------
-- Items a hybrid conference offers to one mode only (an excursion on site, a web session online);
-- null: to every mode the conference offers.
ALTER TABLE agenda_item ADD COLUMN attendance varchar(16);
ALTER TABLE agenda_item ADD CONSTRAINT agenda_item_attendance_known CHECK (attendance IN ('ON_SITE', 'ONLINE'));

-- ---------------------------------------------------------------------------------------------------------
-- The item's times on each of its bookings, so that the database can see overlaps. Triggers keep them equal
-- to the item's times: copied when a booking is stored, followed when the item moves (same statement), so
-- the application never writes them.
ALTER TABLE session_booking ADD COLUMN starts_at timestamptz, ADD COLUMN ends_at timestamptz;
UPDATE session_booking b SET starts_at = i.starts_at, ends_at = i.ends_at FROM agenda_item i WHERE i.id = b.agenda_item_id;
ALTER TABLE session_booking ALTER COLUMN starts_at SET NOT NULL, ALTER COLUMN ends_at SET NOT NULL;

CREATE FUNCTION session_booking_item_times() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT i.starts_at, i.ends_at INTO NEW.starts_at, NEW.ends_at FROM agenda_item i WHERE i.id = NEW.agenda_item_id;
    IF NOT FOUND THEN
        -- the item was removed meanwhile: the error the foreign key would give
        RAISE EXCEPTION 'insert or update on table "session_booking" violates foreign key constraint "session_booking_agenda_item_id_fkey"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'session_booking_agenda_item_id_fkey';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER session_booking_item_times BEFORE INSERT OR UPDATE ON session_booking
    FOR EACH ROW EXECUTE FUNCTION session_booking_item_times();

CREATE FUNCTION agenda_item_times_to_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE session_booking SET starts_at = NEW.starts_at, ends_at = NEW.ends_at WHERE agenda_item_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER agenda_item_times_to_bookings AFTER UPDATE OF starts_at, ends_at ON agenda_item
    FOR EACH ROW WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.ends_at IS DISTINCT FROM NEW.ends_at)
    EXECUTE FUNCTION agenda_item_times_to_bookings();

-- A swap: a waiting booking that, once it gets its place, releases the confirmed booking(s) of the same
-- registration it replaces. Stored as such; never inferred from overlapping times.
CREATE TABLE booking_swap (
    pending_booking_id  bigint NOT NULL REFERENCES session_booking (id),
    replaced_booking_id bigint NOT NULL REFERENCES session_booking (id),
    PRIMARY KEY (pending_booking_id, replaced_booking_id)
);
CREATE INDEX booking_swap_replaced ON booking_swap (replaced_booking_id);

-- The swaps the old code inferred become explicit: a waitlisted booking replaces the confirmed bookings of
-- the same registration whose items overlap it.
INSERT INTO booking_swap (pending_booking_id, replaced_booking_id)
SELECT w.id, c.id FROM session_booking w
JOIN session_booking c ON c.registration_id = w.registration_id AND c.id <> w.id
WHERE w.status = 'WAITLISTED' AND c.status = 'CONFIRMED' AND w.starts_at < c.ends_at AND c.starts_at < w.ends_at;

-- The old code could leave a registration with two confirmed places at overlapping times (a swap
-- superseded by a third choice). The later choice is what the attendee asked for: the earlier booking is
-- released, its place counted free again.
WITH doubled AS (
    SELECT DISTINCT a.id, a.agenda_item_id, a.registration_id FROM session_booking a
    JOIN session_booking b ON b.registration_id = a.registration_id AND b.id > a.id
    WHERE a.status = 'CONFIRMED' AND b.status = 'CONFIRMED' AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
), released AS (
    UPDATE session_booking s SET status = 'CANCELLED', waitlist_seq = NULL FROM doubled d WHERE s.id = d.id
    RETURNING s.agenda_item_id, s.registration_id
), counted AS (
    UPDATE agenda_item i SET taken = i.taken - n.released
    FROM (SELECT agenda_item_id, count(*) AS released FROM released GROUP BY agenda_item_id) n
    WHERE i.id = n.agenda_item_id
)
INSERT INTO registration_event (registration_id, agenda_item_id, kind, actor)
SELECT registration_id, agenda_item_id, 'ITEM_CANCELLED', 'migration V5' FROM released;
DELETE FROM booking_swap s USING session_booking b WHERE b.id = s.replaced_booking_id AND b.status <> 'CONFIRMED';

-- No registration holds two confirmed places at overlapping times. The single-value int8range of the
-- registration id lets a plain GiST index compare it (no btree_gist extension needed). Checked at commit,
-- so that a swap may release the old place and confirm the new one in either order.
ALTER TABLE session_booking ADD CONSTRAINT session_booking_no_overlap EXCLUDE USING gist (
    int8range(registration_id, registration_id, '[]') WITH =, tstzrange(starts_at, ends_at) WITH &&)
    WHERE (status = 'CONFIRMED') DEFERRABLE INITIALLY DEFERRED;

-- ---------------------------------------------------------------------------------------------------------
-- Rules across rows, checked at commit by constraint triggers: an active booking is for an item offered to
-- the registration's attendance mode, and a swap links a waiting and a confirmed booking of one registration.
CREATE FUNCTION booking_rules_check(registration bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (
        SELECT 1 FROM session_booking b
        JOIN agenda_item i ON i.id = b.agenda_item_id
        JOIN registration r ON r.id = b.registration_id
        WHERE b.registration_id = registration AND b.status <> 'CANCELLED'
          AND i.attendance IS NOT NULL AND i.attendance <> r.attendance) THEN
        RAISE EXCEPTION 'registration % has a booking of an item not offered to its attendance mode', registration
            USING ERRCODE = 'check_violation', CONSTRAINT = 'session_booking_mode_allowed';
    END IF;
    IF EXISTS (
        SELECT 1 FROM booking_swap s
        JOIN session_booking p ON p.id = s.pending_booking_id
        JOIN session_booking c ON c.id = s.replaced_booking_id
        WHERE (p.registration_id = registration OR c.registration_id = registration)
          AND (p.registration_id <> c.registration_id OR p.status <> 'WAITLISTED' OR c.status <> 'CONFIRMED')) THEN
        RAISE EXCEPTION 'registration % has a swap that is not from a confirmed to a waiting booking of its own',
            registration USING ERRCODE = 'check_violation', CONSTRAINT = 'booking_swap_consistent';
    END IF;
END $$;

CREATE FUNCTION session_booking_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM booking_rules_check(NEW.registration_id);
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER session_booking_rules AFTER INSERT OR UPDATE ON session_booking
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION session_booking_rules();

CREATE FUNCTION booking_swap_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM booking_rules_check(b.registration_id) FROM session_booking b WHERE b.id = NEW.pending_booking_id;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER booking_swap_rules AFTER INSERT ON booking_swap
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION booking_swap_rules();

CREATE FUNCTION registration_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM booking_rules_check(NEW.id);
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER registration_rules AFTER UPDATE OF attendance ON registration
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION registration_rules();

CREATE FUNCTION agenda_item_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM booking_rules_check(b.registration_id) FROM session_booking b
    WHERE b.agenda_item_id = NEW.id AND b.status <> 'CANCELLED';
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER agenda_item_rules AFTER UPDATE OF attendance ON agenda_item
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION agenda_item_rules();

-- ---------------------------------------------------------------------------------------------------------
-- Registration closes no later than the conference ends (and opens before it ends).
UPDATE conference SET registration_closes_at = ends_at WHERE registration_closes_at > ends_at;
ALTER TABLE conference ADD CONSTRAINT conference_registration_closes_by_end
    CHECK (registration_closes_at IS NULL OR registration_closes_at <= ends_at);
ALTER TABLE conference ADD CONSTRAINT conference_registration_opens_before_end
    CHECK (registration_opens_at IS NULL OR registration_opens_at < ends_at);

-- ---------------------------------------------------------------------------------------------------------
-- One mailbox, one registration: addresses are stored normalised by the application (trimmed, Unicode NFC,
-- domain in its ASCII form, lower case, at most 254 characters). Existing rows are normalised as far as SQL
-- can (all but the domain's ASCII form); the check holds for every row written from now on.
UPDATE registration r SET email = lower(normalize(btrim(r.email), NFC))
WHERE r.email <> lower(normalize(btrim(r.email), NFC))
  AND NOT EXISTS (SELECT 1 FROM registration o WHERE o.conference_id = r.conference_id AND o.id <> r.id
                    AND o.status <> 'CANCELLED' AND o.email = lower(normalize(btrim(r.email), NFC)));
ALTER TABLE registration ADD CONSTRAINT registration_email_normalised CHECK (
    email = lower(btrim(email)) AND email IS NFC NORMALIZED AND length(email) <= 254
    AND email ~ '^[^@[:space:]]+@[!-~]+$') NOT VALID;
