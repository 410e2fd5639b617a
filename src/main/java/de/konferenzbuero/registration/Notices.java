package de.konferenzbuero.registration;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.event.Event;

/** Collects what happened to whom during one transaction and fires one notice per registration. */
class Notices {

    private final Map<Long, RegistrationNotice> byRegistration = new LinkedHashMap<>();

    void add(RegistrationNotice.Kind kind, Registration registration) {
        byRegistration.merge(registration.id, new RegistrationNotice(kind, registration),
                (old, added) -> added.kind().compareTo(old.kind()) >= 0 ? added : old);
    }

    /** Raises each registration's change count (the calendar SEQUENCE) and fires the notices. */
    void fire(Event<RegistrationNotice> event) {
        for (RegistrationNotice notice : byRegistration.values()) {
            if (notice.kind() != RegistrationNotice.Kind.ALREADY_REGISTERED
                    && notice.kind() != RegistrationNotice.Kind.CONFIRMED
                    && notice.kind() != RegistrationNotice.Kind.WAITLISTED) {
                notice.registration().changeCount++;
            }
            event.fire(notice);
        }
        byRegistration.clear();
    }
}
