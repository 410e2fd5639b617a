package de.konferenzbuero.registration;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.event.Event;

import de.konferenzbuero.conference.AgendaItem;

/** Collects what happened to whom during one action and fires one notice per registration. */
class Notices {

    private record Collected(Registration registration, Set<RegistrationNotice.Kind> kinds,
            List<RegistrationNotice.Release> released) {
    }

    private final Map<Long, Collected> byRegistration = new LinkedHashMap<>();

    void add(RegistrationNotice.Kind kind, Registration registration) {
        collected(registration).kinds().add(kind);
    }

    /** An organiser's change took this booked item away (see {@link RegistrationNotice.Kind#ITEM_RELEASED}). */
    void released(Registration registration, AgendaItem item, RegistrationNotice.Reason reason) {
        Collected collected = collected(registration);
        collected.kinds().add(RegistrationNotice.Kind.ITEM_RELEASED);
        collected.released().add(new RegistrationNotice.Release(item, reason));
    }

    /** How many registrations are to be told. */
    int count() {
        return byRegistration.size();
    }

    /** Raises each registration's change count (the calendar SEQUENCE) and fires the notices. */
    void fire(Event<RegistrationNotice> event) {
        for (Collected c : byRegistration.values()) {
            RegistrationNotice notice = new RegistrationNotice(c.kinds(), c.registration(), c.released());
            if (notice.kind() != RegistrationNotice.Kind.ALREADY_REGISTERED
                    && notice.kind() != RegistrationNotice.Kind.NEW_LINK
                    && notice.kind() != RegistrationNotice.Kind.YOUR_LINK
                    && notice.kind() != RegistrationNotice.Kind.CONFIRMED
                    && notice.kind() != RegistrationNotice.Kind.WAITLISTED
                    && notice.kind() != RegistrationNotice.Kind.PENDING) {
                c.registration().changeCount++;
            }
            event.fire(notice);
        }
        byRegistration.clear();
    }

    private Collected collected(Registration registration) {
        return byRegistration.computeIfAbsent(registration.id,
                id -> new Collected(registration, EnumSet.noneOf(RegistrationNotice.Kind.class), new ArrayList<>()));
    }
}
