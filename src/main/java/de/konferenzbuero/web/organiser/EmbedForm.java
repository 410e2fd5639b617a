package de.konferenzbuero.web.organiser;

import java.util.Locale;

import de.konferenzbuero.EmbedMessages;
import de.konferenzbuero.Texts;
import de.konferenzbuero.web.FormState;

/**
 * The two forms of the embed page: the organisation's {@code sites}, and the choices the code is made from
 * ({@code region, all, accent, background, limit, language}), sent by GET so the code can be bookmarked.
 */
public class EmbedForm extends FormState {

    EmbedForm() {
        super(EmbedForm::label);
    }

    public boolean selected(String field, Object value) {
        return value != null && value.toString().equals(value(field));
    }

    static String label(String field, Locale locale) {
        EmbedMessages m = Texts.embed(locale);
        return switch (field) {
        case "sites" -> m.f_sites();
        case "region" -> m.f_region();
        case "all" -> m.f_all();
        case "accent" -> m.f_accent();
        case "background" -> m.f_background();
        case "limit" -> m.f_limit();
        case "language" -> m.f_lang();
        default -> field;
        };
    }
}
