package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.ConferenceFormat;

/**
 * All user-facing text of pages and mails. German is the default ({@code messages/msg_de.properties}), English the
 * second locale ({@code messages/msg_en.properties}). Templates use {@code {msg:key}}.
 */
@MessageBundle(value = "msg", locale = "de")
public interface Messages {

    @Message
    String app_name();

    @Message
    String skip_to_content();

    @Message
    String nav_main();

    @Message
    String nav_language();

    @Message
    String switch_language();

    @Message
    String footer_text();

    @Message
    String format(ConferenceFormat format);

    @Message
    String attendance(Attendance attendance);

    @Message
    String kind(AgendaItemKind kind);

    @Message
    String online();

    @Message
    String catalogue_title();

    @Message
    String catalogue_intro();

    @Message
    String catalogue_upcoming();

    @Message
    String catalogue_past();

    @Message
    String catalogue_none_upcoming();

    @Message
    String status_cancelled();

    @Message
    String places_free(int free);

    @Message
    String places_unlimited();

    @Message
    String places_waitlist();

    @Message
    String item_places(int free, int capacity);

    @Message
    String item_full();

    @Message
    String conference_when();

    @Message
    String conference_format();

    @Message
    String conference_venue();

    @Message
    String conference_places();

    @Message
    String conference_audience();

    @Message
    String conference_organiser();

    @Message
    String conference_hosts();

    @Message
    String conference_contact();

    @Message
    String conference_registration();

    @Message
    String conference_about();

    @Message
    String conference_facts();

    @Message
    String venue_accessibility();

    @Message
    String agenda_title();

    @Message
    String agenda_empty();

    @Message
    String agenda_parallel();

    @Message
    String agenda_bookable();

    @Message
    String agenda_speakers();

    @Message
    String registration_open(String closes);

    @Message
    String registration_not_yet_open(String opens);

    @Message
    String registration_closed();

    @Message
    String registration_cancelled();

    @Message
    String registration_past();

    @Message
    String back_to_catalogue();

    @Message
    String error_not_found_title();

    @Message
    String error_not_found_text();

    @Message
    String error_server_title();

    @Message
    String error_server_text();

    @Message
    String error_back_home();
}
