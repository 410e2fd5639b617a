package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts after the event: follow-up mails, the survey, the attendee's and the organisers' pages, German by default
 * ({@code messages/after_de.properties}); templates use {@code {after:key}}.
 */
@MessageBundle(value = "after", locale = "de")
public interface AfterEventMessages {

    @Message
    String thanks_subject(String title);

    @Message
    String thanks_intro(String title);

    @Message
    String thanks_certificate();

    @Message
    String thanks_feedback();

    @Message
    String thanks_documentation();

    @Message
    String thanks_close();

    @Message
    String missed_subject(String title);

    @Message
    String missed_intro(String title);

    @Message
    String missed_documentation();

    @Message
    String missed_close();

    @Message
    String certificate_download();

    @Message
    String feedback_give();

    @Message
    String survey_title();

    @Message
    String back_to_registration();

    @Message
    String survey_answered();

    @Message
    String survey_intro();

    @Message
    String survey_overall();

    @Message
    String survey_items();

    @Message
    String survey_items_hint();

    @Message
    String survey_comment();

    @Message
    String survey_comment_hint();

    @Message
    String survey_send();

    @Message
    String rating_none();

    @Message
    String survey_item();

    @Message
    String manage_title();

    @Message
    String manage_certificate();

    @Message
    String manage_no_certificate();

    @Message
    String manage_feedback();

    @Message
    String manage_documentation();

    @Message
    String notice_feedback();

    @Message
    String rating(int n);

    @Message
    String org_title();

    @Message
    String org_figures();

    @Message
    String org_confirmed();

    @Message
    String org_attended();

    @Message
    String org_no_shows();

    @Message
    String org_certificates_issued();

    @Message
    String org_answers();

    @Message
    String org_follow_ups();

    @Message
    String org_follow_ups_text();

    @Message
    String org_send_now();

    @Message
    String org_not_over();

    @Message
    String org_certificates();

    @Message
    String org_certificates_text();

    @Message
    String org_online_hint();

    @Message
    String org_certificates_zip();

    @Message
    String org_settings();

    @Message
    String org_signer();

    @Message
    String org_signer_hint();

    @Message
    String org_follow_up_hours();

    @Message
    String org_follow_up_hours_hint();

    @Message
    String org_documentation();

    @Message
    String org_documentation_hint();

    @Message
    String org_feedback_open();

    @Message
    String org_save();

    @Message
    String org_saved();

    @Message
    String org_results();

    @Message
    String org_results_none();

    @Message
    String org_rating_col();

    @Message
    String org_count_col();

    @Message
    String org_items();

    @Message
    String org_item_col();

    @Message
    String org_mean_col();

    @Message
    String org_comments();

    @Message
    String org_csv();

    @Message
    String csv_question();

    @Message
    String csv_answers();

    @Message
    String csv_mean();

    @Message
    String org_follow_ups_waiting(long n);

    @Message
    String org_sent(long thanked, long missed);

    @Message
    String org_results_summary(long answers, String mean);

    @Message
    String mail_manage();

    @Message
    String audience_checked_in();

    @Message
    String audience_not_checked_in();

    @Message
    String audience_item_checked_in();

    @Message
    String org_nobody_checked_in();

    @Message
    String mail_manage_missed();

    @Message
    String org_results_few(long answers, int minimum);

    @Message
    String documentation();

    @Message
    String documentation_intro();

    @Message
    String document_title();

    @Message
    String document_title_hint();

    @Message
    String document_url();

    @Message
    String document_url_hint();

    @Message
    String document_add();

    @Message
    String document_added();

    @Message
    String document_removed();

    @Message
    String document_remove();

    @Message
    String documentation_public_intro();

    @Message
    String documentation_all();

    @Message
    String org_signature();

    @Message
    String org_signature_set();

    @Message
    String org_signature_none();

    @Message
    String org_signature_file();

    @Message
    String org_signature_hint();

    @Message
    String org_signature_upload();

    @Message
    String org_signature_remove();

    @Message
    String org_signature_saved();

    @Message
    String org_signature_removed();
}
