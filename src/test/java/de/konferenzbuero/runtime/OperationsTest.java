package de.konferenzbuero.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.Management;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.mail.MailDispatcher;

/** What an operator watches: the readiness check with the mail backlog, and the Prometheus metrics. */
@QuarkusTest
class OperationsTest {

    @Inject
    EntityManager em;

    @Inject
    MailDispatcher dispatcher;

    @Test
    void metricsCountSignUpsByOutcomeAndShowTheOutbox() {
        Conference c = TestConferences.create("ops-metrics", conf -> conf.onsiteCapacity = 1);
        double confirmed = metric("konferenzbuero_signups_total{outcome=\"confirmed\"");
        double waitlisted = metric("konferenzbuero_signups_total{outcome=\"waitlisted\"");
        double invalid = metric("konferenzbuero_signups_total{outcome=\"invalid\"");
        Attendees.signUp(c.slug, "one@ops.example");
        Attendees.signUp(c.slug, "two@ops.example");
        Attendees.post(c.slug, java.util.Map.of("firstName", "", "email", "x")).then().statusCode(400);

        assertThat(metric("konferenzbuero_signups_total{outcome=\"confirmed\"")).isEqualTo(confirmed + 1);
        assertThat(metric("konferenzbuero_signups_total{outcome=\"waitlisted\"")).isEqualTo(waitlisted + 1);
        assertThat(metric("konferenzbuero_signups_total{outcome=\"invalid\"")).isEqualTo(invalid + 1);
        dispatcher.dispatchDue();
        String metrics = metrics();
        assertThat(metrics).contains("konferenzbuero_mail_sent_total", "konferenzbuero_outbox_pending",
                "konferenzbuero_outbox_oldest_age_seconds", "konferenzbuero_outbox_dead",
                "konferenzbuero_mail_failures_total", "konferenzbuero_waitlist_promotions_total",
                "http_server_requests_seconds_bucket");
    }

    @Test
    void aMailBacklogMakesMailDegradedButNeverTheAppUnready() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into outbox_message (message_id, template, recipient, locale, subject, html, text, attachments,
                    created_at, next_attempt_at)
                values ('<old@ops.example>', 'confirmed', 'old@ops.example', 'de', 'Alt', '<p>Alt</p>', 'Alt', '[]',
                    now() - interval '1 hour', now() + interval '1 hour')
                """).executeUpdate());
        try {
            JsonPath ready = awaitMailCheck("degraded");
            assertThat(ready.getString("checks.find { it.name == 'mail' }.status")).isEqualTo("UP");
            assertThat(ready.getLong("checks.find { it.name == 'mail' }.data.oldestWaitingSeconds"))
                    .isGreaterThanOrEqualTo(3600);
            Management.request().get("/q/health/ready").then().statusCode(200);
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("delete from outbox_message where message_id = '<old@ops.example>'")
                            .executeUpdate());
        }
    }

    /** The readiness answer, once its mail check says {@code mail: <state>} (its figures live a few seconds). */
    private static JsonPath awaitMailCheck(String state) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            JsonPath ready = Management.request().get("/q/health/ready").then().extract().jsonPath();
            String mail = ready.getString("checks.find { it.name == 'mail' }.data.mail");
            if (state.equals(mail) || Instant.now().isAfter(deadline)) {
                assertThat(mail).isEqualTo(state);
                return ready;
            }
            Thread.sleep(250);
        }
    }

    private static String metrics() {
        return Management.request().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double metric(String prefix) {
        Matcher m = Pattern.compile("^" + Pattern.quote(prefix) + "[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE)
                .matcher(metrics());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
