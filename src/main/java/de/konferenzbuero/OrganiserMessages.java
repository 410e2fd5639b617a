package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import de.konferenzbuero.conference.ConferenceStatus;

/**
 * The texts of the organiser area ({@code {org:key}}; {@code messages/org_de.properties}, {@code org_en.properties}).
 */
@MessageBundle(value = "org", locale = "de")
public interface OrganiserMessages {

    @Message
    String area();

    @Message
    String nav();

    @Message
    String dashboard();

    @Message
    String logout();

    @Message
    String logged_in_as(String name);

    @Message
    String login_title();

    @Message
    String login_intro();

    @Message
    String login_email();

    @Message
    String login_password();

    @Message
    String login_submit();

    @Message
    String login_failed();

    @Message
    String login_locked(String time);

    @Message
    String logged_out();

    @Message
    String conferences();

    @Message
    String conferences_none();

    @Message
    String new_conference();

    @Message
    String col_title();

    @Message
    String col_date();

    @Message
    String col_status();

    @Message
    String col_confirmed();

    @Message
    String col_waitlisted();

    @Message
    String status(ConferenceStatus status);

    @Message
    String edit();

    @Message
    String publish();

    @Message
    String cancel_conference();

    @Message
    String duplicate();

    @Message
    String view_public();

    @Message
    String agenda();

    @Message
    String registrations();

    @Message
    String exports();

    @Message
    String checkin();

    @Message
    String message_attendees();

    @Message
    String audit();

    @Message
    String places();

    @Message
    String saved();

    @Message
    String created();

    @Message
    String published();

    @Message
    String duplicated();

    @Message
    String cancelled(long count);

    @Message
    String cancel_title();

    @Message
    String cancel_text(String title, long count);

    @Message
    String cancel_confirm();

    @Message
    String cancel_keep();

    @Message
    String form_conference_title();

    @Message
    String form_new_title();

    @Message
    String f_organisation();

    @Message
    String f_slug();

    @Message
    String f_slug_hint();

    @Message
    String f_title();

    @Message
    String f_motto();

    @Message
    String f_description();

    @Message
    String f_starts();

    @Message
    String f_ends();

    @Message
    String f_time_hint();

    @Message
    String f_format();

    @Message
    String f_venue();

    @Message
    String f_venue_name();

    @Message
    String f_venue_street();

    @Message
    String f_venue_postal();

    @Message
    String f_venue_city();

    @Message
    String f_venue_accessibility();

    @Message
    String f_online_link();

    @Message
    String f_online_link_hint();

    @Message
    String f_onsite_capacity();

    @Message
    String f_online_capacity();

    @Message
    String f_online_capacity_hint();

    @Message
    String f_registration();

    @Message
    String f_opens();

    @Message
    String f_closes();

    @Message
    String f_window_hint();

    @Message
    String f_audience();

    @Message
    String f_contact_name();

    @Message
    String f_contact_email();

    @Message
    String f_save();

    @Message
    String f_create();

    @Message
    String counts();

    @Message
    String mode();

    @Message
    String free();

    @Message
    String unlimited();

    @Message
    String capacity();

    @Message
    String back();

    @Message
    String audit_when();

    @Message
    String audit_who();

    @Message
    String audit_what();

    @Message
    String audit_details();

    @Message
    String item_kind();

    @Message
    String item_bookable();

    @Message
    String f_capacity();

    @Message
    String f_location();

    @Message
    String f_speakers();

    @Message
    String f_speakers_hint();

    @Message
    String agenda_add();

    @Message
    String agenda_edit();

    @Message
    String agenda_remove();

    @Message
    String agenda_added();

    @Message
    String agenda_saved();

    @Message
    String agenda_removed();

    @Message
    String agenda_empty();

    @Message
    String agenda_booked(int taken, Integer capacity);

    @Message
    String warnings();

    @Message
    String warning_room(String detail, String a, String b);

    @Message
    String warning_speaker(String detail, String a, String b);

    @Message
    String warning_outside(String a);
}
