package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import de.konferenzbuero.conference.ConferenceStatus;
import de.konferenzbuero.registration.RegistrationStatus;

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
    String item_attendance();

    @Message
    String item_attendance_hint();

    @Message
    String item_attendance_all();

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
    String agenda_consequences_title();

    @Message
    String agenda_consequences_intro(int count);

    @Message
    String agenda_consequences_caption();

    @Message
    String agenda_consequences_attendee();

    @Message
    String agenda_consequences_released();

    @Message
    String agenda_consequences_kept();

    @Message
    String agenda_consequences_confirm();

    @Message
    String agenda_consequences_back();

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

    @Message
    String reg_title();

    @Message
    String reg_search();

    @Message
    String reg_search_hint();

    @Message
    String reg_filter_status();

    @Message
    String reg_filter_attendance();

    @Message
    String reg_filter_item();

    @Message
    String reg_filter_any();

    @Message
    String reg_filter_apply();

    @Message
    String reg_count(long count);

    @Message
    String reg_pages();

    @Message
    String reg_page_previous();

    @Message
    String reg_page_next();

    @Message
    String reg_page_of(int number, int pages, long first, long last);

    @Message
    String reg_none();

    @Message
    String reg_col_name();

    @Message
    String reg_col_organisation();

    @Message
    String reg_col_status();

    @Message
    String reg_col_items();

    @Message
    String reg_col_checked_in();

    @Message
    String reg_add();

    @Message
    String reg_add_intro();

    @Message
    String reg_add_consent();

    @Message
    String reg_add_submit();

    @Message
    String reg_added();

    @Message
    String reg_detail();

    @Message
    String reg_data();

    @Message
    String reg_edit();

    @Message
    String reg_saved();

    @Message
    String reg_cancel();

    @Message
    String reg_cancelled();

    @Message
    String reg_promote();

    @Message
    String reg_promote_hint();

    @Message
    String reg_promoted();

    @Message
    String reg_history();

    @Message
    String reg_added_by(String name);

    @Message
    String reg_needs();

    @Message
    String reg_needs_wheelchair(long count);

    @Message
    String reg_needs_sign_language(long count);

    @Message
    String reg_needs_induction(long count);

    @Message
    String reg_needs_other();

    @Message
    String reg_needs_dietary();

    @Message
    String reg_photo_consent();

    @Message
    String reg_yes();

    @Message
    String reg_no();

    @Message
    String reg_checked_in_at(String when);

    @Message
    String reg_registered_at();

    @Message
    String reg_waitlist_pos(long position);

    @Message
    String reg_state(RegistrationStatus status);

    @Message
    String exp_last_name();

    @Message
    String exp_first_name();

    @Message
    String exp_email();

    @Message
    String exp_organisation();

    @Message
    String exp_role();

    @Message
    String exp_attendance();

    @Message
    String exp_status();

    @Message
    String exp_items();

    @Message
    String exp_accessibility();

    @Message
    String exp_dietary();

    @Message
    String exp_photo();

    @Message
    String exp_registered();

    @Message
    String exp_checked_in();

    @Message
    String exp_title();

    @Message
    String exp_intro();

    @Message
    String exp_whole();

    @Message
    String exp_csv();

    @Message
    String exp_xlsx();

    @Message
    String exp_print();

    @Message
    String exp_badges();

    @Message
    String exp_print_hint();

    @Message
    String exp_signature();

    @Message
    String ci_title();

    @Message
    String ci_counts(long checkedIn, long confirmed);

    @Message
    String ci_code();

    @Message
    String ci_code_hint();

    @Message
    String ci_find();

    @Message
    String ci_name();

    @Message
    String ci_admit();

    @Message
    String ci_checked_in(String name);

    @Message
    String ci_already(String time, String name);

    @Message
    String ci_not_confirmed(String name);

    @Message
    String ci_unknown();

    @Message
    String ci_found();

    @Message
    String ci_none();

    @Message
    String msg_title();

    @Message
    String msg_intro();

    @Message
    String msg_audience();

    @Message
    String msg_audience_confirmed();

    @Message
    String msg_audience_waitlisted();

    @Message
    String msg_audience_item();

    @Message
    String msg_item();

    @Message
    String msg_subject();

    @Message
    String msg_body();

    @Message
    String msg_body_hint();

    @Message
    String msg_send();

    @Message
    String msg_sent(long count);

    @Message
    String msg_pending(long count);

    @Message
    String msg_failed();

    @Message
    String msg_failed_none();

    @Message
    String msg_retry();

    @Message
    String msg_retried();

    @Message
    String msg_col_to();

    @Message
    String msg_col_subject();

    @Message
    String msg_col_error();

    @Message
    String adm_title();

    @Message
    String adm_organisations();

    @Message
    String adm_organisers();

    @Message
    String adm_new_organisation();

    @Message
    String adm_new_organiser();

    @Message
    String adm_name();

    @Message
    String adm_slug();

    @Message
    String adm_contact_email();

    @Message
    String adm_website();

    @Message
    String adm_password();

    @Message
    String adm_password_hint();

    @Message
    String adm_is_admin();

    @Message
    String adm_member_of();

    @Message
    String adm_created();

    @Message
    String adm_role_admin();

    @Message
    String tok_title();

    @Message
    String tok_intro();

    @Message
    String tok_name();

    @Message
    String tok_name_hint();

    @Message
    String tok_create();

    @Message
    String tok_created();

    @Message
    String tok_none();

    @Message
    String tok_revoke();

    @Message
    String tok_last_used();

    @Message
    String tok_never();

    @Message
    String tok_name_required();

    @Message
    String agenda_earlier();

    @Message
    String agenda_later();

    @Message
    String agenda_moved();

    @Message
    String drift_warning();

    @Message
    String drift_counts(long counted, long confirmed);

    @Message
    String f_confirm_email();

    @Message
    String f_confirm_email_hint();

    @Message
    String f_confirm_email_off();

    @Message
    String f_confirm_within();

    @Message
    String f_confirm_within_hint();

    @Message
    String col_unconfirmed();

    @Message
    String reg_unconfirmed(String date, String time);

    @Message
    String reg_hold_expired();

    @Message
    String acc_title();

    @Message
    String acc_password_title();

    @Message
    String acc_password_intro();

    @Message
    String acc_current_password();

    @Message
    String acc_new_password();

    @Message
    String acc_new_password_hint();

    @Message
    String acc_repeat_password();

    @Message
    String acc_change_password();

    @Message
    String acc_password_changed();

    @Message
    String adm_status();

    @Message
    String adm_actions();

    @Message
    String adm_active();

    @Message
    String adm_inactive();

    @Message
    String adm_deactivate();

    @Message
    String adm_activate();

    @Message
    String adm_end_sessions();

    @Message
    String adm_remove_member();

    @Message
    String adm_deactivated();

    @Message
    String adm_activated();

    @Message
    String adm_sessions_ended();

    @Message
    String adm_member_removed();

    @Message
    String adm_remove_member_context(String name, String organisation);

}
