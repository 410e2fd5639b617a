package de.konferenzbuero.calendar;

import java.time.Instant;
import java.util.Objects;

/**
 * One calendar entry: the conference itself or one booked workshop or excursion.
 *
 * @param uid
 *            stable per registration and item (e.g. {@code registration-42-item-7@konferenzbuero.de}), so a later
 *            change or cancellation replaces this very entry in the attendee's calendar
 * @param start
 *            required
 * @param end
 *            required, after {@code start}
 * @param summary
 *            the title, required
 * @param description
 *            plain text, may contain line breaks and the manage link; optional
 * @param location
 *            venue or room; optional (online conferences have none)
 * @param url
 *            an absolute link, e.g. the conference page; optional
 */
public record CalendarEvent(String uid, Instant start, Instant end, String summary, String description, String location,
        String url) {

    public CalendarEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(summary, "summary");
        if (uid.isBlank()) {
            throw new IllegalArgumentException("uid must not be blank");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " must be after start " + start);
        }
    }
}
