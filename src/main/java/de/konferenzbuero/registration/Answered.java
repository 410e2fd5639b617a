package de.konferenzbuero.registration;

import java.util.List;

/**
 * An answer as submitted, the same for the form and the JSON API (after pretix): {@code answer} for a value (yes/no as
 * {@code true}/{@code false}, a consent as {@code true}), {@code options} for the chosen option ids of a choice.
 */
public record Answered(Long question, String answer, List<Long> options) {

    public Answered {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
