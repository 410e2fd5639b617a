package de.konferenzbuero.registration;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import de.konferenzbuero.conference.Conference;

/**
 * The organisers' decision on sign-ups at a conference that approves them ({@link Conference#approvalRequired}). A
 * pending registration holds nothing; approved, it takes a free place by the one capacity rule if nobody it would pass
 * waits for one, else it joins the end of the waitlist, and its wished-for items and options are decided as when
 * someone moves up; rejected, it ends. Several are decided in the order they arrived, under the conference lock; each
 * attendee gets a mail with the organisers' message, if they wrote one. Registrations no longer pending are left as
 * they are.
 */
@ApplicationScoped
public class Approvals {

    private final Places places;
    private final Holds holds;
    private final Waitlists waitlists;
    private final Cancellations cancellations;
    private final History history;
    private final Event<RegistrationNotice> noticeEvent;
    private final EntityManager em;

    Approvals(Places places, Holds holds, Waitlists waitlists, Cancellations cancellations, History history,
            Event<RegistrationNotice> noticeEvent, EntityManager em) {
        this.places = places;
        this.holds = holds;
        this.waitlists = waitlists;
        this.cancellations = cancellations;
        this.history = history;
        this.noticeEvent = noticeEvent;
        this.em = em;
    }

    /** Approves the pending ones of these registrations of the conference; returns those it approved. */
    @Transactional
    public List<Registration> approve(Conference conference, List<Long> registrationIds, String message, String actor) {
        List<Registration> pending = lockAndFindPending(conference, registrationIds);
        Notices notices = new Notices();
        for (Registration r : pending) {
            boolean someoneAhead = Registration.count(
                    "conference = ?1 and attendance = ?2 and status = ?3"
                            + (Offers.used(conference) ? " and holdExpiresAt is null" : ""),
                    conference, r.attendance, RegistrationStatus.WAITLISTED) > 0;
            r.decisionMessage = message;
            history.record(r, HistoryKind.APPROVED, actor);
            if (!someoneAhead && places.tryTake(conference.id, r.attendance)) {
                r.status = RegistrationStatus.CONFIRMED;
                history.record(r, HistoryKind.CONFIRMED, actor);
                waitlists.decideRequestedItems(r, actor);
            } else {
                // draw the number first: the query flushes, and a waitlisted row needs its number
                long seq = places.nextWaitlistSeq();
                r.status = RegistrationStatus.WAITLISTED;
                r.waitlistSeq = seq;
                history.record(r, HistoryKind.WAITLISTED, actor);
            }
            notices.add(RegistrationNotice.Kind.APPROVED, r);
        }
        notices.fire(noticeEvent);
        return pending;
    }

    /** Rejects the pending ones of these registrations of the conference; returns those it rejected. */
    @Transactional
    public List<Registration> reject(Conference conference, List<Long> registrationIds, String message, String actor) {
        List<Registration> pending = lockAndFindPending(conference, registrationIds);
        Notices notices = new Notices();
        for (Registration r : pending) {
            r.decisionMessage = message;
            cancellations.reject(r, actor, notices);
        }
        notices.fire(noticeEvent);
        return pending;
    }

    /**
     * Pending registrations of the conference among these, oldest first, loaded under the conference lock; one whose
     * unconfirmed address's hold has ended meanwhile is expired now instead (the expiry job may not have run yet).
     */
    private List<Registration> lockAndFindPending(Conference conference, List<Long> registrationIds) {
        places.lockConference(conference.id);
        em.refresh(conference);
        if (registrationIds.isEmpty()) {
            return List.of();
        }
        List<Registration> found = Registration.list("conference = ?1 and id in ?2 order by createdAt, id", conference,
                registrationIds);
        found.forEach(em::refresh);
        return found.stream().filter(r -> r.isPending() && !holds.expireIfDue(r)).toList();
    }
}
