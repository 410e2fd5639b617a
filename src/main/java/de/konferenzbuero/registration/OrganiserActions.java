package de.konferenzbuero.registration;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;

/**
 * What organisers do to registrations: fill places after a capacity was raised, cancel, promote someone out of order,
 * add an attendee by hand, cancel a whole conference, tell attendees about a moved item. Every action names its actor
 * (the organiser's e-mail) in the registration history.
 */
@ApplicationScoped
public class OrganiserActions {

    private final Places places;
    private final Waitlists waitlists;
    private final Cancellations cancellations;
    private final History history;
    private final Event<RegistrationNotice> noticeEvent;
    private final EntityManager em;
    private final Validator validator;
    private final Enrolment enrolment;

    OrganiserActions(Validator validator, Enrolment enrolment, Places places, Waitlists waitlists,
            Cancellations cancellations, History history, Event<RegistrationNotice> noticeEvent, EntityManager em) {
        this.places = places;
        this.waitlists = waitlists;
        this.cancellations = cancellations;
        this.history = history;
        this.noticeEvent = noticeEvent;
        this.em = em;
        this.validator = validator;
        this.enrolment = enrolment;
    }

    /** Locks the conference row for the rest of the transaction; call before changing its capacities. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Conference conference) {
        places.lockConference(conference.id);
        em.refresh(conference);
    }

    /** After capacities were raised: the oldest waiting get the new places (conference modes and every item). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fillFreePlaces(Conference conference, String actor) {
        em.flush();
        Notices notices = new Notices();
        for (Attendance mode : conference.attendances()) {
            waitlists.fillConference(conference.id, mode, actor, notices);
        }
        for (AgendaItem item : conference.bookableItems()) {
            waitlists.fillItem(item.id, actor, notices);
        }
        notices.fire(noticeEvent);
    }

    /** Cancels one registration; its place goes to the next in line. */
    @Transactional
    public void cancel(Registration registration, String actor) {
        lock(registration.conference);
        em.refresh(registration);
        if (!registration.isActive()) {
            return;
        }
        Notices notices = new Notices();
        cancellations.cancel(registration, actor, notices);
        notices.fire(noticeEvent);
    }

    /**
     * Confirms a waitlisted registration ahead of the others. There is no free place (else it would not wait), so the
     * conference gets one more place for this person.
     */
    @Transactional
    public void promote(Registration registration, String actor) {
        Conference conference = registration.conference;
        lock(conference);
        em.refresh(registration);
        if (registration.status != RegistrationStatus.WAITLISTED) {
            return;
        }
        if (!places.tryTake(conference.id, registration.attendance)) {
            em.createNativeQuery(
                    "update conference set %1$s_capacity = %1$s_capacity + 1, %1$s_taken = %1$s_taken + 1 where id = ?1"
                            .formatted(registration.attendance == Attendance.ON_SITE ? "onsite" : "online"))
                    .setParameter(1, conference.id).executeUpdate();
        }
        registration.status = RegistrationStatus.CONFIRMED;
        registration.waitlistSeq = null;
        history.record(registration, HistoryKind.PROMOTED, actor);
        waitlists.decideRequestedItems(registration, actor);
        Notices notices = new Notices();
        notices.add(RegistrationNotice.Kind.PROMOTED, registration);
        notices.fire(noticeEvent);
    }

    /** Confirms a waitlisted booking ahead of the others; the item gets one more place for this person. */
    @Transactional
    public void promote(SessionBooking booking, String actor) {
        lock(booking.registration.conference);
        em.refresh(booking);
        if (booking.status != BookingStatus.WAITLISTED) {
            return;
        }
        if (!places.tryTakeItem(booking.item.id)) {
            em.createNativeQuery("update agenda_item set capacity = capacity + 1, taken = taken + 1 where id = ?1")
                    .setParameter(1, booking.item.id).executeUpdate();
        }
        booking.status = BookingStatus.CONFIRMED;
        booking.waitlistSeq = null;
        history.record(booking, HistoryKind.ITEM_PROMOTED, actor);
        Notices notices = new Notices();
        for (SessionBooking other : booking.registration.activeBookings()) {
            if (other != booking && other.status == BookingStatus.CONFIRMED && other.item.overlaps(booking.item)) {
                cancellations.cancelBooking(other, actor, notices);
            }
        }
        notices.add(RegistrationNotice.Kind.ITEM_PROMOTED, booking.registration);
        notices.fire(noticeEvent);
    }

    /**
     * Registers someone by hand (e.g. from a phone call), also outside the registration window; the capacity rule
     * applies as for everyone.
     */
    @Transactional
    public Registration addByHand(Conference conference, SignUp in, String actor) {
        SignUpRules.checkAll(validator, conference, in);
        List<AgendaItem> items = SignUpRules.check(conference, in.attendance(), in.items());
        String email = in.email().strip().toLowerCase(Locale.ROOT);
        if (Registration.findActive(conference, email).isPresent()) {
            throw new InvalidInput("email", Problem.EMAIL_TAKEN);
        }
        Registration registration = enrolment.enrol(conference, in, email, items, actor);
        return registration;
    }

    /** Cancels every active registration of a conference that is itself cancelled; nobody moves up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelAll(Conference conference, String actor) {
        lock(conference);
        Notices notices = new Notices();
        List<Registration> active = Registration.list("conference = ?1 and status <> ?2 order by id", conference,
                RegistrationStatus.CANCELLED);
        for (Registration registration : active) {
            cancellations.cancelWithConference(registration, actor, notices);
        }
        em.flush();
        em.createNativeQuery("update conference set onsite_taken = 0, online_taken = 0 where id = ?1")
                .setParameter(1, conference.id).executeUpdate();
        em.createNativeQuery("update agenda_item set taken = 0 where conference_id = ?1").setParameter(1, conference.id)
                .executeUpdate();
        notices.fire(noticeEvent);
        return active.size();
    }

    /** Tells everyone holding or waiting for this item that its time or place changed (with new calendar files). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int itemMoved(AgendaItem item) {
        List<SessionBooking> bookings = SessionBooking.list("item = ?1 and status in ?2", item,
                List.of(BookingStatus.CONFIRMED, BookingStatus.WAITLISTED));
        Notices notices = new Notices();
        bookings.forEach(b -> notices.add(RegistrationNotice.Kind.AGENDA_CHANGED, b.registration));
        notices.fire(noticeEvent);
        return bookings.size();
    }
}
