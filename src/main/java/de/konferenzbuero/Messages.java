package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.ConferenceFormat;
import de.konferenzbuero.conference.ConferenceStatus;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.registration.BookingStatus;

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
    String problem(Problem problem);

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

    @Message
    String form_required();

    @Message
    String form_error_prefix();

    @Message
    String form_errors_title();

    @Message
    String form_errors_intro();

    @Message
    String signup_title();

    @Message
    String signup_intro();

    @Message
    String signup_person();

    @Message
    String signup_first_name();

    @Message
    String signup_last_name();

    @Message
    String signup_email();

    @Message
    String signup_email_hint();

    @Message
    String signup_organisation();

    @Message
    String signup_organisation_hint();

    @Message
    String signup_role();

    @Message
    String signup_attendance();

    @Message
    String signup_items();

    @Message
    String signup_items_hint();

    @Message
    String signup_item_none();

    @Message
    String signup_needs();

    @Message
    String signup_needs_hint();

    @Message
    String signup_needs_wheelchair();

    @Message
    String signup_needs_sign_language();

    @Message
    String signup_needs_induction_loop();

    @Message
    String signup_needs_other();

    @Message
    String signup_dietary();

    @Message
    String signup_dietary_hint();

    @Message
    String signup_consent();

    @Message
    String signup_privacy_consent();

    @Message
    String signup_privacy_link();

    @Message
    String signup_photo_consent();

    @Message
    String signup_submit();

    @Message
    String signup_waitlist_note();

    @Message
    String notice_already_registered();

    @Message
    String item_status(BookingStatus status);

    @Message
    String waitlist_position(long position);

    @Message
    String manage_title();

    @Message
    String manage_status_confirmed();

    @Message
    String manage_status_waitlisted(long position);

    @Message
    String manage_status_cancelled();

    @Message
    String manage_notice_registered();

    @Message
    String manage_notice_changed();

    @Message
    String manage_notice_cancelled();

    @Message
    String manage_link_hint();

    @Message
    String manage_details();

    @Message
    String manage_name();

    @Message
    String manage_attendance();

    @Message
    String manage_items();

    @Message
    String manage_items_none();

    @Message
    String manage_item_fallback();

    @Message
    String manage_change_items();

    @Message
    String manage_change_items_hint();

    @Message
    String manage_save_items();

    @Message
    String manage_change_attendance();

    @Message
    String manage_save_attendance();

    @Message
    String manage_cancel();

    @Message
    String manage_cancel_intro();

    @Message
    String manage_cancel_button();

    @Message
    String manage_cancel_confirm_title();

    @Message
    String manage_cancel_confirm_text(String title);

    @Message
    String manage_cancel_confirm_button();

    @Message
    String manage_cancel_keep();

    @Message
    String manage_closed();

    @Message
    String manage_calendar();

    @Message
    String error_bad_request_title();

    @Message
    String error_bad_request_text();

    @Message
    String error_conflict_closed();

    @Message
    String mail_subject_confirmed(String title);

    @Message
    String mail_subject_waitlisted(String title);

    @Message
    String mail_subject_promoted(String title);

    @Message
    String mail_subject_item_promoted(String title);

    @Message
    String mail_subject_changed(String title);

    @Message
    String mail_subject_cancelled(String title);

    @Message
    String mail_subject_already_registered(String title);

    @Message
    String mail_subject_reminder(String title);

    @Message
    String mail_greeting(String name);

    @Message
    String mail_intro_confirmed(String title);

    @Message
    String mail_intro_waitlisted(String title, long position);

    @Message
    String mail_waitlist_next();

    @Message
    String mail_intro_promoted(String title);

    @Message
    String mail_intro_item_promoted(String title);

    @Message
    String mail_intro_changed(String title);

    @Message
    String mail_intro_cancelled(String title);

    @Message
    String mail_intro_already_registered(String title);

    @Message
    String mail_intro_reminder(String title);

    @Message
    String mail_already_ignore();

    @Message
    String mail_when();

    @Message
    String mail_where();

    @Message
    String mail_attendance();

    @Message
    String mail_status();

    @Message
    String mail_status_confirmed();

    @Message
    String mail_status_waitlisted(long position);

    @Message
    String mail_items();

    @Message
    String mail_access();

    @Message
    String mail_access_hint();

    @Message
    String mail_manage();

    @Message
    String mail_manage_hint();

    @Message
    String mail_calendar_hint();

    @Message
    String mail_footer(String organiser);

    @Message
    String mail_regards();

    @Message
    String legal_imprint();

    @Message
    String legal_privacy();

    @Message
    String legal_accessibility();

    @Message
    String legal_privacy_version(String version);

    @Message
    String legal_operator();

    @Message
    String legal_representative();

    @Message
    String legal_contact();

    @Message
    String legal_phone();

    @Message
    String legal_software();

    @Message
    String legal_software_text();

    @Message
    String nav_legal();

    @Message
    String mail_subject_conference_cancelled(String title);

    @Message
    String mail_subject_agenda_changed(String title);

    @Message
    String mail_intro_conference_cancelled(String title);

    @Message
    String mail_intro_agenda_changed(String title);

    @Message
    String org_area();

    @Message
    String org_nav();

    @Message
    String org_dashboard();

    @Message
    String org_logout();

    @Message
    String org_logged_in_as(String name);

    @Message
    String org_login_title();

    @Message
    String org_login_intro();

    @Message
    String org_login_email();

    @Message
    String org_login_password();

    @Message
    String org_login_submit();

    @Message
    String org_login_failed();

    @Message
    String org_login_locked(String time);

    @Message
    String org_logged_out();

    @Message
    String org_conferences();

    @Message
    String org_conferences_none();

    @Message
    String org_new_conference();

    @Message
    String org_col_title();

    @Message
    String org_col_date();

    @Message
    String org_col_status();

    @Message
    String org_col_confirmed();

    @Message
    String org_col_waitlisted();

    @Message
    String org_status(ConferenceStatus status);

    @Message
    String org_edit();

    @Message
    String org_publish();

    @Message
    String org_cancel_conference();

    @Message
    String org_duplicate();

    @Message
    String org_view_public();

    @Message
    String org_agenda();

    @Message
    String org_registrations();

    @Message
    String org_exports();

    @Message
    String org_checkin();

    @Message
    String org_message();

    @Message
    String org_audit();

    @Message
    String org_places();

    @Message
    String org_saved();

    @Message
    String org_created();

    @Message
    String org_published();

    @Message
    String org_duplicated();

    @Message
    String org_cancelled(long count);

    @Message
    String org_cancel_title();

    @Message
    String org_cancel_text(String title, long count);

    @Message
    String org_cancel_confirm();

    @Message
    String org_cancel_keep();

    @Message
    String org_form_conference_title();

    @Message
    String org_form_new_title();

    @Message
    String org_f_organisation();

    @Message
    String org_f_slug();

    @Message
    String org_f_slug_hint();

    @Message
    String org_f_title();

    @Message
    String org_f_motto();

    @Message
    String org_f_description();

    @Message
    String org_f_starts();

    @Message
    String org_f_ends();

    @Message
    String org_f_time_hint();

    @Message
    String org_f_format();

    @Message
    String org_f_venue();

    @Message
    String org_f_venue_name();

    @Message
    String org_f_venue_street();

    @Message
    String org_f_venue_postal();

    @Message
    String org_f_venue_city();

    @Message
    String org_f_venue_accessibility();

    @Message
    String org_f_online_link();

    @Message
    String org_f_online_link_hint();

    @Message
    String org_f_onsite_capacity();

    @Message
    String org_f_online_capacity();

    @Message
    String org_f_online_capacity_hint();

    @Message
    String org_f_registration();

    @Message
    String org_f_opens();

    @Message
    String org_f_closes();

    @Message
    String org_f_window_hint();

    @Message
    String org_f_audience();

    @Message
    String org_f_contact_name();

    @Message
    String org_f_contact_email();

    @Message
    String org_f_save();

    @Message
    String org_f_create();

    @Message
    String org_counts();

    @Message
    String org_mode();

    @Message
    String org_free();

    @Message
    String org_unlimited();

    @Message
    String org_capacity();

    @Message
    String org_back();

    @Message
    String org_audit_when();

    @Message
    String org_audit_who();

    @Message
    String org_audit_what();

    @Message
    String org_audit_details();

    @Message
    String org_item_kind();

    @Message
    String org_item_bookable();

    @Message
    String org_f_capacity();

    @Message
    String org_f_location();

    @Message
    String org_f_speakers();

    @Message
    String org_f_speakers_hint();

    @Message
    String org_agenda_add();

    @Message
    String org_agenda_edit();

    @Message
    String org_agenda_remove();

    @Message
    String org_agenda_added();

    @Message
    String org_agenda_saved();

    @Message
    String org_agenda_removed();

    @Message
    String org_agenda_empty();

    @Message
    String org_agenda_booked(int taken, Integer capacity);

    @Message
    String org_warnings();

    @Message
    String org_warning_room(String detail, String a, String b);

    @Message
    String org_warning_speaker(String detail, String a, String b);

    @Message
    String org_warning_outside(String a);
}
