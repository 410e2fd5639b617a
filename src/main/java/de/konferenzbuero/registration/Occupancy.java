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
        return of(List.of(conference)).get(conference.id);
    }

    /** The reports of many conferences (by id), in two queries for all of them. */
    public Map<Long, Report> of(List<Conference> conferences) {
        if (conferences.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = conferences.stream().map(c -> c.id).toList();
        Map<Long, Map<Attendance, long[]>> byMode = new HashMap<>();
        for (Object[] row : rows("""
                select conference_id, attendance, count(*) filter (where status = 'WAITLISTED'),
                    count(*) filter (where hold_expires_at is not null and status <> 'PENDING')
                from registration where conference_id in (?1) and status <> 'CANCELLED'
                group by conference_id, attendance
                """, ids)) {
            byMode.computeIfAbsent(((Number) row[0]).longValue(), id -> new EnumMap<>(Attendance.class))
                    .put(Attendance.valueOf((String) row[1]), counts(row));
        }
        Map<Long, long[]> byItem = new HashMap<>();
        for (Object[] row : rows("""
                select b.agenda_item_id, b.agenda_item_id, count(*) filter (where b.status = 'WAITLISTED'),
                    count(*) filter (where r.hold_expires_at is not null)
                from session_booking b join registration r on r.id = b.registration_id
                where r.conference_id in (?1) and b.status in ('CONFIRMED', 'WAITLISTED') group by b.agenda_item_id
                """, ids)) {
            byItem.put(((Number) row[0]).longValue(), counts(row));
        }
        Map<Long, Report> reports = new HashMap<>();
        for (Conference conference : conferences) {
            reports.put(conference.id, report(conference, byMode.getOrDefault(conference.id, Map.of()), byItem));
        }
        return reports;
    }

    private static Report report(Conference conference, Map<Attendance, long[]> byMode, Map<Long, long[]> byItem) {
        Map<Attendance, Count> modes = new EnumMap<>(Attendance.class);
        for (Attendance mode : conference.attendances()) {
            Integer capacity = conference.capacity(mode);
            int taken = mode == Attendance.ON_SITE ? conference.onsiteTaken : conference.onlineTaken;
            long[] waitingAndHeld = byMode.getOrDefault(mode, NONE);
            modes.put(mode,
                    new Count(capacity, taken, waitingAndHeld[0], waitingAndHeld[1], conference.freePlaces(mode)));
        }
        Map<Long, Count> items = new HashMap<>();
        for (AgendaItem item : conference.bookableItems()) {
            long[] waitingAndHeld = byItem.getOrDefault(item.id, NONE);
            items.put(item.id,
                    new Count(item.capacity, item.taken, waitingAndHeld[0], waitingAndHeld[1], item.freePlaces()));
        }
        return new Report(modes, items);
    }

    private static final long[] NONE = { 0, 0 };

    /** The waiting and the unconfirmed count of a row (its last two columns). */
    private static long[] counts(Object[] row) {
        return new long[] { ((Number) row[2]).longValue(), ((Number) row[3]).longValue() };
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<Long> conferenceIds) {
        return em.createNativeQuery(sql).setParameter(1, conferenceIds).getResultList();
    }
}
