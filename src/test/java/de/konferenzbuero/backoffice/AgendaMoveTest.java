package de.konferenzbuero.backoffice;

import static de.konferenzbuero.Attendees.signUp;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.organisation.Organiser;

/** Reordering the agenda: an item changes places with its neighbour of the same day, lengths and gap kept. */
@QuarkusTest
class AgendaMoveTest {

    @Inject
    AgendaEditing agenda;

    @Test
    void anItemMovesEarlierAndBookedAttendeesAreTold() {
        Conference c = TestConferences.create("agenda-move", conf -> {
            // 10:00 in Berlin: moving within the day must not depend on the time the test runs
            conf.startsAt = java.time.LocalDate.now(de.konferenzbuero.EventTime.ZONE).plusDays(28).atTime(10, 0)
                    .atZone(de.konferenzbuero.EventTime.ZONE).toInstant();
            conf.endsAt = conf.startsAt.plus(Duration.ofHours(7));
        });
        AgendaItem talk = TestConferences.addItem(c, "Vortrag", AgendaItemKind.TALK, c.startsAt, Duration.ofMinutes(30),
                null);
        AgendaItem workshop = TestConferences.addItem(c, "Workshop", AgendaItemKind.WORKSHOP,
                c.startsAt.plus(Duration.ofMinutes(45)), Duration.ofMinutes(90), 10);
        signUp(c.slug, "booked@move.example", workshop.id);

        QuarkusTransaction.requiringNew().run(() -> agenda.move(organiser(), c.id, workshop.id, true, false));

        java.time.Instant start = c.startsAt;
        QuarkusTransaction.requiringNew().run(() -> {
            AgendaItem w = AgendaItem.findById(workshop.id);
            AgendaItem t = AgendaItem.findById(talk.id);
            assertThat(w.startsAt).isEqualTo(start);
            assertThat(w.endsAt).isEqualTo(start.plus(Duration.ofMinutes(90)));
            assertThat(t.startsAt).isEqualTo(start.plus(Duration.ofMinutes(105)));
            assertThat(t.endsAt).isEqualTo(start.plus(Duration.ofMinutes(135)));
            assertThat(OutboxMessage.count("recipient = ?1 and template = 'agendaChanged'", "booked@move.example"))
                    .isEqualTo(1);
        });
        // the first item of the day cannot move earlier
        QuarkusTransaction.requiringNew().run(() -> agenda.move(organiser(), c.id, workshop.id, true, false));
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(AgendaItem.<AgendaItem> findById(workshop.id).startsAt).isEqualTo(c.startsAt));
    }

    private static Organiser organiser() {
        return Organiser.findByEmail("organisator@kts.example").orElseThrow();
    }
}
