package de.konferenzbuero.organisation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A token for the organiser JSON API; shown once when created, stored only as SHA-256. */
@Entity
public class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organiser organiser;

    public String name;

    public String tokenHash;

    public Instant createdAt;

    public Instant lastUsedAt;

    public Instant revokedAt;

    /** After this the token is refused; null only for tokens made before expiries existed. */
    public Instant expiresAt;

    /** A read-only token may only read through the organiser API. */
    public boolean readOnly;

    /**
     * The one organisation whose conferences the token may reach (and only as far as its account may); null: every
     * organisation of the account.
     */
    @ManyToOne(fetch = FetchType.LAZY)
    public Organisation organisation;
}
