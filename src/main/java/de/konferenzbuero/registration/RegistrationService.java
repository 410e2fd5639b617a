package de.konferenzbuero.registration;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.RegistrationState;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;

/**
 * What attendees do with their registration through the private manage link: look at it, change items or attendance
 * mode, cancel. Every change locks the conference row first and hands freed places on.
 */
@ApplicationScoped
public class RegistrationService {

    static final String ATTENDEE = "attendee";

    private final Places places;
    private final Waitlists waitlists;
    private final Cancellations cancellations;
    private final History history;
    private final Event<RegistrationNotice> noticeEvent;
    private final EntityManager em;
    private final Clock clock;

    RegistrationService(Places places, Waitlists waitlists, Cancellations cancellations, History history,
            Event<RegistrationNotice> noticeEvent, EntityManager em, Clock clock) {
        this.places = places;
        this.waitlists = waitlists;
        this.cancellations = cancellations;
        this.history = history;
        this.noticeEvent = noticeEvent;
        this.em = em;
        this.clock = clock;
    }

    /** The registration behind a manage link (read only; lazy parts load while the request lasts). */
    public Registration find(String secret) {
        if (!ManageSecret.looksValid(secret)) {
            throw new UnknownRegistration();
        }
        return Registration.findBySecret(secret).orElseThrow(UnknownRegistration::new);
    }

    /**
     * Replaces the booked items with {@code itemIds}. A new item is granted at once if it has a place, else the
     * attendee joins its waitlist and keeps an overlapping item they hold until the new one is granted.
     */
    @Transactional
    public Registration changeItems(String secret, List<Long> itemIds) {
        Registration registration = lockAndLoad(secret);
        requireOpen(registration.conference);
        List<AgendaItem> wanted = SignUpRules.check(registration.conference, registration.attendance, itemIds);
        Map<Long, SessionBooking> current = registration.activeBookings().stream()
                .collect(Collectors.toMap(b -> b.item.id, Function.identity()));
        Set<Long> wantedIds = wanted.stream().map(item -> item.id).collect(Collectors.toSet());
        if (current.keySet().equals(wantedIds)) {
            return registration;
        }
        Notices notices = new Notices();
        for (AgendaItem item : wanted) {
            if (!current.containsKey(item.id)) {
                book(registration, item);
            }
        }
        List<SessionBooking> waiting = registration.activeBookings().stream()
                .filter(b -> b.status == BookingStatus.WAITLISTED).toList();
        List<SessionBooking> dropped = registration.activeBookings().stream()
                .filter(b -> !wantedIds.contains(b.item.id)).sorted(Comparator.comparing(b -> b.item.id)).toList();
        for (SessionBooking booking : dropped) {
            boolean fallback = booking.status == BookingStatus.CONFIRMED
                    && waiting.stream().anyMatch(w -> w.item.overlaps(booking.item));
            if (!fallback) {
                cancellations.cancelBooking(booking, ATTENDEE, notices);
            }
        }
        notices.add(RegistrationNotice.Kind.CHANGED, registration);
        notices.fire(noticeEvent);
        return registration;
    }

    /** Switches between on-site and online at a hybrid conference, if the other mode has a place. */
    @Transactional
    public Registration changeAttendance(String secret, Attendance attendance) {
        Registration registration = lockAndLoad(secret);
        Conference conference = registration.conference;
        requireOpen(conference);
        if (attendance == null || !conference.format.offers(attendance)) {
            throw new InvalidInput("attendance", Problem.ATTENDANCE_NOT_OFFERED);
        }
        if (attendance == registration.attendance) {
            return registration;
        }
        Notices notices = new Notices();
        Attendance previous = registration.attendance;
        if (registration.status == RegistrationStatus.CONFIRMED) {
            if (!places.tryTake(conference.id, attendance)) {
                throw new InvalidInput("attendance", Problem.ATTENDANCE_FULL);
            }
            registration.attendance = attendance;
            history.record(registration, HistoryKind.ATTENDANCE_CHANGED, ATTENDEE);
            places.release(conference.id, previous);
            waitlists.fillConference(conference.id, previous, ATTENDEE, notices);
        } else {
            registration.attendance = attendance;
            history.record(registration, HistoryKind.ATTENDANCE_CHANGED, ATTENDEE);
            if (places.tryTake(conference.id, attendance)) {
                registration.status = RegistrationStatus.CONFIRMED;
                registration.waitlistSeq = null;
                history.record(registration, HistoryKind.PROMOTED, ATTENDEE);
                waitlists.decideRequestedItems(registration, ATTENDEE);
            } else {
                registration.waitlistSeq = places.nextWaitlistSeq();
            }
        }
        notices.add(RegistrationNotice.Kind.CHANGED, registration);
        notices.fire(noticeEvent);
        return registration;
    }

    /** Cancels the registration and its bookings; the freed places go to the next in line. */
    @Transactional
    public Registration cancel(String secret) {
        Registration registration = lockAndLoad(secret);
        if (!registration.isActive()) {
            return registration;
        }
        Conference conference = registration.conference;
        if (!conference.isVisible() || conference.isCancelled() || !clock.instant().isBefore(conference.startsAt)) {
            throw new RegistrationClosed(conference.registrationState(clock.instant()));
        }
        Notices notices = new Notices();
        cancellations.cancel(registration, ATTENDEE, notices);
        notices.fire(noticeEvent);
        return registration;
    }

    private void book(Registration registration, AgendaItem item) {
        SessionBooking booking = new SessionBooking();
        booking.registration = registration;
        booking.item = item;
        if (registration.status != RegistrationStatus.CONFIRMED) {
            booking.status = BookingStatus.REQUESTED;
        } else if (places.tryTakeItem(item.id)) {
            booking.status = BookingStatus.CONFIRMED;
        } else {
            booking.status = BookingStatus.WAITLISTED;
            booking.waitlistSeq = places.nextWaitlistSeq();
        }
        booking.persist();
        registration.bookings.add(booking);
        history.record(booking, HistoryKind.valueOf("ITEM_" + booking.status.name()), ATTENDEE);
    }

    /** Locks the registration's conference, then loads the registration as it is now. */
    private Registration lockAndLoad(String secret) {
        if (!ManageSecret.looksValid(secret)) {
            throw new UnknownRegistration();
        }
        List<?> conferenceIds = em.createNativeQuery("select conference_id from registration where manage_secret = ?1")
                .setParameter(1, secret).getResultList();
        if (conferenceIds.isEmpty()) {
            throw new UnknownRegistration();
        }
        places.lockConference(((Number) conferenceIds.get(0)).longValue());
        return Registration.findBySecret(secret).orElseThrow(UnknownRegistration::new);
    }

    private void requireOpen(Conference conference) {
        RegistrationState state = conference.registrationState(clock.instant());
        if (!state.isOpen()) {
            throw new RegistrationClosed(state);
        }
    }
}
