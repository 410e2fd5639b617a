package de.konferenzbuero.organisation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A logged-in browser: the cookie holds the token, this row its SHA-256. Logout deletes the row. */
@Entity
public class OrganiserSession extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organiser organiser;

    public String tokenHash;

    public Instant createdAt;

    public Instant expiresAt;
}
