package de.konferenzbuero.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.MailMessages;
import de.konferenzbuero.Texts;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.qr.QrCodes;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationNotice;
import de.konferenzbuero.registration.RegistrationStatus;

/**
 * Turns every registration notice into a mail in the attendee's language, rendered and stored in the outbox in the same
 * transaction as the change. Calendar files go with every mail about a held or given-up place.
 */
@ApplicationScoped
public class RegistrationMails {

    static final String CHECKIN_QR_CID = "checkin-qr@konferenzbuero";

    private final Outbox outbox;
    private final MailsOfTransaction mailsOfTransaction;
    private final RegistrationCalendar calendar;
    private final String baseUrl;

    RegistrationMails(Outbox outbox, MailsOfTransaction mailsOfTransaction, RegistrationCalendar calendar,
            AppConfig config) {
        this.outbox = outbox;
        this.mailsOfTransaction = mailsOfTransaction;
        this.calendar = calendar;
        this.baseUrl = config.baseUrl();
    }

    void onNotice(@Observes RegistrationNotice notice) {
        Registration r = notice.registration();
        OutboxMessage mail = switch (notice.kind()) {
        case CONFIRMED -> send("confirmed", r, Emails::confirmed, m -> m.subject_confirmed(title(r)), true);
        case WAITLISTED -> send("waitlisted", r, Emails::waitlisted, m -> m.subject_waitlisted(title(r)), false);
        case PROMOTED -> send("promoted", r, Emails::promoted, m -> m.subject_promoted(title(r)), true);
        case ITEM_PROMOTED -> send("itemPromoted", r, Emails::itemPromoted, m -> m.subject_item_promoted(title(r)),
                true);
        case CHANGED -> send("changed", r, Emails::changed, m -> m.subject_changed(title(r)), true);
        case AGENDA_CHANGED -> send("agendaChanged", r, Emails::agendaChanged, m -> m.subject_agenda_changed(title(r)),
                true);
        case CANCELLED -> send("cancelled", r, Emails::cancelled, m -> m.subject_cancelled(title(r)), true);
        case CONFERENCE_CANCELLED -> send("conferenceCancelled", r, Emails::conferenceCancelled,
                m -> m.subject_conference_cancelled(title(r)), true);
        case ALREADY_REGISTERED -> send("alreadyRegistered", r, Emails::alreadyRegistered,
                m -> m.subject_already_registered(title(r)), false);
        };
        Long replaced = mailsOfTransaction.replace(r.id, mail.id);
        if (replaced != null) {
            OutboxMessage.deleteById(replaced);
        }
    }

    /** A message an organiser writes to attendees, in the attendee's mail layout; paragraphs split at blank lines. */
    public void organiserMessage(Registration r, String subject, String body) {
        List<String> paragraphs = List.of(body.strip().split("\\R\\s*\\R"));
        send("organiserMessage", r, view -> Emails.organiserMessage(view, subject, paragraphs), m -> subject, false);
    }

    /** The reminder before the conference; called by {@link Reminders}. */
    void remind(Registration r) {
        send("reminder", r, Emails::reminder, m -> m.subject_reminder(title(r)), true);
    }

    private OutboxMessage send(String template, Registration r, Function<MailView, TemplateInstance> mail,
            Function<MailMessages, String> subject, boolean withCalendar) {
        MailView view = view(r);
        Locale locale = Locale.forLanguageTag(r.locale);
        String html = render(mail.apply(view), locale, Variant.TEXT_HTML);
        String text = render(mail.apply(view), locale, Variant.TEXT_PLAIN);
        List<Attachment> attachments = new ArrayList<>(withCalendar ? calendar.attachments(r) : List.of());
        if (view.checkinQrCid() != null) {
            attachments.add(Attachment.inlineImage("einlass-qr.png", "image/png",
                    QrCodes.png(baseUrl + r.checkinPath(), 6), view.checkinQrCid()));
        }
        Conference c = r.conference;
        String replyTo = c.contactEmail != null ? c.contactEmail : c.organisation.contactEmail;
        return outbox.enqueue(new Outbox.Outgoing(template, r.id, r.email, replyTo, r.locale,
                subject.apply(Texts.mail(locale)), html, text, attachments));
    }

    private MailView view(Registration r) {
        List<MailView.ItemLine> items = r.activeBookings().stream()
                .map(b -> new MailView.ItemLine(b.item, b.status, b.waitlistPosition(), r.keptUntilSwap(b))).toList();
        String manageUrl = baseUrl + "/registrations/" + r.manageSecret;
        boolean onlineAccess = r.status == RegistrationStatus.CONFIRMED && r.attendance == Attendance.ONLINE;
        boolean checkIn = r.status == RegistrationStatus.CONFIRMED && r.attendance == Attendance.ON_SITE;
        return new MailView(r, r.conference, items, r.waitlistPosition(), manageUrl, manageUrl + "/calendar.ics",
                onlineAccess ? r.conference.onlineAccessLink : null, checkIn ? CHECKIN_QR_CID : null);
    }

    private static String render(TemplateInstance template, Locale locale, String contentType) {
        return template.setLocale(locale)
                .setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType)).render();
    }

    private static String title(Registration r) {
        return r.conference.title;
    }
}
