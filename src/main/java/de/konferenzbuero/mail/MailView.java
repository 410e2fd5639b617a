package de.konferenzbuero.mail;

import java.util.List;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.registration.BookingStatus;
import de.konferenzbuero.registration.Registration;

/**
 * What a registration mail shows: the registration, its conference, the booked items as they stand, and the absolute
 * links. {@code confirmUrl} is set while the address awaits confirmation (double opt-in), {@code offerUrl} while a
 * place offered from the waitlist (of the conference, or of an item or option, then until {@code placeOfferEnds}) waits
 * to be accepted or declined. {@code accessLink} is set only for confirmed online attendees; {@code notes} mention what
 * else the same change did (a released item, a place in an item, moved times).
 */
public record MailView(Registration registration, Conference conference, List<ItemLine> items, long position,
        String manageUrl, String confirmUrl, String offerUrl, String calendarUrl, String accessLink,
        String checkinQrCid, List<String> notes, java.time.Instant placeOfferEnds) {

    /**
     * A booked item and where it stands; {@code position} is 0 unless waitlisted, {@code offerEnds} is set while its
     * place is offered to the attendee.
     */
    public record ItemLine(AgendaItem item, BookingStatus status, long position, boolean keptUntilSwap,
            java.time.Instant offerEnds) {

        public boolean confirmed() {
            return status == BookingStatus.CONFIRMED;
        }

        public boolean waitlisted() {
            return status == BookingStatus.WAITLISTED;
        }
    }

    public boolean confirmed() {
        return registration.status == de.konferenzbuero.registration.RegistrationStatus.CONFIRMED;
    }

    /** Holds a place offered from the waitlist, not accepted yet. */
    public boolean offered() {
        return registration.hasOffer();
    }

    public boolean waitlisted() {
        return registration.status == de.konferenzbuero.registration.RegistrationStatus.WAITLISTED;
    }

    /** Waits for the organisers' approval, holding no place. */
    public boolean pending() {
        return registration.isPending();
    }

    public boolean onSite() {
        return registration.attendance == de.konferenzbuero.conference.Attendance.ON_SITE;
    }
}
