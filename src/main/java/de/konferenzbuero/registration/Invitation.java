package de.konferenzbuero.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.Contingent;
import de.konferenzbuero.input.EmailAddresses;
import de.konferenzbuero.sealing.Sealing;

/**
 * A secret link that lets its holder register before the public window opens or for a conference that is not public
 * yet, approved with it, and with a place of its contingent while one is free. Personal invitations are tied to one
 * address (stored only as a hash) and used once; a shared code may be used {@link #maxUses} times. The link's secret
 * itself is not stored: it is shown once, or mailed.
 */
@Entity
public class Invitation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Conference conference;

    /** The contingent whose places it may take; null: public places only (it still opens registration early). */
    @ManyToOne(fetch = FetchType.LAZY)
    public Contingent contingent;

    /** The organiser's name for it: a group or organisation, e.g. "Stadtrat Lemgo". */
    public String label;

    /** SHA-256 of the link's secret. */
    public String tokenHash;

    /** SHA-256 of the invited address's normal form; null for a shared code. */
    public String emailHash;

    public int maxUses;

    /** Registrations made with it; counted in the sign-up's transaction by a conditional update. */
    @Column(insertable = false, updatable = false)
    public int uses;

    @Column(insertable = false, updatable = false)
    public Instant createdAt;

    /** The organiser who created it. */
    public String createdBy;

    public Instant revokedAt;

    public static Optional<Invitation> findByToken(String token) {
        return token == null || !ManageSecret.looksValid(token) ? Optional.empty()
                : find("tokenHash", tokenHash(token)).firstResultOptional();
    }

    public static List<Invitation> listFor(Conference conference) {
        return list("conference = ?1 order by id desc", conference);
    }

    /** A new secret for a link; only its hash is kept. */
    public static String newToken() {
        return ManageSecret.next();
    }

    /** The hash a link's secret is stored as. */
    public static String tokenHash(String token) {
        return Sealing.hash(token);
    }

    /** The hash an invited address is stored as. */
    public static String addressHash(String email) {
        return Sealing.hash(EmailAddresses.normalise(email).orElseThrow());
    }

    public boolean isPersonal() {
        return emailHash != null;
    }

    /** Not revoked and not used up: it still lets someone register. */
    public boolean isUsable() {
        return revokedAt == null && uses < maxUses;
    }

    /** Whether this (valid) address is the one a personal invitation was sent to; a shared code fits every address. */
    public boolean fits(String email) {
        return emailHash == null || emailHash.equals(addressHash(email));
    }
}
