package de.konferenzbuero.registration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.hibernate.exception.ConstraintViolationException;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.input.EmailAddresses;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;

/**
 * What organisers do to registrations and places: fill places after a capacity was raised, cancel, promote someone out
 * of order, add an attendee by hand, cancel a whole conference, and keep the bookings right when the agenda changes
 * (moved, removed or no longer bookable items). Every action names its actor (the organiser's e-mail) in the
 * registration history and takes the conference lock first.
 */
@ApplicationScoped
public class OrganiserActions {

    /** An attendee whose bookings an agenda change makes overlap: they keep {@code kept} and lose {@code released}. */
    public record Overlap(Registration registration, SessionBooking kept, SessionBooking released) {
    }

    private final Places places;
    private final Bookings bookings;
    private final Waitlists waitlists;
    private final Cancellations cancellations;
    private final History history;
    private final Event<RegistrationNotice> noticeEvent;
    private final EntityManager em;
    private final OptionPlaces optionPlaces;
    private final Validator validator;
    private final Enrolment enrolment;

    OrganiserActions(Validator validator, Enrolment enrolment, Places places, Bookings bookings, Waitlists waitlists,
            Cancellations cancellations, History history, Event<RegistrationNotice> noticeEvent, EntityManager em,
            OptionPlaces optionPlaces) {
        this.optionPlaces = optionPlaces;
        this.places = places;
        this.bookings = bookings;
        this.waitlists = waitlists;
        this.cancellations = cancellations;
        this.history = history;
        this.noticeEvent = noticeEvent;
        this.em = em;
        this.validator = validator;
        this.enrolment = enrolment;
    }

    /** Locks the conference row for the rest of the transaction; call before changing its capacities or agenda. */
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
        waitlists.fillItems(conference.bookableItems().stream().map(item -> item.id).toList(), actor, notices);
        optionPlaces
                .fill(de.konferenzbuero.conference.QuestionOption.<de.konferenzbuero.conference.QuestionOption> list(
                        "question.conference.id = ?1", conference.id).stream().map(o -> o.id).toList(), notices);
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
        places.takeOrAdd(conference.id, registration.attendance);
        registration.status = RegistrationStatus.CONFIRMED;
        registration.waitlistSeq = null;
        history.record(registration, HistoryKind.PROMOTED_OUT_OF_ORDER, actor);
        waitlists.decideRequestedItems(registration, actor);
        Notices notices = new Notices();
        notices.add(RegistrationNotice.Kind.PROMOTED, registration);
        notices.fire(noticeEvent);
    }

    /**
     * Confirms a waitlisted booking ahead of the others; the item gets one more place for this person. A swap it takes
     * part in completes: the booking it replaces is released.
     */
    @Transactional
    public void promote(SessionBooking booking, String actor) {
        lock(booking.registration.conference);
        em.refresh(booking);
        if (booking.status != BookingStatus.WAITLISTED) {
            return;
        }
        places.takeOrAddItem(booking.item.id);
        Notices notices = new Notices();
        waitlists.handOn(bookings.grant(booking, HistoryKind.ITEM_PROMOTED_OUT_OF_ORDER, actor), actor, notices);
        notices.add(RegistrationNotice.Kind.ITEM_PROMOTED, booking.registration);
        notices.fire(noticeEvent);
    }

    /**
     * Registers someone by hand (e.g. from a phone call), also outside the registration window but not at a cancelled
     * conference; the capacity rule applies as for everyone.
     */
    @Transactional
    public Registration addByHand(Conference conference, SignUp in, String actor) {
        SignUpRules.checkAll(validator, conference, in, false);
        List<AgendaItem> items = SignUpRules.check(conference, in.attendance(), in.items());
        List<Answers.Checked> answers = SignUpRules.answers(conference, in, false);
        String email = EmailAddresses.normalise(in.email()).orElseThrow();
        if (Registration.findActive(conference, email).isPresent()) {
            throw new InvalidInput("email", Problem.EMAIL_TAKEN);
        }
        try {
            return enrolment.enrol(conference, in, email, items, answers, actor, ConsentChannel.ORGANISER, null);
        } catch (ConstraintViolationException e) {
            throw Registration.emailTakenOr(e);
        }
    }

    /**
     * After the places of a question's options were raised: the oldest waiting get the free places. The caller holds
     * the conference lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fillOptionPlaces(Question question) {
        Notices notices = new Notices();
        optionPlaces.fill(question.options.stream().map(o -> o.id).toList(), notices);
        notices.fire(noticeEvent);
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
        em.createNativeQuery(
                "update question_option set taken = 0 where question_id in (select id from question where conference_id = ?1)")
                .setParameter(1, conference.id).executeUpdate();
        em.createNativeQuery(
                """
                        with r as (update registration set contingent_id = null where conference_id = ?1 and contingent_id is not null)
                        update contingent set taken = 0 where conference_id = ?1
                        """)
                .setParameter(1, conference.id).executeUpdate();
        notices.fire(noticeEvent);
        return active.size();
    }

    /**
     * The attendees whose bookings would overlap if the conference's items had the times they have now in this
     * persistence context (changed, not yet saved): for the agenda editor to list before saving.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Overlap> overlaps(Conference conference) {
        List<Overlap> overlaps = new ArrayList<>();
        for (Registration registration : withSeveralBookings(conference)) {
            List<SessionBooking> kept = new ArrayList<>();
            for (SessionBooking b : inKeepingOrder(registration)) {
                SessionBooking conflict = kept.stream().filter(k -> k.item.overlaps(b.item) && !swapPair(k, b))
                        .findFirst().orElse(null);
                if (conflict == null) {
                    kept.add(b);
                } else {
                    overlaps.add(new Overlap(registration, conflict, b));
                }
            }
        }
        return overlaps;
    }

    /**
     * After items of the conference moved (their new times set in this transaction; the bookings' copies follow in the
     * database): where two bookings of one attendee now overlap, the one booked first (a held place before a waiting
     * one) stays and the other is released with a mail; its place goes to that item's waitlist. Never turns an overlap
     * into a swap. Everyone holding or waiting for a moved item is told, with new calendar files. The caller holds the
     * lock.
     *
     * @return how many attendees were told
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int itemsMoved(Conference conference, List<AgendaItem> moved, String actor) {
        em.flush();
        Notices notices = new Notices();
        List<Long> freed = new ArrayList<>();
        for (Overlap overlap : overlaps(conference)) {
            if (bookings.end(overlap.released(), HistoryKind.ITEM_CANCELLED, actor)) {
                freed.add(overlap.released().item.id);
            }
            notices.released(overlap.registration(), overlap.released().item, RegistrationNotice.Reason.OVERLAP);
        }
        em.flush();
        for (AgendaItem item : moved) {
            List<SessionBooking> told = SessionBooking.list("item = ?1 and status in ?2", item,
                    List.of(BookingStatus.CONFIRMED, BookingStatus.WAITLISTED, BookingStatus.REQUESTED));
            told.forEach(b -> notices.add(RegistrationNotice.Kind.AGENDA_CHANGED, b.registration));
        }
        waitlists.handOn(freed, actor, notices);
        int told = notices.count();
        notices.fire(noticeEvent);
        return told;
    }

    /**
     * Before an item is removed or stops being bookable: its bookings end, each attendee told by mail. The item's own
     * waitlist ends with them, so nobody moves up. The caller holds the lock.
     *
     * @return how many attendees were told
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelBookingsOf(AgendaItem item, String actor) {
        List<SessionBooking> active = SessionBooking.list("item = ?1 and status <> ?2 order by id", item,
                BookingStatus.CANCELLED);
        Notices notices = new Notices();
        int held = 0;
        for (SessionBooking booking : active) {
            em.refresh(booking);
            if (bookings.end(booking, HistoryKind.ITEM_CANCELLED, actor)) {
                held++;
            }
            notices.released(booking.registration, item, RegistrationNotice.Reason.WITHDRAWN);
        }
        em.flush();
        em.createNativeQuery("update agenda_item set taken = taken - ?2 where id = ?1").setParameter(1, item.id)
                .setParameter(2, held).executeUpdate();
        notices.fire(noticeEvent);
        return active.size();
    }

    /** Whether any registration of the conference in this mode is active (confirmed or waiting). */
    public static boolean hasActive(Conference conference, Attendance mode) {
        return Registration.count("conference = ?1 and attendance = ?2 and status <> ?3", conference, mode,
                RegistrationStatus.CANCELLED) > 0;
    }

    /** Whether the item has active bookings (held, waiting or wished for). */
    public static boolean hasBookings(AgendaItem item) {
        return SessionBooking.count("item = ?1 and status <> ?2", item, BookingStatus.CANCELLED) > 0;
    }

    /** Whether any active booking of the item is of a registration in another mode than {@code mode}. */
    public static boolean hasBookingsOutside(AgendaItem item, Attendance mode) {
        return SessionBooking.count("item = ?1 and status <> ?2 and registration.attendance <> ?3", item,
                BookingStatus.CANCELLED, mode) > 0;
    }

    private static List<Registration> withSeveralBookings(Conference conference) {
        return Registration.list("""
                select distinct r from Registration r join r.bookings b
                where r.conference = ?1 and r.status <> ?2 and b.status <> ?3
                  and (select count(o) from SessionBooking o where o.registration = r and o.status <> ?3) > 1
                order by r.id
                """, conference, RegistrationStatus.CANCELLED, BookingStatus.CANCELLED);
    }

    /** Held places first, then waiting and wished-for bookings; each in the order they were booked. */
    private static List<SessionBooking> inKeepingOrder(Registration registration) {
        return registration
                .activeBookings().stream().sorted(Comparator
                        .comparing((SessionBooking b) -> b.status != BookingStatus.CONFIRMED).thenComparing(b -> b.id))
                .toList();
    }

    private static boolean swapPair(SessionBooking a, SessionBooking b) {
        return a.replaces.contains(b) || b.replaces.contains(a);
    }
}
