package de.konferenzbuero.privacy;

import java.time.Duration;
import java.time.Instant;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.conference.Conference;

/**
 * When the data of one conference is deleted: special categories, then everything naming a person; cancelled
 * registrations and mail bodies some days after their cancellation or delivery.
 */
public record RetentionDates(Instant specialCategoriesAt, Instant anonymisedAt, int retentionDays, int cancelledDays,
        int mailBodyDays) {

    public static RetentionDates of(Conference conference, AppConfig.Privacy privacy) {
        int days = conference.retentionDays != null ? conference.retentionDays : privacy.retentionDays();
        return new RetentionDates(conference.endsAt.plus(Duration.ofDays(privacy.specialCategoryDays())),
                conference.endsAt.plus(Duration.ofDays(days)), days, privacy.cancelledDays(), privacy.mailBodyDays());
    }

    public boolean specialCategoriesDeleted(Instant now) {
        return !now.isBefore(specialCategoriesAt);
    }

    public boolean anonymised(Instant now) {
        return !now.isBefore(anonymisedAt);
    }
}
