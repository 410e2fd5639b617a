package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import de.konferenzbuero.registration.HistoryKind;

/**
 * The steps of a registration's history as organisers read them, German by default
 * ({@code messages/history_de.properties}); templates use {@code {history:step(kind)}}. A bundle of its own: an enum
 * with many constants makes a large generated method, and the organiser bundle is large already.
 */
@MessageBundle(value = "history", locale = "de")
public interface HistoryMessages {

    @Message
    String step(HistoryKind kind);
}
