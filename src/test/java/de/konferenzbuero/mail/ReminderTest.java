package de.konferenzbuero.mail;

import static de.konferenzbuero.Attendees.signUp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;

/** Confirmed attendees get one reminder a few days before the start; waitlisted ones and later runs get none. */
@QuarkusTest
class ReminderTest {

    @Inject
    Reminders reminders;

    @Test
    void oneReminderPerConfirmedRegistrationWithinTheWindow() {
        Conference soon = TestConferences.create("reminder-soon", c -> {
            c.onsiteCapacity = 1;
            c.startsAt = Instant.now().plus(Duration.ofDays(2));
            c.endsAt = c.startsAt.plus(Duration.ofHours(6));
        });
        Conference later = TestConferences.create("reminder-later", c -> {
            c.startsAt = Instant.now().plus(Duration.ofDays(20));
            c.endsAt = c.startsAt.plus(Duration.ofHours(6));
        });
        signUp(soon.slug, "in@reminder.example", "ON_SITE", "en");
        signUp(soon.slug, "waiting@reminder.example");
        signUp(later.slug, "later@reminder.example");

        reminders.remindDue();
        reminders.remindDue();

        assertThat(templates("in@reminder.example")).containsExactly("confirmed", "reminder");
        assertThat(templates("waiting@reminder.example")).containsExactly("waitlisted");
        assertThat(templates("later@reminder.example")).containsExactly("confirmed");
        OutboxMessage reminder = QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage> find("recipient = ?1 and template = 'reminder'", "in@reminder.example").firstResult());
        assertThat(reminder.subject).startsWith("Reminder:");
        assertThat(reminder.text).contains("starts in a few days");
        assertThat(reminder.attachments).extracting(Attachment::name).contains("konferenz.ics", "einlass-qr.png");
    }

    private static java.util.List<String> templates(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage
                .<OutboxMessage> list("recipient = ?1 order by id", email).stream().map(m -> m.template).toList());
    }
}
