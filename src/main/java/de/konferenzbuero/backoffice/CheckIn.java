package de.konferenzbuero.backoffice;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationStatus;

/** Admission at the door: by the code in the attendee's QR code or by name; a second scan says "already". */
@ApplicationScoped
public class CheckIn {

    /** What a scan or a click found. */
    public record Result(Outcome outcome, Registration registration) {
    }

    public enum Outcome {
        CHECKED_IN, ALREADY_CHECKED_IN, NOT_CONFIRMED, UNKNOWN_CODE
    }

    /** How many confirmed attendees there are and how many are in. */
    public record Counts(long confirmed, long checkedIn) {
    }

    private final ConferenceEditing conferences;
    private final Audit audit;
    private final Clock clock;
    private final String baseUrl;

    CheckIn(ConferenceEditing conferences, Audit audit, Clock clock, AppConfig config) {
        this.conferences = conferences;
        this.audit = audit;
        this.clock = clock;
        this.baseUrl = config.baseUrl();
    }

    /** The address in a registration's QR code: a staff phone's camera opens the check-in page for it. */
    public String qrUrl(Registration registration) {
        return baseUrl + registration.checkinPath();
    }

    public Optional<Registration> byCode(Organiser organiser, long conferenceId, String code) {
        Conference conference = conferences.find(organiser, conferenceId);
        return code == null ? Optional.empty()
                : Registration.<Registration> find("conference = ?1 and checkinCode = ?2", conference, code.strip())
                        .firstResultOptional();
    }

    /** Confirmed attendees whose name or organisation contains {@code query}. */
    public List<Registration> search(Organiser organiser, long conferenceId, String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return Registration.list(
                "conference = ?1 and status = ?2 and (lower(firstName || ' ' || lastName) like ?3"
                        + " or lower(coalesce(organisation, '')) like ?3) order by lastName, firstName",
                conferences.find(organiser, conferenceId), RegistrationStatus.CONFIRMED,
                "%" + query.strip().toLowerCase(java.util.Locale.ROOT) + "%");
    }

    @Transactional
    public Result checkIn(Organiser organiser, long conferenceId, String code) {
        Optional<Registration> found = byCode(organiser, conferenceId, code);
        if (found.isEmpty()) {
            return new Result(Outcome.UNKNOWN_CODE, null);
        }
        Registration r = found.get();
        if (r.status != RegistrationStatus.CONFIRMED) {
            return new Result(Outcome.NOT_CONFIRMED, r);
        }
        if (r.checkedInAt != null) {
            return new Result(Outcome.ALREADY_CHECKED_IN, r);
        }
        r.checkedInAt = clock.instant();
        r.checkedInBy = organiser.email;
        audit.record(organiser.email, conferenceId, "REGISTRATION", r.id, "checked in", r.fullName());
        return new Result(Outcome.CHECKED_IN, r);
    }

    public Counts counts(Organiser organiser, long conferenceId) {
        Conference conference = conferences.find(organiser, conferenceId);
        return new Counts(
                Registration.count("conference = ?1 and status = ?2", conference, RegistrationStatus.CONFIRMED),
                Registration.count("conference = ?1 and status = ?2 and checkedInAt is not null", conference,
                        RegistrationStatus.CONFIRMED));
    }
}
