package de.konferenzbuero.sealing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import de.konferenzbuero.Attendees;
import de.konferenzbuero.TestConferences;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.mail.OutboxMessage;

/**
 * A dump of the database alone lets nobody manage a registration: neither the registration row nor the stored mails
 * hold the manage secret in a readable form, while the link in the mail keeps working.
 */
@QuarkusTest
class SealedAtRestTest {

    @Inject
    EntityManager em;

    /** The previous key of the test profile (application.properties). */
    private static final String EARLIER_KEY = "ZWFybGllci10ZXN0LW9ubHktc2VhbGluZy1rZXktMzI=";

    @Inject
    SealAtStart sealAtStart;

    @Test
    void noRowOfTheDumpContainsTheManageSecret() {
        Conference c = TestConferences.create("sealed-dump", conf -> {
        });
        String secret = Attendees.secret(Attendees.signUp(c.slug, "dump@sealed.example"));
        de.konferenzbuero.StoredMails.render(); // the bodies, with the link, are in the dump too

        List<String> rows = QuarkusTransaction.requiringNew().call(
                () -> em.createNativeQuery("select r::text from registration r where email = 'dump@sealed.example'"
                        + " union all select m::text from outbox_message m where recipient = 'dump@sealed.example'"
                        + " union all select e::text from registration_event e join registration r on r.id ="
                        + " e.registration_id where r.email = 'dump@sealed.example'").getResultList());
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(row -> assertThat((String) row).doesNotContain(secret));

        OutboxMessage mail = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage> find("recipient", "dump@sealed.example").firstResult());
        assertThat(mail.text).as("the mail as it is sent carries the working link")
                .contains("/registrations/" + secret);
        given().get("/registrations/{secret}", secret).then().statusCode(200);
    }

    @Test
    void rowsStoredBeforeSealingAreSealedAtStartAndTheirLinksKeepWorking() {
        Conference c = TestConferences.create("sealed-legacy", conf -> {
        });
        String secret = Attendees.secret(Attendees.signUp(c.slug, "legacy@sealed.example"));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update registration set manage_secret = ?1, manage_secret_sealed = null where email ="
                    + " 'legacy@sealed.example'").setParameter(1, secret).executeUpdate();
            em.createNativeQuery("update outbox_message set html = '<p>plain ' || ?1 || '</p>', text = 'plain ' || ?1"
                    + " where recipient = 'legacy@sealed.example'").setParameter(1, secret).executeUpdate();
        });

        sealAtStart.onStart(null);

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select manage_secret, manage_secret_sealed from registration where email = 'legacy@sealed.example'")
                .getSingleResult());
        assertThat(row[0]).as("the readable secret is gone").isNull();
        assertThat((String) row[1]).startsWith(Sealing.PREFIX).doesNotContain(secret);
        String storedText = QuarkusTransaction.requiringNew()
                .call(() -> (String) em
                        .createNativeQuery(
                                "select text from outbox_message where recipient = 'legacy@sealed.example' limit 1")
                        .getSingleResult());
        assertThat(storedText).startsWith(Sealing.PREFIX).doesNotContain(secret);
        assertThat(Sealing.open(storedText)).isEqualTo("plain " + secret);
        given().get("/registrations/{secret}", secret).then().statusCode(200);
    }

    @Test
    void afterAKeyChangeTheLinksKeepWorkingAndStartUpSealsUnderTheNewKey() {
        Conference c = TestConferences.create("sealed-rotation", conf -> {
        });
        String secret = Attendees.secret(Attendees.signUp(c.slug, "rotation@sealed.example"));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update registration set manage_secret_sealed = ?1 where email = ?2")
                    .setParameter(1, Sealing.sealWith(EARLIER_KEY, secret)).setParameter(2, "rotation@sealed.example")
                    .executeUpdate();
            em.createNativeQuery("update outbox_message set text = ?1 where recipient = ?2")
                    .setParameter(1, Sealing.sealWith(EARLIER_KEY, "earlier " + secret))
                    .setParameter(2, "rotation@sealed.example").executeUpdate();
        });
        assertThat(Sealing.needsSealing(storedSecret("rotation@sealed.example"))).isTrue();
        given().get("/registrations/{secret}", secret).then().statusCode(200);

        sealAtStart.onStart(null);

        String resealed = storedSecret("rotation@sealed.example");
        assertThat(Sealing.needsSealing(resealed)).as("sealed under the current key").isFalse();
        assertThat(Sealing.open(resealed)).isEqualTo(secret);
        String text = QuarkusTransaction.requiringNew()
                .call(() -> (String) em
                        .createNativeQuery("select text from outbox_message where recipient = ?1 limit 1")
                        .setParameter(1, "rotation@sealed.example").getSingleResult());
        assertThat(Sealing.needsSealing(text)).isFalse();
        assertThat(Sealing.open(text)).isEqualTo("earlier " + secret);
        given().get("/registrations/{secret}", secret).then().statusCode(200);
    }

    private String storedSecret(String email) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (String) em
                        .createNativeQuery("select manage_secret_sealed from registration where email = ?1")
                        .setParameter(1, email).getSingleResult());
    }

    @Test
    void aValueSealedWithAnotherKeyIsRefusedNotMisread() {
        String sealed = Sealing.seal("geheim");
        assertThat(Sealing.open(sealed)).isEqualTo("geheim");
        assertThat(Sealing.seal("geheim")).as("a fresh nonce every time").isNotEqualTo(sealed);
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> Sealing.open(tampered)).isInstanceOf(Sealing.WrongSealingKey.class);
        String unknownKey = "dW5rbm93bi10ZXN0LW9ubHktc2VhbGluZy1rZXktMzI=";
        assertThatThrownBy(() -> Sealing.open(Sealing.sealWith(unknownKey, "geheim")))
                .isInstanceOf(Sealing.WrongSealingKey.class);
    }
}
