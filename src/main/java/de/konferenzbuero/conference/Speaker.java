package de.konferenzbuero.conference;

import jakarta.persistence.Embeddable;

/** A person (or body) on stage for an agenda item. */
@Embeddable
public class Speaker {

    public String name;

    public String role;

    public String organisation;

    public Speaker() {
    }

    public Speaker(String name, String role, String organisation) {
        this.name = name;
        this.role = role;
        this.organisation = organisation;
    }
}
