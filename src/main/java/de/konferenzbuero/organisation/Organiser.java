package de.konferenzbuero.organisation;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import de.konferenzbuero.conference.Conference;

/** A person who runs conferences for one or more organisations; an admin manages organisations and accounts. */
@Entity
public class Organiser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Lower case; the login name. */
    public String email;

    public String name;

    /** bcrypt (Modular Crypt Format). */
    public String passwordHash;

    public boolean admin;

    public boolean active = true;

    public int failedLogins;

    public Instant lockedUntil;

    public Instant createdAt;

    /** SHA-256 of the one-time link to set a new password, while one is outstanding. */
    public String resetTokenHash;

    public Instant resetExpiresAt;

    @ManyToMany
    @JoinTable(name = "organiser_membership", joinColumns = @JoinColumn(name = "organiser_id"), inverseJoinColumns = @JoinColumn(name = "organisation_id"))
    public Set<Organisation> organisations = new HashSet<>();

    @Version
    public int version;

    public static Optional<Organiser> findByEmail(String email) {
        return find("email", email.strip().toLowerCase(java.util.Locale.ROOT)).firstResultOptional();
    }

    /** Admins manage every conference; organisers those of their organisations. */
    public boolean manages(Conference conference) {
        return admin || organisations.stream().anyMatch(o -> o.id.equals(conference.organisation.id));
    }

    public boolean memberOf(Organisation organisation) {
        return admin || organisations.stream().anyMatch(o -> o.id.equals(organisation.id));
    }
}
