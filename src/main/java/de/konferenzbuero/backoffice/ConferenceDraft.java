package de.konferenzbuero.backoffice;

import java.time.Instant;
import java.util.List;

import de.konferenzbuero.conference.ConferenceFormat;

/**
 * A conference as an organiser enters it. Times are already instants (the form reads them in Europe/Berlin);
 * {@code version} is the one the organiser saw, so a concurrent edit is detected. {@code confirmEmail} (double opt-in)
 * and {@code confirmWithinHours} left out (null) mean on and 24 hours; {@code retentionDays} left out, the operator's
 * default; {@code offerHours} left out, freed places go to the next person waiting at once (no offers);
 * {@code approvalRequired} left out, sign-ups need no approval; {@code region} and {@code tags} (up to
 * {@link #MAX_TAGS}) are optional.
 */
public record ConferenceDraft(Long organisationId, String slug, String title, String motto, String description,
        Instant startsAt, Instant endsAt, ConferenceFormat format, String venueName, String venueStreet,
        String venuePostalCode, String venueCity, String venueAccessibility, String onlineAccessLink,
        Integer onsiteCapacity, Integer onlineCapacity, Instant registrationOpensAt, Instant registrationClosesAt,
        String audience, String contactName, String contactEmail, Boolean confirmEmail, Integer confirmWithinHours,
        Integer retentionDays, Integer offerHours, Boolean approvalRequired, String region, List<String> tags,
        Integer version) {

    public static final int MAX_TAGS = 10;

    /** The tags as stored: stripped, blank ones left out, each once ignoring case (the first spelling kept). */
    public List<String> normalTags() {
        java.util.Set<String> seen = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        return tags == null ? List.of()
                : tags.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).filter(seen::add).toList();
    }
}
