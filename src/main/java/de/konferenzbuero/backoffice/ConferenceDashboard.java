package de.konferenzbuero.backoffice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.Occupancy;

/**
 * What an organiser looks at: how fast the conference fills (per day, from the registrations' history), how full each
 * mode and bookable item is, how many are in on the day, who did not come, and which organisations are represented.
 */
@ApplicationScoped
public class ConferenceDashboard {

    /** One day of the history: places that became someone's, waitlist entries, and registrations that ended. */
    public record Day(LocalDate day, long confirmed, long waitlisted, long cancelled) {
    }

    /** How full one mode or item is; {@code percent} is null when its places are unlimited. */
    public record Fill(String label, long confirmed, Integer capacity, long waitlisted) {

        public Integer percent() {
            return capacity == null || capacity == 0 ? null : (int) Math.round(100.0 * confirmed / capacity);
        }
    }

    /** An organisation represented among the confirmed, by the name attendees gave. */
    public record Represented(String name, long count) {
    }

    /** Everything on the page. */
    public record View(List<Day> days, List<Fill> modes, List<Fill> items, long confirmed, long checkedIn,
            List<Represented> organisations, long withoutOrganisation) {

        public long signUps() {
            return days.stream().mapToLong(d -> d.confirmed() + d.waitlisted()).sum();
        }

        public long cancellations() {
            return days.stream().mapToLong(Day::cancelled).sum();
        }

        /** The share of confirmed attendees who are checked in or marked as attended, in whole percent. */
        public long checkedInPercent() {
            return confirmed == 0 ? 0 : Math.round(100.0 * checkedIn / confirmed);
        }
    }

    private final ConferenceEditing conferences;
    private final Occupancy occupancy;
    private final EntityManager em;

    ConferenceDashboard(ConferenceEditing conferences, Occupancy occupancy, EntityManager em) {
        this.conferences = conferences;
        this.occupancy = occupancy;
        this.em = em;
    }

    public Conference find(Organiser organiser, long conferenceId) {
        return conferences.find(organiser, conferenceId);
    }

    /** The figures; {@code modeLabels} names each mode in the page's language. */
    public View of(Conference conference, java.util.function.Function<Attendance, String> modeLabels) {
        List<Day> days = new ArrayList<>();
        for (Object[] row : rows(
                """
                        select (e.at at time zone 'Europe/Berlin')::date,
                            count(*) filter (where e.kind in ('CONFIRMED', 'PROMOTED', 'PROMOTED_OUT_OF_ORDER', 'OFFER_ACCEPTED')),
                            count(*) filter (where e.kind = 'WAITLISTED'),
                            count(*) filter (where e.kind in ('CANCELLED', 'HOLD_EXPIRED', 'OFFER_DECLINED', 'OFFER_EXPIRED', 'REJECTED'))
                        from registration_event e join registration r on r.id = e.registration_id
                        where r.conference_id = ?1 and e.agenda_item_id is null
                        group by 1 order by 1""",
                conference.id)) {
            days.add(new Day(row[0] instanceof LocalDate day ? day : ((java.sql.Date) row[0]).toLocalDate(),
                    number(row[1]), number(row[2]), number(row[3])));
        }
        Occupancy.Report report = occupancy.of(conference);
        List<Fill> modes = report.modes().entrySet().stream().map(e -> new Fill(modeLabels.apply(e.getKey()),
                e.getValue().confirmed(), e.getValue().capacity(), e.getValue().waitlisted())).toList();
        List<Fill> items = new ArrayList<>();
        for (AgendaItem item : conference.bookableItems()) {
            Occupancy.Count count = report.items().get(item.id);
            items.add(new Fill(item.title, count.confirmed(), count.capacity(), count.waitlisted()));
        }
        // admitted at the door, or (online) marked as attended by the organisers
        Object[] admission = (Object[]) em.createNativeQuery("""
                select count(*), count(*) filter (where checked_in_at is not null)
                from registration where conference_id = ?1 and status = 'CONFIRMED'
                  and hold_expires_at is null and offer_expires_at is null""").setParameter(1, conference.id)
                .getSingleResult();
        List<Represented> organisations = new ArrayList<>();
        for (Object[] row : rows("""
                select min(trim(organisation)), count(*) from registration
                where conference_id = ?1 and status = 'CONFIRMED' and trim(coalesce(organisation, '')) <> ''
                group by lower(trim(organisation)) order by 2 desc, 1 limit 10""", conference.id)) {
            organisations.add(new Represented((String) row[0], number(row[1])));
        }
        long without = number(em.createNativeQuery("""
                select count(*) from registration where conference_id = ?1 and status = 'CONFIRMED'
                and trim(coalesce(organisation, '')) = ''""").setParameter(1, conference.id).getSingleResult());
        return new View(days, modes, items, number(admission[0]), number(admission[1]), organisations, without);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long conferenceId) {
        return em.createNativeQuery(sql).setParameter(1, conferenceId).getResultList();
    }
}
