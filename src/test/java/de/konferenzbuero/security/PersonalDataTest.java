package de.konferenzbuero.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.mail.Attachment;
import de.konferenzbuero.mail.OutboxMessage;

/** Personal data stays out of caches, and the manage link out of calendar files. */
@QuarkusTest
class PersonalDataTest {

    @Test
    void pagesAndDownloadsWithPersonalDataAreNeverCached() {
        Conference c = TestConferences.create("private-cache", conf -> {
        });
        String secret = Attendees.secret(Attendees.signUp(c.slug, "cache@private.example"));
        for (String path : List.of("/registrations/" + secret, "/registrations/" + secret + "/calendar.ics",
                "/registrations/" + secret + "/cancel", "/api/registrations/" + secret, "/organiser/login")) {
            assertThat(given().get(path).header("Cache-Control")).as(path).contains("no-store");
        }
        // a public page may be kept and revalidated (ETag), never marked no-store
        assertThat(given().get("/conferences/{slug}", c.slug).header("Cache-Control")).as("a public page")
                .doesNotContain("no-store").contains("no-cache");
    }

    @Test
    void calendarFilesCarryNoManageLink() {
        Conference c = TestConferences.create("private-calendar", conf -> {
        });
        String secret = Attendees.secret(Attendees.signUp(c.slug, "calendar@private.example"));
        de.konferenzbuero.StoredMails.render();
        List<Attachment> calendars = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage> list("recipient", "calendar@private.example").stream()
                        .flatMap(m -> m.attachments.stream()).filter(a -> a.contentType().startsWith("text/calendar"))
                        .toList());
        assertThat(calendars).isNotEmpty();
        for (Attachment calendar : calendars) {
            String text = calendar.base64() ? new String(Base64.getDecoder().decode(calendar.content()))
                    : calendar.content();
            assertThat(text.replaceAll("\\r\\n[ \\t]", "")).doesNotContain(secret).contains("Bestätigungs-E-Mail");
        }
        String download = given().get("/registrations/{secret}/calendar.ics", secret).asString();
        assertThat(download.replaceAll("\\r\\n[ \\t]", "")).doesNotContain(secret);
    }
}
