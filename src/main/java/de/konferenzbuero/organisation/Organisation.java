package de.konferenzbuero.organisation;

import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A hosting municipality, district or regional network. */
@Entity
public class Organisation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String name;

    public String contactEmail;

    public String website;

    public static Optional<Organisation> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
