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

    /** The sites that may show the embeddable list in a frame, one origin per line (see {@link EmbedSites}). */
    public String embedSites = "";

    public java.util.List<String> embedSiteList() {
        return embedSites.isBlank() ? java.util.List.of() : java.util.List.of(embedSites.split("\n"));
    }

    public static Optional<Organisation> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
