package de.konferenzbuero;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** The message bundle in a given language, for text built in Java (form errors, API problems, mails). */
public final class Texts {

    private Texts() {
    }

    public static Messages of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage())
                ? MessageBundles.get(Messages.class, Localized.Literal.of("en")) : MessageBundles.get(Messages.class);
    }
}
