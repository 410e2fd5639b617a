package de.konferenzbuero.conference;

import jakarta.persistence.Embeddable;

/** Where an on-site or hybrid conference takes place. */
@Embeddable
public class Venue {

    public String name;

    public String street;

    public String postalCode;

    public String city;

    /** Step-free access, lifts, accessible toilets, induction loops and the like. */
    public String accessibility;

    /** The postal address on one line, e.g. "Weitzgrunder Str. 4, 14806 Bad Belzig". */
    public String address() {
        StringBuilder line = new StringBuilder();
        if (street != null && !street.isBlank()) {
            line.append(street).append(", ");
        }
        if (postalCode != null && !postalCode.isBlank()) {
            line.append(postalCode).append(' ');
        }
        if (city != null) {
            line.append(city);
        }
        return line.toString().trim();
    }
}
