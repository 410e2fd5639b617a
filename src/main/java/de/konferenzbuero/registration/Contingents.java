package de.konferenzbuero.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.Contingent;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.runtime.ClusterJobs;
import de.konferenzbuero.runtime.DatabaseOutage;

/**
 * Reserves places for a group and releases them, by the one capacity rule ({@link Places}): a contingent takes only
 * places that are free for everyone, so no one loses a place to it; released (on its date, by the job here, or by the
 * organiser), its free places are everyone's and go to the waitlist in the same transaction. Callers hold the
 * conference lock.
 */
@ApplicationScoped
public class Contingents {

    /** The actor in the history of a promotion after a contingent reached its release date. */
    static final String ACTOR = "contingent release";

    private final EntityManager em;
    private final Places places;
    private final Waitlists waitlists;
    private final Event<RegistrationNotice> noticeEvent;
    private final ClusterJobs jobs;
    private final Clock clock;

    Contingents(EntityManager em, Places places, Waitlists waitlists, Event<RegistrationNotice> noticeEvent,
            ClusterJobs jobs, Clock clock) {
        this.em = em;
        this.places = places;
        this.waitlists = waitlists;
        this.noticeEvent = noticeEvent;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Reserves {@code size} places of the mode, released to everyone at {@code releaseAt} (null: when the organiser
     * releases them).
     *
     * @throws InvalidInput
     *             when the mode has no limit or fewer places free for everyone
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Contingent create(Conference conference, String name, Attendance mode, int size, Instant releaseAt) {
        checkFits(conference, mode, size);
        Contingent contingent = new Contingent();
        contingent.conference = conference;
        contingent.name = name;
        contingent.attendance = mode;
        contingent.places = size;
        contingent.releaseAt = releaseAt;
        contingent.persist();
        em.flush();
        em.refresh(contingent);
        conference.contingents.add(contingent);
        return contingent;
    }

    /** Releases the contingent's free places to everyone now; the waitlist gets them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Contingent contingent, String actor) {
        em.createNativeQuery("update contingent set released = true, version = version + 1 where id = ?1")
                .setParameter(1, contingent.id).executeUpdate();
        em.refresh(contingent);
        fill(contingent, actor);
    }

    private void fill(Contingent contingent, String actor) {
        Notices notices = new Notices();
        waitlists.fillConference(contingent.conference.id, contingent.attendance, actor, notices);
        notices.fire(noticeEvent);
    }

    private static void checkFits(Conference conference, Attendance mode, int size) {
        Integer free = conference.format.offers(mode) ? conference.freePlaces(mode) : Integer.valueOf(0);
        if (size < 0 || free == null || size > free) {
            throw new InvalidInput("places", Problem.CONTINGENT_TOO_LARGE);
        }
    }

    @Scheduled(every = "1m", delayed = "40s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class, identity = "contingent-release")
    void onSchedule() {
        DatabaseOutage.tolerate("Contingent release", () -> jobs.runOnce("contingent-release", "1m", () -> {
            int released = releaseDue(clock.instant());
            if (released > 0) {
                Log.infof("%d contingents reached their release date; their free places went to everyone", released);
            }
        }));
    }

    /**
     * Releases every contingent whose date has come, one conference per transaction under its lock; returns how many.
     */
    public int releaseDue(Instant now) {
        List<Long> conferences = QuarkusTransaction.requiringNew()
                .call(() -> em
                        .createQuery("select distinct c.conference.id from Contingent c"
                                + " where not c.released and c.releaseAt <= ?1", Long.class)
                        .setParameter(1, now).getResultList());
        int released = 0;
        for (long conferenceId : conferences) {
            released += QuarkusTransaction.requiringNew().call(() -> {
                places.lockConference(conferenceId);
                List<Contingent> due = Contingent.list(
                        "conference.id = ?1 and released = false and releaseAt <= ?2" + " order by id", conferenceId,
                        now);
                due.forEach(c -> release(c, ACTOR));
                return due.size();
            });
        }
        return released;
    }
}
