package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.ConferenceFormat;
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

    /** An item offered to one mode only, e.g. "nur vor Ort". */
    @Message
    String item_only(Attendance attendance);

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
    String error_unavailable_title();

    @Message
    String error_unavailable_text();

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
    String manage_checkin();

    @Message
    String manage_checkin_hint();

    @Message
    String manage_checkin_code(String code);

    @Message
    String manage_checkin_alt(String name);

    @Message
    String error_forbidden_title();

    @Message
    String error_forbidden_text();

    @Message
    String error_forbidden_back();

    @Message
    String check_mail_title();

    @Message
    String check_mail_text();

    @Message
    String check_mail_missing_title();

    @Message
    String check_mail_spam();

    @Message
    String check_mail_typo();

    @Message
    String confirm_title();

    @Message
    String confirm_text(String email);

    @Message
    String confirm_deadline(String date, String time);

    @Message
    String confirm_button();

    @Message
    String manage_notice_confirmed();

    @Message
    String manage_hold_expired();

    @Message
    String error_too_many_title();

    @Message
    String error_too_many_text(long minutes);

    @Message
    String signup_trap();

    @Message
    String new_link_ask();

    @Message
    String new_link_title();

    @Message
    String new_link_intro();

    @Message
    String new_link_submit();

    @Message
    String new_link_sent();

    @Message
    String new_link_renewed();

    @Message
    String manage_new_link();

    @Message
    String manage_new_link_intro();

    @Message
    String manage_new_link_button();

}
