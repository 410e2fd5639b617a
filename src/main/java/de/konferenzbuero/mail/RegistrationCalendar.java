package de.konferenzbuero.mail;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.calendar.CalendarAttendee;
import de.konferenzbuero.calendar.CalendarEvent;
import de.konferenzbuero.calendar.CalendarFile;
import de.konferenzbuero.calendar.CalendarOrganizer;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.ConferenceCalendar;
import de.konferenzbuero.registration.BookingStatus;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;
import de.konferenzbuero.registration.SessionBooking;

/**
 * Calendar files for one registration: the conference and every confirmed item (not one only offered), each with a UID
 * stable per registration and item and the registration's change count as SEQUENCE. One file per entry, because
 * calendar programs (Outlook above all) take only the first entry of an invitation carrying several.
 */
@ApplicationScoped
public class RegistrationCalendar {

    private final String baseUrl;
    private final String host;
    private final ConferenceCalendar conferenceCalendar;

    RegistrationCalendar(AppConfig config, ConferenceCalendar conferenceCalendar) {
        this.baseUrl = config.baseUrl();
        this.host = URI.create(config.baseUrl()).getHost();
        this.conferenceCalendar = conferenceCalendar;
    }

    /** Invitations for what the attendee holds now, plus cancellations for items they no longer hold. */
    public List<Attachment> attachments(Registration r) {
        List<Attachment> files = new ArrayList<>();
        if (r.status == RegistrationStatus.CONFIRMED) {
            files.add(request(r, conferenceEvent(r), "konferenz.ics"));
            for (SessionBooking b : r.activeBookings()) {
                if (b.status == BookingStatus.CONFIRMED && !b.hasOffer()) {
                    files.add(request(r, itemEvent(r, b.item), "programmpunkt-" + b.item.id + ".ics"));
                }
            }
        }
        Set<Long> held = r.status == RegistrationStatus.CONFIRMED
                ? r.activeBookings().stream().filter(b -> b.status == BookingStatus.CONFIRMED && !b.hasOffer())
                        .map(b -> b.item.id).collect(Collectors.toSet())
                : Set.of();
        if (r.status == RegistrationStatus.CANCELLED) {
            files.add(cancel(r, conferenceEvent(r), "konferenz-abgesagt.ics"));
        }
        r.bookings.stream().map(b -> b.item).distinct().filter(item -> !held.contains(item.id))
                .filter(item -> wasInCalendar(r, item)).forEach(
                        item -> files.add(cancel(r, itemEvent(r, item), "programmpunkt-" + item.id + "-abgesagt.ics")));
        return files;
    }

    /** All confirmed entries in one file, for the download on the manage page. */
    public String download(Registration r) {
        List<CalendarEvent> events = new ArrayList<>();
        events.add(conferenceEvent(r));
        r.activeBookings().stream().filter(b -> b.status == BookingStatus.CONFIRMED && !b.hasOffer())
                .forEach(b -> events.add(itemEvent(r, b.item)));
        return CalendarFile.publish(organizer(r.conference), r.changeCount, events);
    }

    private boolean wasInCalendar(Registration r, AgendaItem item) {
        return r.bookings.stream().anyMatch(b -> b.item.id.equals(item.id) && b.status == BookingStatus.CANCELLED);
    }

    private Attachment request(Registration r, CalendarEvent event, String name) {
        return new Attachment(name, CalendarFile.MEDIA_TYPE_REQUEST,
                CalendarFile.request(organizer(r.conference), attendee(r), r.changeCount, List.of(event)));
    }

    private Attachment cancel(Registration r, CalendarEvent event, String name) {
        return new Attachment(name, CalendarFile.MEDIA_TYPE_CANCEL,
                CalendarFile.cancel(organizer(r.conference), attendee(r), Math.max(1, r.changeCount), List.of(event)));
    }

    private CalendarEvent conferenceEvent(Registration r) {
        Conference c = r.conference;
        String location = c.format.hasVenue() && r.attendance == de.konferenzbuero.conference.Attendance.ON_SITE
                ? c.venue.name + ", " + c.venue.address() : "Online";
        return new CalendarEvent("registration-" + r.id + "@" + host, c.startsAt, c.endsAt, c.title, manageHint(r),
                location, baseUrl + "/conferences/" + c.slug);
    }

    private CalendarEvent itemEvent(Registration r, AgendaItem item) {
        return new CalendarEvent("registration-" + r.id + "-item-" + item.id + "@" + host, item.startsAt, item.endsAt,
                item.title + " – " + r.conference.title, manageHint(r), item.location,
                baseUrl + "/conferences/" + r.conference.slug);
    }

    /**
     * Where the attendee manages the registration: the mail, never the link itself, as calendar entries are shared,
     * synced and forwarded.
     */
    private static String manageHint(Registration r) {
        return de.konferenzbuero.Texts.mail(java.util.Locale.forLanguageTag(r.locale)).calendar_manage_hint();
    }

    private CalendarOrganizer organizer(Conference c) {
        return conferenceCalendar.organizer(c);
    }

    private static CalendarAttendee attendee(Registration r) {
        return new CalendarAttendee(r.fullName(), r.email);
    }
}
