package de.konferenzbuero.privacy;

import java.time.Instant;

import de.konferenzbuero.registration.RegistrationStatus;

/**
 * A registration found for an organiser's data subject request: where it is, and whether it can be erased at once
 * ({@link Erasure#erasable}); an active registration of a conference not yet over must be cancelled first.
 */
public record RequestMatch(long registrationId, long conferenceId, String conference, Instant startsAt,
        RegistrationStatus status, boolean awaitsConfirmation, Instant registeredAt, boolean anonymised,
        boolean erasable) {
}
