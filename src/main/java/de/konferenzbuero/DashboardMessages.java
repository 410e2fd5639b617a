package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the organisers' dashboards, German by default ({@code messages/dash_de.properties}); templates use
 * {@code {dash:key}}.
 */
@MessageBundle(value = "dash", locale = "de")
public interface DashboardMessages {

    @Message
    String title();

    @Message
    String signups();

    @Message
    String signups_none();

    @Message
    String signups_caption();

    @Message
    String signups_summary(long signUps, int days, long cancellations);

    @Message
    String day();

    @Message
    String confirmed();

    @Message
    String waitlisted();

    @Message
    String cancelled();

    @Message
    String fill();

    @Message
    String fill_summary();

    @Message
    String fill_caption();

    @Message
    String mode_or_item();

    @Message
    String fill_percent();

    @Message
    String places();

    @Message
    String admission();

    @Message
    String admission_summary(long checkedIn, long confirmed, long percent);

    @Message
    String admission_later();

    @Message
    String no_shows(long noShows, long confirmed, long percent);

    @Message
    String organisations();

    @Message
    String organisations_none();

    @Message
    String organisations_caption();

    @Message
    String organisations_summary(int shown, long without);

    @Message
    String organisation();

    @Message
    String upcoming();

    @Message
    String upcoming_none();

    @Message
    String past();

    @Message
    String people();
}
