package de.konferenzbuero.registration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * The waitlist positions of every registration and booking of one conference, in two queries: for lists, which would
 * otherwise count once per waitlisted row ({@link Registration#waitlistPosition()}). The same rule: 1 for the oldest
 * waiting (lowest sequence number) of a mode or item; 0 when not waitlisted.
 */
public final class WaitlistPositions {

    private final Map<Long, Long> registrations;
    private final Map<Long, Long> bookings;

    private WaitlistPositions(Map<Long, Long> registrations, Map<Long, Long> bookings) {
        this.registrations = registrations;
        this.bookings = bookings;
    }

    public static WaitlistPositions of(long conferenceId) {
        return new WaitlistPositions(positions("""
                select id, row_number() over (partition by attendance order by waitlist_seq)
                from registration where conference_id = ?1 and status = 'WAITLISTED'
                """, conferenceId), positions("""
                select b.id, row_number() over (partition by b.agenda_item_id order by b.waitlist_seq)
                from session_booking b join agenda_item i on i.id = b.agenda_item_id
                where i.conference_id = ?1 and b.status = 'WAITLISTED'
                """, conferenceId));
    }

    public long of(Registration registration) {
        return registrations.getOrDefault(registration.id, 0L);
    }

    public long of(SessionBooking booking) {
        return bookings.getOrDefault(booking.id, 0L);
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, Long> positions(String sql, long conferenceId) {
        Map<Long, Long> positions = new HashMap<>();
        for (Object[] row : (List<Object[]>) Panache.getEntityManager().createNativeQuery(sql)
                .setParameter(1, conferenceId).getResultList()) {
            positions.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return positions;
    }
}
