package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import de.konferenzbuero.web.EmbedView;

/**
 * The texts of the embeddable list and of the organisers' page that makes its code, German by default
 * ({@code messages/embed_de.properties}); templates use {@code {embed:key}}. A bundle of its own, like
 * {@link OfferMessages}.
 */
@MessageBundle(value = "embed", locale = "de")
public interface EmbedMessages {

    @Message
    String heading_organisation(String name);

    @Message
    String heading_region(String region);

    @Message
    String heading_organisation_region(String name, String region);

    @Message
    String new_window();

    @Message
    String none();

    @Message
    String all();

    @Message
    String calendar();

    @Message
    String refused_title();

    @Message
    String refused_intro();

    @Message
    String nav();

    @Message
    String title();

    @Message
    String intro();

    @Message
    String f_organisation();

    @Message
    String choose();

    @Message
    String sites_title();

    @Message
    String f_sites();

    @Message
    String f_sites_hint();

    @Message
    String save();

    @Message
    String notice_saved();

    @Message
    String no_sites();

    @Message
    String code_title();

    @Message
    String f_region();

    @Message
    String f_region_hint();

    @Message
    String f_all();

    @Message
    String f_accent();

    @Message
    String accent(EmbedView.Accent accent);

    @Message
    String f_background();

    @Message
    String background(EmbedView.Background background);

    @Message
    String f_limit();

    @Message
    String f_lang();

    @Message
    String lang_auto();

    @Message
    String show_code();

    @Message
    String iframe_label();

    @Message
    String fragment_label();

    @Message
    String preview();
}
