package de.konferenzbuero.registration;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;

/** How full a conference and its bookable items are: confirmed, waitlisted and free places. */
@ApplicationScoped
public class Occupancy {

    /**
     * Places of one mode or item; capacity and free are null when unlimited; {@code unconfirmed} of the confirmed and
     * waitlisted only hold their place until the address is confirmed (double opt-in).
     */
    public record Count(Integer capacity, long confirmed, long waitlisted, long unconfirmed, Integer free) {
    }

    public record Report(Map<Attendance, Count> modes, Map<Long, Count> items) {
    }

    private final EntityManager em;

    Occupancy(EntityManager em) {
        this.em = em;
    }

    public Report of(Conference conference) {
        Map<Attendance, Long> waitingByMode = new EnumMap<>(Attendance.class);
        for (Object[] row : rows("""
                select attendance, count(*) from registration
                where conference_id = ?1 and status = 'WAITLISTED' group by attendance
                """, conference.id)) {
            waitingByMode.put(Attendance.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        Map<Long, Long> waitingByItem = new HashMap<>();
        for (Object[] row : rows("""
                select b.agenda_item_id, count(*) from session_booking b join agenda_item i on i.id = b.agenda_item_id
                where i.conference_id = ?1 and b.status = 'WAITLISTED' group by b.agenda_item_id
                """, conference.id)) {
            waitingByItem.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        Map<Attendance, Long> heldByMode = new EnumMap<>(Attendance.class);
        for (Object[] row : rows("""
                select attendance, count(*) from registration
                where conference_id = ?1 and status <> 'CANCELLED' and hold_expires_at is not null group by attendance
                """, conference.id)) {
            heldByMode.put(Attendance.valueOf((String) row[0]), ((Number) row[1]).longValue());
        }
        Map<Long, Long> heldByItem = new HashMap<>();
        for (Object[] row : rows("""
                select b.agenda_item_id, count(*) from session_booking b join registration r on r.id = b.registration_id
                where r.conference_id = ?1 and r.status <> 'CANCELLED' and r.hold_expires_at is not null
                  and b.status in ('CONFIRMED', 'WAITLISTED') group by b.agenda_item_id
                """, conference.id)) {
            heldByItem.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        Map<Attendance, Count> modes = new EnumMap<>(Attendance.class);
        for (Attendance mode : conference.attendances()) {
            Integer capacity = conference.capacity(mode);
            int taken = mode == Attendance.ON_SITE ? conference.onsiteTaken : conference.onlineTaken;
            modes.put(mode, new Count(capacity, taken, waitingByMode.getOrDefault(mode, 0L),
                    heldByMode.getOrDefault(mode, 0L), conference.freePlaces(mode)));
        }
        Map<Long, Count> items = new HashMap<>();
        for (AgendaItem item : conference.bookableItems()) {
            items.put(item.id, new Count(item.capacity, item.taken, waitingByItem.getOrDefault(item.id, 0L),
                    heldByItem.getOrDefault(item.id, 0L), item.freePlaces()));
        }
        return new Report(modes, items);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long conferenceId) {
        return em.createNativeQuery(sql).setParameter(1, conferenceId).getResultList();
    }
}
