package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import de.konferenzbuero.conference.QuestionKind;

/**
 * The texts of the organiser's own questions on the sign-up form, the manage page and in the organiser area, German by
 * default ({@code messages/quest_de.properties}); templates use {@code {quest:key}}. A bundle of its own, like
 * {@link OfferMessages}.
 */
@MessageBundle(value = "quest", locale = "de")
public interface QuestionMessages {

    @Message
    String section();

    @Message
    String only_if(String question, String answer);

    @Message
    String yes();

    @Message
    String no();

    @Message
    String choose();

    @Message
    String none_given();

    @Message
    String kind(QuestionKind kind);

    @Message
    String title();

    @Message
    String intro();

    @Message
    String list_empty();

    @Message
    String add_title();

    @Message
    String edit_title();

    @Message
    String field_kind();

    @Message
    String field_label_de();

    @Message
    String field_label_en();

    @Message
    String field_label_hint();

    @Message
    String field_help_de();

    @Message
    String field_help_en();

    @Message
    String field_required();

    @Message
    String field_on_badge();

    @Message
    String field_options();

    @Message
    String field_options_hint();

    @Message
    String field_condition();

    @Message
    String field_condition_hint();

    @Message
    String condition_none();

    @Message
    String save();

    @Message
    String add();

    @Message
    String move_up(String question);

    @Message
    String move_down(String question);

    @Message
    String remove(String question);

    @Message
    String edit(String question);

    @Message
    String col_question();

    @Message
    String col_kind();

    @Message
    String col_required();

    @Message
    String col_condition();

    @Message
    String col_actions();

    @Message
    String col_answers();

    @Message
    String notice_added();

    @Message
    String notice_saved();

    @Message
    String notice_moved();

    @Message
    String notice_removed();

    @Message
    String removed_kept();

    @Message
    String nav();

    @Message
    String answers_title();

    @Message
    String answers_none();

    @Message
    String manage_hint();

    @Message
    String manage_save();

    @Message
    String manage_closed();

    @Message
    String notice_answers_saved();

    @Message
    String option_removed();

    @Message
    String notice_in_use();

    @Message
    String waitlisted(long position);

    @Message
    String requested();
}
