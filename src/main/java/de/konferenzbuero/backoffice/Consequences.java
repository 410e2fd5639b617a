package de.konferenzbuero.backoffice;

import java.util.List;

/**
 * An agenda change would take bookings from attendees: overlapping bookings after a move (each keeps the one booked
 * first) or the bookings of an item that is removed or no longer bookable. Thrown, changing nothing, until the
 * organiser confirms; the editor lists what would happen.
 */
public class Consequences extends RuntimeException {

    /** One attendee's booking that the change would end, and the booking they keep instead (null if none). */
    public record Loss(String attendee, String email, String released, String kept) {
    }

    private final List<Loss> losses;

    public Consequences(List<Loss> losses) {
        super(losses.size() + " bookings would end");
        this.losses = List.copyOf(losses);
    }

    public List<Loss> losses() {
        return losses;
    }
}
