package de.konferenzbuero.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
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
import de.konferenzbuero.registration.RegistrationNotice.Kind;

/**
 * Turns every registration notice into a mail in the attendee's language, stored in the outbox in the same transaction
 * as the change: rendered there, except the mail of a sign-up, which is rendered after it (see {@link #fillIn}).
 * Calendar files go with every mail about a held or given-up place.
 */
@ApplicationScoped
public class RegistrationMails {

    static final String CHECKIN_QR_CID = "checkin-qr@konferenzbuero";

    /** Mails after the event: no check-in code goes with them. */
    private static final java.util.Set<String> AFTER_THE_EVENT = java.util.Set.of("thankYou", "missedYou");

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

    /**
     * The mail for each kind of notice: its template name, its template, its subject and whether calendar files go with
     * it.
     */
    private record Mail(String template, Function<MailView, TemplateInstance> render,
            BiFunction<MailMessages, String, String> subject, boolean withCalendar) {
    }

    private static final Map<RegistrationNotice.Kind, Mail> MAILS = Map.ofEntries(
            Map.entry(Kind.CONFIRMED, new Mail("confirmed", Emails::confirmed, MailMessages::subject_confirmed, true)),
            Map.entry(Kind.WAITLISTED,
                    new Mail("waitlisted", Emails::waitlisted, MailMessages::subject_waitlisted, false)),
            Map.entry(Kind.PENDING, new Mail("pending", Emails::pending, MailMessages::subject_pending, false)),
            Map.entry(Kind.APPROVED, new Mail("approved", Emails::approved, MailMessages::subject_approved, true)),
            Map.entry(Kind.REJECTED, new Mail("rejected", Emails::rejected, MailMessages::subject_rejected, false)),
            Map.entry(Kind.PROMOTED, new Mail("promoted", Emails::promoted, MailMessages::subject_promoted, true)),
            Map.entry(Kind.OFFERED, new Mail("offered", Emails::offered, MailMessages::subject_offered, false)),
            Map.entry(Kind.OFFER_EXPIRED,
                    new Mail("offerExpired", Emails::offerExpired, MailMessages::subject_offer_expired, false)),
            Map.entry(Kind.ITEM_PROMOTED,
                    new Mail("itemPromoted", Emails::itemPromoted, MailMessages::subject_item_promoted, true)),
            Map.entry(Kind.ITEM_OFFERED,
                    new Mail("itemOffered", Emails::itemOffered, MailMessages::subject_item_offered, false)),
            Map.entry(Kind.ITEM_OFFER_EXPIRED,
                    new Mail("itemOfferExpired", Emails::itemOfferExpired, MailMessages::subject_item_offer_expired,
                            true)),
            Map.entry(Kind.CHANGED, new Mail("changed", Emails::changed, MailMessages::subject_changed, true)),
            Map.entry(Kind.AGENDA_CHANGED,
                    new Mail("agendaChanged", Emails::agendaChanged, MailMessages::subject_agenda_changed, true)),
            Map.entry(Kind.ITEM_RELEASED,
                    new Mail("itemReleased", Emails::itemReleased, MailMessages::subject_item_released, true)),
            Map.entry(Kind.CANCELLED, new Mail("cancelled", Emails::cancelled, MailMessages::subject_cancelled, true)),
            Map.entry(Kind.CONFERENCE_CANCELLED,
                    new Mail("conferenceCancelled", Emails::conferenceCancelled,
                            MailMessages::subject_conference_cancelled, true)),
            Map.entry(Kind.YOUR_LINK, new Mail("yourLink", Emails::yourLink, MailMessages::subject_your_link, false)),
            Map.entry(Kind.NEW_LINK, new Mail("newLink", Emails::newLink, MailMessages::subject_new_link, false)),
            Map.entry(Kind.ALREADY_REGISTERED, new Mail("alreadyRegistered", Emails::alreadyRegistered,
                    MailMessages::subject_already_registered, false)));

    /** The first mail of a sign-up that must confirm its address: the link, no calendar files yet. */
    private static final Mail CONFIRM_ADDRESS = new Mail("confirmAddress", Emails::confirmAddress,
            MailMessages::subject_confirm_address, false);

    void onNotice(@Observes RegistrationNotice fired) {
        RegistrationNotice notice = mailsOfTransaction.merged(fired);
        if (notice.kind() == Kind.HOLD_EXPIRED) {
            return; // an address never confirmed gets no mail
        }
        Registration r = notice.registration();
        boolean signedUp = notice.kind() == Kind.CONFIRMED || notice.kind() == Kind.WAITLISTED
                || notice.kind() == Kind.PENDING;
        Function<MailMessages, List<String>> notes = notes(notice);
        OutboxMessage mail;
        if (signedUp && notes.apply(Texts.mail(Locale.GERMAN)).isEmpty()) {
            mail = storeToRender(r);
        } else {
            Mail kind = signedUp && r.awaitsConfirmation() ? CONFIRM_ADDRESS : MAILS.get(notice.kind());
            mail = outbox.enqueue(compose(kind, r, notes));
        }
        Long replaced = mailsOfTransaction.replace(notice, mail.id);
        if (replaced != null) {
            OutboxMessage.deleteById(replaced);
        }
    }

    /**
     * The mail of a sign-up, the hot path, is stored without its bodies: it is rendered after the sign-up's
     * transaction, by the dispatcher that claims it ({@link #fillIn}), so neither the sign-up nor its conference lock
     * waits for templates, calendar files and the QR code.
     */
    private OutboxMessage storeToRender(Registration r) {
        Mail kind = signUpMail(r);
        return outbox.enqueue(new Outbox.Outgoing(kind.template(), r.id, r.email, replyTo(r), r.locale,
                kind.subject().apply(Texts.mail(Locale.forLanguageTag(r.locale)), title(r)), null, null, List.of()));
    }

    /** The mail about a sign-up as the registration stands: confirm the address first, else where it stands. */
    private static Mail signUpMail(Registration r) {
        if (r.awaitsConfirmation()) {
            return CONFIRM_ADDRESS;
        }
        return MAILS.get(switch (r.status) {
        case PENDING -> Kind.PENDING;
        case WAITLISTED -> Kind.WAITLISTED;
        default -> Kind.CONFIRMED;
        });
    }

    /**
     * Renders a mail stored without its bodies (a sign-up's), from the registration as it is now, in the caller's
     * transaction: the dispatcher calls it for a mail it claimed, so each is rendered once, by one instance. When the
     * registration has ended in the meantime, its own mail says so and this one is removed: null.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage fillIn(long mailId) {
        OutboxMessage mail = OutboxMessage.findById(mailId);
        if (mail == null || mail.html != null) {
            return mail;
        }
        Registration r = mail.registrationId == null ? null : Registration.findById(mail.registrationId);
        if (r == null || !r.status.isActive() || r.anonymisedAt != null) {
            Log.infof("Mail %d (%s) not sent: its registration ended before the mail was rendered", mail.id,
                    mail.template);
            mail.delete();
            return null;
        }
        Outbox.fill(mail, compose(signUpMail(r), r, m -> List.of()));
        return mail;
    }

    /** What else the change did, besides what the mail is about. */
    private static Function<MailMessages, List<String>> notes(RegistrationNotice notice) {
        return m -> {
            List<String> notes = new ArrayList<>();
            for (RegistrationNotice.Release release : notice.released()) {
                notes.add(release.reason() == RegistrationNotice.Reason.OVERLAP
                        ? m.note_item_released(release.item().title) : m.note_item_withdrawn(release.item().title));
            }
            if (notice.kind() != RegistrationNotice.Kind.ITEM_PROMOTED
                    && notice.kinds().contains(RegistrationNotice.Kind.ITEM_PROMOTED)) {
                notes.add(m.note_item_promoted());
            }
            if (notice.kind() != RegistrationNotice.Kind.AGENDA_CHANGED
                    && notice.kinds().contains(RegistrationNotice.Kind.AGENDA_CHANGED)) {
                notes.add(m.note_agenda_changed());
            }
            return notes;
        };
    }

    /** The template of the mails organisers write to the attendees of a conference. */
    static final String ORGANISER_MESSAGE = "organiserMessage";

    /** A message an organiser writes to attendees, in the attendee's mail layout; paragraphs split at blank lines. */
    public void organiserMessage(Registration r, String subject, String body) {
        List<String> paragraphs = List.of(body.strip().split("\\R\\s*\\R"));
        send(ORGANISER_MESSAGE, r, view -> Emails.organiserMessage(view, subject, paragraphs), m -> subject, false,
                m -> List.of());
    }

    /**
     * The thank-you mail after the event to someone who attended, with the links to their certificate and the survey
     * where they have them, and to the documentation where the organisers gave one.
     */
    public void thankYou(Registration r, boolean certificate, boolean feedback) {
        String manage = baseUrl + "/registrations/" + r.manageSecret;
        send("thankYou", r,
                view -> Emails.thankYou(view, certificate ? manage + "/certificate.pdf" : null,
                        feedback ? manage + "/feedback" : null, r.conference.documentationUrl),
                m -> Texts.after(Locale.forLanguageTag(r.locale)).thanks_subject(title(r)), false, m -> List.of());
    }

    /** The mail after the event to someone who had a place but did not come. */
    public void missedYou(Registration r) {
        send("missedYou", r, view -> Emails.missedYou(view, r.conference.documentationUrl),
                m -> Texts.after(Locale.forLanguageTag(r.locale)).missed_subject(title(r)), false, m -> List.of());
    }

    /** The reminder before the conference; called by {@link Reminders}. */
    void remind(Registration r) {
        send("reminder", r, Emails::reminder, m -> m.subject_reminder(title(r)), true, m -> List.of());
    }

    private OutboxMessage send(String template, Registration r, Function<MailView, TemplateInstance> mail,
            Function<MailMessages, String> subject, boolean withCalendar, Function<MailMessages, List<String>> notes) {
        return outbox.enqueue(compose(template, r, mail, subject, withCalendar, notes));
    }

    /** A mail about where a registration stands; calendar files only once the address is confirmed. */
    private Outbox.Outgoing compose(Mail kind, Registration r, Function<MailMessages, List<String>> notes) {
        return compose(kind.template(), r, kind.render(), m -> kind.subject().apply(m, title(r)),
                kind.withCalendar() && !r.awaitsConfirmation(), notes);
    }

    private Outbox.Outgoing compose(String template, Registration r, Function<MailView, TemplateInstance> mail,
            Function<MailMessages, String> subject, boolean withCalendar, Function<MailMessages, List<String>> notes) {
        Locale locale = Locale.forLanguageTag(r.locale);
        MailView view = view(r, notes.apply(Texts.mail(locale)));
        String html = render(mail.apply(view), locale, Variant.TEXT_HTML);
        String text = render(mail.apply(view), locale, Variant.TEXT_PLAIN);
        List<Attachment> attachments = new ArrayList<>(withCalendar ? calendar.attachments(r) : List.of());
        if (view.checkinQrCid() != null && !AFTER_THE_EVENT.contains(template)) {
            attachments.add(Attachment.inlineImage("einlass-qr.png", "image/png",
                    QrCodes.png(baseUrl + r.checkinPath(), 6), view.checkinQrCid()));
        }
        return new Outbox.Outgoing(template, r.id, r.email, replyTo(r), r.locale, subject.apply(Texts.mail(locale)),
                html, text, attachments);
    }

    private static String replyTo(Registration r) {
        Conference c = r.conference;
        return c.contactEmail != null ? c.contactEmail : c.organisation.contactEmail;
    }

    private MailView view(Registration r, List<String> notes) {
        List<MailView.ItemLine> items = r.activeBookings().stream().map(b -> new MailView.ItemLine(b.item, b.status,
                b.waitlistPosition(), r.keptUntilSwap(b), b.hasOffer() ? b.offerExpiresAt : null)).toList();
        String manageUrl = baseUrl + "/registrations/" + r.manageSecret;
        boolean placeIsTheirs = r.placeIsTheirs();
        java.time.Instant placeOfferEnds = r.placeOfferEnds();
        boolean onlineAccess = placeIsTheirs && r.attendance == Attendance.ONLINE;
        boolean checkIn = placeIsTheirs && r.attendance == Attendance.ON_SITE;
        return new MailView(r, r.conference, items, r.waitlistPosition(), manageUrl,
                r.awaitsConfirmation() ? manageUrl + "/confirm" : null,
                r.hasOffer() || placeOfferEnds != null ? manageUrl + "/offer" : null, manageUrl + "/calendar.ics",
                onlineAccess ? r.conference.onlineAccessLink : null, checkIn ? CHECKIN_QR_CID : null, notes,
                placeOfferEnds);
    }

    private static String render(TemplateInstance template, Locale locale, String contentType) {
        return template.setLocale(locale)
                .setAttribute(TemplateInstance.SELECTED_VARIANT, Variant.forContentType(contentType)).render();
    }

    private static String title(Registration r) {
        return r.conference.title;
    }
}
