package de.konferenzbuero.registration;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.runtime.ClusterJobs;
import de.konferenzbuero.runtime.DatabaseOutage;

/**
 * The consistency check of the capacity counters: the places counted on a conference (per mode), an item, a choice
 * option or a contingent ({@code taken}) against the confirmed rows that hold them. Every change goes through
 * {@link Places}, so they agree; a difference means a bug or a hand-made change in the database. It is reported (log
 * and organiser pages), never repaired: a silent repair could hide the cause and give away places twice.
 */
@ApplicationScoped
public class PlaceCounts {

    /**
     * A counter that does not match its rows: of a {@code mode} of the conference, or of an {@code item} (an agenda
     * item, "question: option", or a contingent's name).
     */
    public record Drift(long conferenceId, String conference, Attendance mode, String item, long counted,
            long confirmed) {

        String place() {
            return mode != null ? mode.name() : item;
        }
    }

    private final EntityManager em;
    private final ClusterJobs jobs;
    private final String every;

    PlaceCounts(EntityManager em, ClusterJobs jobs, AppConfig config) {
        this.em = em;
        this.jobs = jobs;
        this.every = config.consistencyCheckEvery();
    }

    @Scheduled(every = "${konferenzbuero.consistency-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class, identity = "place-counts")
    void onSchedule() {
        DatabaseOutage.tolerate("Place count check",
                () -> jobs.runOnce("place-counts", every, () -> drift(null).forEach(d -> Log.errorf(
                        "Place counter drift at conference %d (%s), %s: counted %d, confirmed %d; not repaired, please"
                                + " investigate",
                        d.conferenceId(), d.conference(), d.place(), d.counted(), d.confirmed()))));
    }

    /** The drifting counters of one conference, or of every conference when {@code conferenceId} is null. */
    @Transactional
    public List<Drift> drift(Long conferenceId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em
                .createNativeQuery(
                        """
                                select c.id, c.title, m.mode, null, m.counted, m.confirmed from conference c
                                cross join lateral (values
                                    ('ON_SITE', c.onsite_taken, (select count(*) from registration r where r.conference_id = c.id
                                        and r.status = 'CONFIRMED' and r.attendance = 'ON_SITE')),
                                    ('ONLINE', c.online_taken, (select count(*) from registration r where r.conference_id = c.id
                                        and r.status = 'CONFIRMED' and r.attendance = 'ONLINE'))) m(mode, counted, confirmed)
                                where (?1 = -1 or c.id = ?1) and m.counted <> m.confirmed
                                union all
                                select c.id, c.title, null, i.title, i.taken, (select count(*) from session_booking b
                                    where b.agenda_item_id = i.id and b.status = 'CONFIRMED')
                                from agenda_item i join conference c on c.id = i.conference_id
                                where (?1 = -1 or c.id = ?1) and i.taken <> (select count(*) from session_booking b
                                    where b.agenda_item_id = i.id and b.status = 'CONFIRMED')
                                union all
                                select c.id, c.title, null, q.label_de || ': ' || o.label_de, o.taken, (select count(*) from answer a
                                    where a.option_id = o.id and a.status = 'CONFIRMED')
                                from question_option o join question q on q.id = o.question_id join conference c on c.id = q.conference_id
                                where (?1 = -1 or c.id = ?1) and o.taken <> (select count(*) from answer a
                                    where a.option_id = o.id and a.status = 'CONFIRMED')
                                union all
                                select c.id, c.title, null, k.name, k.taken, (select count(*) from registration r
                                    where r.contingent_id = k.id and r.status = 'CONFIRMED')
                                from contingent k join conference c on c.id = k.conference_id
                                where (?1 = -1 or c.id = ?1) and k.taken <> (select count(*) from registration r
                                    where r.contingent_id = k.id and r.status = 'CONFIRMED')
                                order by 1, 3, 4
                                """)
                .setParameter(1, conferenceId == null ? -1L : conferenceId).getResultList();
        return rows.stream()
                .map(r -> new Drift(((Number) r[0]).longValue(), (String) r[1],
                        r[2] == null ? null : Attendance.valueOf((String) r[2]), (String) r[3],
                        ((Number) r[4]).longValue(), ((Number) r[5]).longValue()))
                .toList();
    }
}
