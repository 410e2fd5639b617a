package de.konferenzbuero.registration;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Writes the consent log: the consents of a sign-up in one statement, and each later change. */
@ApplicationScoped
class ConsentLog {

    private final EntityManager em;

    ConsentLog(EntityManager em) {
        this.em = em;
    }

    /** The privacy notice accepted and the photo consent as given, when the registration was entered. */
    void signedUp(Registration r, ConsentChannel channel) {
        em.createNativeQuery("""
                insert into consent_record (registration_id, consent, version, given, channel, locale, at)
                values (?1, 'PRIVACY_NOTICE', ?2, true, ?3, ?4, ?5), (?1, 'PHOTOS', null, ?6, ?3, ?4, ?5)
                """).setParameter(1, r.id).setParameter(2, r.privacyPolicyVersion).setParameter(3, channel.name())
                .setParameter(4, r.locale).setParameter(5, r.privacyConsentedAt).setParameter(6, r.photoConsent)
                .executeUpdate();
    }

    void changed(Registration r, Consent consent, boolean given, ConsentChannel channel, Instant at) {
        ConsentRecord record = new ConsentRecord();
        record.registrationId = r.id;
        record.consent = consent;
        record.given = given;
        record.channel = channel;
        record.locale = r.locale;
        record.at = at;
        record.persist();
    }
}
