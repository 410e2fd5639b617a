package de.konferenzbuero.registration.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import de.konferenzbuero.sealing.Sealing;

import javax.sql.DataSource;

/**
 * The rows of one conference as they are in the database, read with plain SQL: what the invariants are checked against,
 * independent of the application's entities and of its own event log.
 */
record Snapshot(Conf conference, Map<Long, Item> items, Map<Long, Reg> registrations, Map<Long, Booking> bookings,
        List<Swap> swaps, Map<Long, Mail> latestMail, Map<Long, Option> options, Map<Long, Chosen> chosen,
        Map<Long, Contingent> contingents) {

    /** Places of a mode reserved for invited people; unreleased, its free places are no one else's. */
    record Contingent(long id, String name, String attendance, int places, int taken, boolean released) {

        int reserved() {
            return released ? 0 : places - taken;
        }
    }

    /** Places of the mode still reserved in contingents. */
    int reserved(String mode) {
        return contingents.values().stream().filter(k -> k.attendance().equals(mode)).mapToInt(Contingent::reserved)
                .sum();
    }

    /** A choice option with places (of the walk's travel question); {@code capacity} null: unlimited. */
    record Option(long id, String label, Integer capacity, int taken) {
    }

    /** A registration's chosen option: it holds a place like a booking. */
    /** A chosen option; {@code offerExpiresAt} while its place is offered from the waitlist. */
    record Chosen(long id, long registrationId, long optionId, String status, Long seq, Instant offerExpiresAt) {
    }

    /** {@code offerHours} null: freed places go to the next person at once; else they are offered. */
    record Conf(long id, String status, String format, Integer onsiteCapacity, Integer onlineCapacity, int onsiteTaken,
            int onlineTaken, Integer offerHours) {

        boolean offers() {
            return offerHours != null;
        }

        Integer capacity(String mode) {
            return mode.equals("ON_SITE") ? onsiteCapacity : onlineCapacity;
        }

        int taken(String mode) {
            return mode.equals("ON_SITE") ? onsiteTaken : onlineTaken;
        }

        boolean offers(String mode) {
            return format.equals("HYBRID") || format.equals(mode);
        }
    }

    record Item(long id, String title, boolean bookable, Integer capacity, int taken, Instant startsAt, Instant endsAt,
            String attendance) {

        boolean overlaps(Item other) {
            return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
        }
    }

    /**
     * {@code holdExpiresAt} is set while the address awaits confirmation, and kept when the hold expired;
     * {@code offerExpiresAt} while a place offered from the waitlist is held, and kept when it was declined or expired.
     */
    record Reg(long id, String secret, String email, String attendance, String status, Long seq,
            java.time.Instant holdExpiresAt, java.time.Instant offerExpiresAt, Long contingentId) {

        boolean hasOffer() {
            return active() && offerExpiresAt != null;
        }

        /** Confirmed, the address confirmed, no offer of the conference place open: gets offers of item places. */
        boolean placeIsTheirs() {
            return status.equals("CONFIRMED") && holdExpiresAt == null && offerExpiresAt == null;
        }

        boolean active() {
            return !status.equals("CANCELLED");
        }
    }

    /** A booking; {@code offerExpiresAt} while its place is offered from the waitlist. */
    record Booking(long id, long registrationId, long itemId, String status, Long seq, Instant startsAt, Instant endsAt,
            Instant offerExpiresAt) {

        boolean active() {
            return !status.equals("CANCELLED");
        }
    }

    record Swap(long pending, long replaced) {
    }

    /** The latest mail about where a registration stands (not the "already registered" or organiser mails). */
    record Mail(long id, String template, String text) {
    }

    static Snapshot load(DataSource dataSource, long conferenceId) {
        // sign-up mails waiting for their bodies are rendered as the dispatcher would, from the state as it is now
        de.konferenzbuero.StoredMails.render();
        try (Connection c = dataSource.getConnection()) {
            Conf conf = null;
            try (ResultSet rs = query(c, """
                    select id, status, format, onsite_capacity, online_capacity, onsite_taken, online_taken, offer_hours
                    from conference where id = ?""", conferenceId)) {
                if (rs.next()) {
                    conf = new Conf(rs.getLong(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
                            (Integer) rs.getObject(5), rs.getInt(6), rs.getInt(7), (Integer) rs.getObject(8));
                }
            }
            Map<Long, Item> items = new HashMap<>();
            try (ResultSet rs = query(c, """
                    select id, title, bookable, capacity, taken, starts_at, ends_at, attendance
                    from agenda_item where conference_id = ?""", conferenceId)) {
                while (rs.next()) {
                    items.put(rs.getLong(1),
                            new Item(rs.getLong(1), rs.getString(2), rs.getBoolean(3), (Integer) rs.getObject(4),
                                    rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                                    rs.getString(8)));
                }
            }
            Map<Long, Reg> registrations = new HashMap<>();
            try (ResultSet rs = query(c, """
                    select id, manage_secret_sealed, email, attendance, status, waitlist_seq, hold_expires_at,
                    offer_expires_at, contingent_id from registration where conference_id = ?""", conferenceId)) {
                while (rs.next()) {
                    java.sql.Timestamp hold = rs.getTimestamp(7);
                    java.sql.Timestamp offer = rs.getTimestamp(8);
                    registrations.put(rs.getLong(1),
                            new Reg(rs.getLong(1), Sealing.open(rs.getString(2)), rs.getString(3), rs.getString(4),
                                    rs.getString(5), (Long) rs.getObject(6), hold == null ? null : hold.toInstant(),
                                    offer == null ? null : offer.toInstant(), (Long) rs.getObject(9)));
                }
            }
            Map<Long, Booking> bookings = new HashMap<>();
            try (ResultSet rs = query(c, """
                    select b.id, b.registration_id, b.agenda_item_id, b.status, b.waitlist_seq, b.starts_at, b.ends_at,
                    b.offer_expires_at from session_booking b join registration r on r.id = b.registration_id
                    where r.conference_id = ?""", conferenceId)) {
                while (rs.next()) {
                    bookings.put(rs.getLong(1),
                            new Booking(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                                    (Long) rs.getObject(5), rs.getTimestamp(6).toInstant(),
                                    rs.getTimestamp(7).toInstant(), instant(rs.getTimestamp(8))));
                }
            }
            List<Swap> swaps = new ArrayList<>();
            try (ResultSet rs = query(c, """
                    select s.pending_booking_id, s.replaced_booking_id from booking_swap s
                    join session_booking b on b.id = s.pending_booking_id
                    join registration r on r.id = b.registration_id where r.conference_id = ?""", conferenceId)) {
                while (rs.next()) {
                    swaps.add(new Swap(rs.getLong(1), rs.getLong(2)));
                }
            }
            Map<Long, Mail> mails = new HashMap<>();
            try (ResultSet rs = query(c,
                    """
                            select distinct on (m.registration_id) m.registration_id, m.id, m.template, m.text
                            from outbox_message m join registration r on r.id = m.registration_id
                            where r.conference_id = ? and m.template not in ('alreadyRegistered', 'organiserMessage', 'reminder', 'newLink', 'yourLink')
                            order by m.registration_id, m.id desc""",
                    conferenceId)) {
                while (rs.next()) {
                    mails.put(rs.getLong(1), new Mail(rs.getLong(2), rs.getString(3), Sealing.open(rs.getString(4))));
                }
            }
            Map<Long, Option> options = new HashMap<>();
            try (ResultSet rs = query(c, """
                    select o.id, o.label_de, o.capacity, o.taken from question_option o
                    join question q on q.id = o.question_id where q.conference_id = ?""", conferenceId)) {
                while (rs.next()) {
                    options.put(rs.getLong(1),
                            new Option(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3), rs.getInt(4)));
                }
            }
            Map<Long, Chosen> chosen = new HashMap<>();
            try (ResultSet rs = query(c, """
                    select a.id, a.registration_id, a.option_id, a.status, a.waitlist_seq, a.offer_expires_at
                    from answer a
                    join registration r on r.id = a.registration_id
                    where r.conference_id = ? and a.option_id is not null""", conferenceId)) {
                while (rs.next()) {
                    chosen.put(rs.getLong(1), new Chosen(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            (Long) rs.getObject(5), instant(rs.getTimestamp(6))));
                }
            }
            Map<Long, Contingent> contingents = new HashMap<>();
            try (ResultSet rs = query(c, """
                    select id, name, attendance, places, taken, released from contingent where conference_id = ?""",
                    conferenceId)) {
                while (rs.next()) {
                    contingents.put(rs.getLong(1), new Contingent(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4), rs.getInt(5), rs.getBoolean(6)));
                }
            }
            return new Snapshot(conf, items, registrations, bookings, swaps, mails, options, chosen, contingents);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static ResultSet query(Connection c, String sql, long id) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        statement.setLong(1, id);
        statement.closeOnCompletion();
        return statement.executeQuery();
    }

    List<Booking> activeBookingsOf(long registrationId) {
        return bookings.values().stream().filter(b -> b.registrationId() == registrationId && b.active()).toList();
    }

    /** When each open offer of an item's or option's place ends, by "booking id" or "answer id". */
    Map<String, Instant> placeOffers() {
        Map<String, Instant> offers = new HashMap<>();
        bookings.values().stream().filter(b -> b.offerExpiresAt() != null)
                .forEach(b -> offers.put("booking " + b.id(), b.offerExpiresAt()));
        chosen.values().stream().filter(c -> c.offerExpiresAt() != null)
                .forEach(c -> offers.put("answer " + c.id(), c.offerExpiresAt()));
        return offers;
    }

    List<Reg> active() {
        return registrations.values().stream().filter(Reg::active).toList();
    }
}
