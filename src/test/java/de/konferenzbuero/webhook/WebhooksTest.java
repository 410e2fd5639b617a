package de.konferenzbuero.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.mail.OutboxMessage;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.security.Organisers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhooks as an organiser sets them up and a receiver sees them: signed events for sign-ups, waitlists, promotions,
 * cancellations and conference changes, verified here with the Standard Webhooks recipe itself; retries with growing
 * waits until the receiver answers 2xx, given up after the configured attempts; the delivery log; the test event.
 */
@QuarkusTest
class WebhooksTest {

    private static final String ORGANISATION = "webhook-test";
    private static final String ORGANISER = "hooks@webhook-test.example";
    private static final Pattern SECRET = Pattern.compile("<code class=\"token\">(whsec_[A-Za-z0-9+/=]{44})</code>");
    private static final Pattern CONFIRM_LINK = Pattern.compile("/registrations/([A-Za-z0-9_-]{43})/confirm");

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    de.konferenzbuero.registration.Holds holds;

    @Test
    void aSignUpArrivesSignedAndNamesNobodyAndTheLinkReadsTheRegistration() throws Exception {
        Organisers.Session organiser = organiser();
        Conference conference = conference("wh-signup", 10, false);
        try (Receiver receiver = new Receiver()) {
            Response created = organiser.post("/organiser/webhooks",
                    Map.of("url", receiver.url(), "description", "CRM der Stadt", "events",
                            List.of("registration.created", "registration.confirmed"), "organisationId",
                            organisationId()));
            created.then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"));
            String secret = secretOn(created.asString());
            long endpoint = endpointId(receiver.url());
            assertThat(organiser.page("/organiser/webhooks/{id}", endpoint)).as("the secret is shown once")
                    .contains("CRM der Stadt").doesNotContain(secret);

            Attendees.signUp(conference.slug, "anna.hook@example.org");
            long registrationId = registrationId("anna.hook@example.org");
            assertThat(receiver.received()).as("nothing is sent inside the request").isEmpty();
            dispatcher.dispatchDue();

            List<Receiver.Received> got = receiver.received();
            assertThat(got).extracting(r -> JsonPath.from(r.body()).getString("type"))
                    .containsExactly("registration.created", "registration.confirmed");
            for (Receiver.Received r : got) {
                assertSigned(r, secret);
                assertThat(r.body()).as("the body names nobody").doesNotContain("anna.hook").doesNotContain("email")
                        .doesNotContain("Name");
            }
            JsonPath body = JsonPath.from(got.get(0).body());
            assertThat(body.getLong("data.registration.id")).isEqualTo(registrationId);
            assertThat(body.getString("data.registration.status")).isEqualTo("CONFIRMED");
            assertThat(body.getString("data.conference.slug")).isEqualTo("wh-signup");
            assertThat(got.get(0).headers().get("webhook-id")).isNotEqualTo(got.get(1).headers().get("webhook-id"));

            String token = Organisers.apiToken(ORGANISER, "Webhook-Empfänger");
            String api = body.getString("data.registration.api").replaceFirst("^https?://[^/]+", "");
            given().header("Authorization", "Bearer " + token).get(api).then().statusCode(200).body("email",
                    org.hamcrest.Matchers.equalTo("anna.hook@example.org"));

            String log = organiser.page("/organiser/webhooks/{id}", endpoint);
            assertThat(log).contains("registration.created").contains("zugestellt").contains("HTTP 204");
        }
    }

    @Test
    void aFailingReceiverIsTriedAgainLaterWithTheSameIdAndGivenUpAfterTheAttempts() throws Exception {
        Organisers.Session organiser = organiser();
        try (Receiver receiver = new Receiver()) {
            long endpoint = create(organiser, receiver, "conference.changed");
            receiver.answer(500);
            organiser.post("/organiser/webhooks/{id}/test", endpoint).then().statusCode(303);
            dispatcher.dispatchDue();
            assertThat(receiver.received()).hasSize(1);
            assertThat(organiser.page("/organiser/webhooks/{id}", endpoint)).contains("ausstehend").contains("HTTP 500")
                    .contains("nächster Versuch");
            // not before its wait (read from the row: a second round on a busy machine may already fall after it)
            QuarkusTransaction.requiringNew().run(() -> {
                WebhookDelivery waiting = WebhookDelivery.<WebhookDelivery> find("endpoint.id", endpoint).firstResult();
                WebhookAttempt first = WebhookAttempt.<WebhookAttempt> find("delivery.id", waiting.id).firstResult();
                assertThat(waiting.nextAttemptAt).isAfterOrEqualTo(first.at.plusMillis(200));
            });

            Thread.sleep(300);
            dispatcher.dispatchDue();
            List<Receiver.Received> got = receiver.received();
            assertThat(got).hasSize(2);
            assertThat(got.get(1).headers().get("webhook-id")).as("a repeat a receiver can recognise")
                    .isEqualTo(got.get(0).headers().get("webhook-id"));
            assertThat(JsonPath.from(got.get(1).body()).getString("type")).isEqualTo("webhook.test");
            assertThat(organiser.page("/organiser/webhooks/{id}", endpoint)).contains("zugestellt").contains("HTTP 500")
                    .contains("HTTP 204");

            // a receiver that keeps failing: three attempts in tests (max-attempts), waits 0.2 s then 0.4 s
            receiver.clear();
            receiver.answer(503, 503, 503);
            organiser.post("/organiser/webhooks/{id}/test", endpoint).then().statusCode(303);
            dispatcher.dispatchDue();
            Thread.sleep(300);
            dispatcher.dispatchDue();
            Thread.sleep(500);
            dispatcher.dispatchDue();
            Thread.sleep(900);
            dispatcher.dispatchDue();
            assertThat(receiver.received()).as("given up after three attempts").hasSize(3);
            assertThat(organiser.page("/organiser/webhooks/{id}", endpoint)).contains("aufgegeben");

            // the organiser sends the given-up delivery again once the receiver works
            long dead = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery
                    .<WebhookDelivery> find("endpoint.id = ?1 and status = ?2", endpoint, WebhookDelivery.Status.DEAD)
                    .firstResult().id);
            organiser.post("/organiser/webhooks/{id}/deliveries/{delivery}/retry", endpoint, dead).then()
                    .statusCode(303);
            dispatcher.dispatchDue();
            assertThat(receiver.received()).hasSize(4);
            assertThat(QuarkusTransaction.requiringNew()
                    .call(() -> WebhookDelivery.<WebhookDelivery> findById(dead).status))
                            .isEqualTo(WebhookDelivery.Status.DELIVERED);
        }
    }

    @Test
    void waitlistPromotionCancellationAndTheConferenceAreTold() throws Exception {
        Organisers.Session organiser = organiser();
        Conference conference = conference("wh-waitlist", 1, false);
        try (Receiver receiver = new Receiver()) {
            String secret = secretOn(organiser.post("/organiser/webhooks",
                    Map.of("url", receiver.url(), "events",
                            List.of("registration.created", "registration.confirmed", "registration.waitlisted",
                                    "registration.promoted", "registration.cancelled", "conference.changed",
                                    "conference.cancelled"),
                            "organisationId", organisationId()))
                    .asString());
            String first = Attendees.secret(Attendees.signUp(conference.slug, "first.hook@example.org"));
            Attendees.signUp(conference.slug, "second.hook@example.org");
            long second = registrationId("second.hook@example.org");
            dispatcher.dispatchDue();
            assertThat(types(receiver)).containsExactly("registration.created", "registration.confirmed",
                    "registration.created", "registration.waitlisted");
            receiver.clear();

            Attendees.cancel(first);
            dispatcher.dispatchDue();
            assertThat(types(receiver)).containsExactlyInAnyOrder("registration.cancelled", "registration.promoted");
            JsonPath promoted = receiver.received().stream().map(r -> JsonPath.from(r.body()))
                    .filter(j -> j.getString("type").equals("registration.promoted")).findFirst().orElseThrow();
            assertThat(promoted.getLong("data.registration.id")).isEqualTo(second);
            assertThat(promoted.getString("data.registration.status")).isEqualTo("CONFIRMED");
            receiver.clear();

            organiser.post("/organiser/conferences/{id}/cancel", conference.id);
            dispatcher.dispatchDue();
            assertThat(types(receiver)).containsExactlyInAnyOrder("registration.cancelled", "conference.cancelled");
            receiver.received().forEach(r -> assertSigned(r, secret));
        }
    }

    @Test
    void withDoubleOptInTheRegistrationIsConfirmedOnceTheAddressIs() throws Exception {
        Organisers.Session organiser = organiser();
        Conference conference = conference("wh-opt-in", 10, true);
        try (Receiver receiver = new Receiver()) {
            create(organiser, receiver, "registration.created", "registration.confirmed", "registration.cancelled");
            Attendees
                    .post(conference.slug, Map.of("firstName", "Held", "lastName", "Hook", "email",
                            "held.hook@example.org", "attendance", "ON_SITE", "privacyConsent", true))
                    .then().statusCode(202);
            dispatcher.dispatchDue();
            assertThat(types(receiver)).containsExactly("registration.created");
            assertThat(
                    JsonPath.from(receiver.received().get(0).body()).getBoolean("data.registration.addressConfirmed"))
                            .isFalse();
            de.konferenzbuero.StoredMails.render();
            String manage = QuarkusTransaction.requiringNew().call(() -> {
                Matcher link = CONFIRM_LINK.matcher(
                        OutboxMessage.<OutboxMessage> find("recipient", "held.hook@example.org").firstResult().text);
                assertThat(link.find()).isTrue();
                return link.group(1);
            });
            given().contentType(ContentType.JSON).post("/api/registrations/{secret}/confirm", manage).then()
                    .statusCode(200);
            dispatcher.dispatchDue();
            assertThat(types(receiver)).containsExactly("registration.created", "registration.confirmed");

            // a sign-up whose address is never confirmed: no mail tells anyone, the receiver hears it ended
            receiver.clear();
            Attendees
                    .post(conference.slug, Map.of("firstName", "Nie", "lastName", "Bestaetigt", "email",
                            "never.hook@example.org", "attendance", "ON_SITE", "privacyConsent", true))
                    .then().statusCode(202);
            Instant ends = QuarkusTransaction.requiringNew().call(
                    () -> de.konferenzbuero.registration.Registration.<de.konferenzbuero.registration.Registration> find(
                            "email", "never.hook@example.org").firstResult().holdExpiresAt);
            int n = holds.expireDue(ends.plusSeconds(1));
            System.out.println("DEBUG expired " + n + " " + QuarkusTransaction.requiringNew().call(
                    () -> de.konferenzbuero.registration.Registration.<de.konferenzbuero.registration.Registration> find(
                            "email", "never.hook@example.org").firstResult().status)
                    + " deliveries "
                    + QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.<WebhookDelivery> listAll().stream()
                            .map(d -> d.eventType + ":" + d.status + ":" + d.registrationId).toList()));
            dispatcher.dispatchDue();
            assertThat(types(receiver)).containsExactly("registration.created", "registration.cancelled");
        }
    }

    @Test
    void pausedDeliveriesWaitAndANewSecretSignsWhatFollows() throws Exception {
        Organisers.Session organiser = organiser();
        try (Receiver receiver = new Receiver()) {
            Response created = organiser.post("/organiser/webhooks",
                    Map.of("url", receiver.url(), "events", "conference.changed", "organisationId", organisationId()));
            String old = secretOn(created.asString());
            long endpoint = endpointId(receiver.url());
            organiser.post("/organiser/webhooks/{id}/pause", endpoint).then().statusCode(303);
            organiser.post("/organiser/webhooks/{id}/test", endpoint).then().statusCode(303);
            dispatcher.dispatchDue();
            assertThat(receiver.received()).as("paused").isEmpty();

            String renewed = secretOn(organiser.post("/organiser/webhooks/{id}/secret", endpoint).asString());
            assertThat(renewed).isNotEqualTo(old);
            organiser.post("/organiser/webhooks/{id}/resume", endpoint).then().statusCode(303);
            dispatcher.dispatchDue();
            assertThat(receiver.received()).hasSize(1);
            assertSigned(receiver.received().get(0), renewed);
            assertThat(verifies(receiver.received().get(0), old)).as("the old secret no longer signs").isFalse();

            organiser.post("/organiser/webhooks/{id}/remove", endpoint).then().statusCode(303);
            organiser.get("/organiser/webhooks/{id}", endpoint).then().statusCode(404);
        }
    }

    @Test
    void aFormWithoutAddressOrEventsIsShownAgainAndOthersSeeNoReceiver() throws Exception {
        Organisers.Session organiser = organiser();
        Response refused = organiser.post("/organiser/webhooks",
                Map.of("url", "ftp://example.org/hook", "organisationId", organisationId()));
        refused.then().statusCode(400);
        assertThat(refused.asString()).contains("error-summary").contains("https://")
                .contains("Wählen Sie mindestens ein Ereignis");

        try (Receiver receiver = new Receiver()) {
            long endpoint = create(organiser, receiver, "conference.changed");
            Organisers.Session other = Organisers.login(Organisers.KTS);
            other.get("/organiser/webhooks/{id}", endpoint).then().statusCode(404);
            other.post("/organiser/webhooks/{id}/test", endpoint).then().statusCode(404);
            assertThat(other.page("/organiser/webhooks")).doesNotContain(receiver.url());
        }
    }

    @Test
    void outsideDevAndTestModeOnlyHttpsToPublicAddressesIsCalled() {
        for (String refused : List.of("http://93.184.216.34/hook", "https://127.0.0.1/hook", "https://10.1.2.3/",
                "https://192.168.178.1/", "https://169.254.169.254/latest/meta-data", "https://[::1]/",
                "https://[fd00::1]/", "https://100.64.0.1/", "https://user:pw@93.184.216.34/", "https://0.0.0.0/",
                "https://localhost/hook", "hook", "https://[::ffff:127.0.0.1]/", "https://[64:ff9b::a00:1]/",
                "https://[2002:c0a8:101::1]/", "https://[::10.0.0.1]/", "https://[fec0::1]/")) {
            assertThat(Targets.refusal(refused, false)).as(refused).isPresent();
        }
        assertThat(Targets.refusal("https://93.184.216.34/hook", false)).isEmpty();
        assertThat(Targets.refusal("https://[2606:2800:220:1:248:1893:25c8:1946]/hook", false)).isEmpty();
    }

    private static long create(Organisers.Session organiser, Receiver receiver, String... events) {
        organiser
                .post("/organiser/webhooks",
                        Map.of("url", receiver.url(), "events", List.of(events), "organisationId", organisationId()))
                .then().statusCode(200);
        return endpointId(receiver.url());
    }

    private static long registrationId(String email) {
        return QuarkusTransaction.requiringNew().call(
                () -> de.konferenzbuero.registration.Registration.<de.konferenzbuero.registration.Registration> find(
                        "email", email).firstResult().id);
    }

    private static List<String> types(Receiver receiver) {
        return receiver.received().stream().map(r -> JsonPath.from(r.body()).getString("type")).toList();
    }

    /** The Standard Webhooks check, as a receiver writes it: HMAC-SHA256 of id.timestamp.body under the secret. */
    private static void assertSigned(Receiver.Received r, String secret) {
        assertThat(r.headers().get("content-type")).isEqualTo("application/json");
        long timestamp = Long.parseLong(r.headers().get("webhook-timestamp"));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(300);
        assertThat(verifies(r, secret)).as("signature of %s", r.body()).isTrue();
    }

    private static boolean verifies(Receiver.Received r, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String signed = r.headers().get("webhook-id") + "." + r.headers().get("webhook-timestamp") + "." + r.body();
            String expected = "v1,"
                    + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
            return List.of(r.headers().get("webhook-signature").split(" ")).contains(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String secretOn(String html) {
        Matcher shown = SECRET.matcher(html);
        assertThat(shown.find()).as("the secret on the page").isTrue();
        return shown.group(1);
    }

    private static long endpointId(String url) {
        return QuarkusTransaction.requiringNew()
                .call(() -> WebhookEndpoint.<WebhookEndpoint> find("url", url).firstResult().id);
    }

    private static Conference conference(String slug, int capacity, boolean optIn) {
        organisationId();
        return TestConferences.create(slug, c -> {
            c.organisation = Organisation.findBySlug(ORGANISATION).orElseThrow();
            c.onsiteCapacity = capacity;
            c.confirmEmail = optIn;
        });
    }

    /** The test's own organisation (so other tests' sign-ups reach no receiver of this test), made once. */
    private static synchronized long organisationId() {
        return QuarkusTransaction.requiringNew().call(() -> Organisation.findBySlug(ORGANISATION).orElseGet(() -> {
            Organisation o = new Organisation();
            o.slug = ORGANISATION;
            o.name = "Webhook-Testverband";
            o.persist();
            return o;
        }).id);
    }

    private static Organisers.Session organiser() {
        organisationId();
        boolean exists = QuarkusTransaction.requiringNew().call(() -> Organiser.findByEmail(ORGANISER).isPresent());
        if (!exists) {
            Organisers.createOrganiser(ORGANISER, Organisers.PASSWORD, ORGANISATION);
        }
        return Organisers.login(ORGANISER);
    }
}
