package de.konferenzbuero;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import de.konferenzbuero.registration.SignUpService.Member.Outcome;

/**
 * The texts of the group sign-up (one person registers several colleagues), German by default
 * ({@code messages/group_de.properties}); templates use {@code {group:key}}. A bundle of its own, like
 * {@link ApprovalMessages}: it keeps each generated bundle class small.
 */
@MessageBundle(value = "group", locale = "de")
public interface GroupMessages {

    @Message
    String link();

    @Message
    String title();

    @Message
    String intro();

    @Message
    String shared();

    @Message
    String person(int n);

    @Message
    String more();

    @Message
    String more_hint();

    @Message
    String declaration();

    @Message
    String declaration_required();

    @Message
    String photo_hint();

    @Message
    String submit();

    @Message
    String outcome_title();

    @Message
    String outcome_intro();

    @Message
    String outcome(Outcome outcome);

    @Message
    String waitlisted(long position);

    @Message
    String another();

    @Message
    String back();
}
