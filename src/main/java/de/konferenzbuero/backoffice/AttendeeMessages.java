package de.konferenzbuero.backoffice;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.mail.OutboxStatus;
import de.konferenzbuero.mail.RegistrationMails;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.BookingStatus;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;

/** Organisers write to their attendees through the outbox, and see and retry the mails that could not be sent. */
@ApplicationScoped
public class AttendeeMessages {

    /**
     * Who receives a message: confirmed or waitlisted registrations, those booked for an item, and after the event
     * those who attended (checked in, or marked as attended), did not, or attended and booked an item.
     */
    public enum Audience {
        CONFIRMED, WAITLISTED, ITEM, CHECKED_IN, NOT_CHECKED_IN, ITEM_CHECKED_IN;

        boolean needsItem() {
            return this == ITEM || this == ITEM_CHECKED_IN;
        }

        /** Whether the registration belongs to this audience; those booked for an item must hold its place. */
        boolean takes(Registration r, Long itemId) {
            return switch (this) {
            case CHECKED_IN -> r.checkedInAt != null;
            case ITEM_CHECKED_IN -> r.checkedInAt != null && r.activeBookings().stream()
                    .anyMatch(b -> b.item.id.equals(itemId) && b.status == BookingStatus.CONFIRMED);
            case NOT_CHECKED_IN -> r.checkedInAt == null;
            default -> true;
            };
        }
    }

    private final RegistrationAdmin registrations;
    private final RegistrationMails mails;
    private final Audit audit;

    AttendeeMessages(RegistrationAdmin registrations, RegistrationMails mails, Audit audit) {
        this.registrations = registrations;
        this.mails = mails;
        this.audit = audit;
    }

    /** Queues the message for every recipient; returns how many. */
    @Transactional
    public int send(Organiser organiser, long conferenceId, Audience audience, Long itemId, String subject,
            String body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (audience == null || audience.needsItem() && itemId == null) {
            problems.add(new FieldProblem("audience", Problem.REQUIRED));
        }
        Checks.text(problems, "subject", subject, 200);
        Checks.text(problems, "body", body, 20000);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        RegistrationAdmin.Filter filter = new RegistrationAdmin.Filter(null,
                audience == Audience.WAITLISTED ? RegistrationStatus.WAITLISTED : RegistrationStatus.CONFIRMED, null,
                audience.needsItem() ? itemId : null);
        List<Registration> recipients = registrations.all(organiser, conferenceId, filter).stream()
                .filter(r -> audience.takes(r, itemId)).toList();
        for (Registration r : recipients) {
            mails.organiserMessage(r, subject.strip(), body);
        }
        audit.record(organiser.email, conferenceId, "CONFERENCE", conferenceId, "message sent",
                recipients.size() + " × " + subject.strip());
        return recipients.size();
    }

    /** Mails of this conference that were given up after all attempts. */
    public List<OutboxMessage> failed(Organiser organiser, long conferenceId) {
        return OutboxMessage.list(
                "status = ?1 and registrationId in (select r.id from Registration r"
                        + " where r.conference.id = ?2) order by id desc",
                OutboxStatus.DEAD, registrations.conferenceOf(organiser, conferenceId).id);
    }

    public long pending(Organiser organiser, long conferenceId) {
        return OutboxMessage.count(
                "status = ?1 and registrationId in (select r.id from Registration r" + " where r.conference.id = ?2)",
                OutboxStatus.PENDING, registrations.conferenceOf(organiser, conferenceId).id);
    }

    /** Sends a given-up mail again from the start. */
    @Transactional
    public void retry(Organiser organiser, long conferenceId, long mailId) {
        OutboxMessage mail = failed(organiser, conferenceId).stream().filter(m -> m.id.equals(mailId)).findFirst()
                .orElseThrow(NotYours::new);
        OutboxMessage managed = OutboxMessage.findById(mail.id);
        managed.status = OutboxStatus.PENDING;
        managed.attempts = 0;
        managed.nextAttemptAt = java.time.Instant.now();
        managed.lastError = null;
        audit.record(organiser.email, conferenceId, "MAIL", mailId, "retried", mail.recipient);
    }
}
