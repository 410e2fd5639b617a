package de.konferenzbuero.web.organiser;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

import de.konferenzbuero.http.OrganiserIdentities;
import de.konferenzbuero.organisation.Organiser;

/** The logged-in organiser of this request; the layout shows the name and the logout button. */
@RequestScoped
@Named("organiser")
public class CurrentOrganiser {

    private final SecurityIdentity identity;
    private Organiser organiser;

    public CurrentOrganiser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Organiser get() {
        if (organiser == null) {
            Long id = identity.getAttribute(OrganiserIdentities.ORGANISER_ID);
            organiser = Organiser.findById(id);
        }
        return organiser;
    }

    public String name() {
        return get().name;
    }

    public boolean admin() {
        return get().admin;
    }

    public String email() {
        return get().email;
    }
}
