package de.konferenzbuero.backoffice;

import java.util.List;
import java.util.Objects;

import de.konferenzbuero.conference.QuestionKind;

/**
 * A question as an organiser enters it (page and API): the options of a choice question in order; the condition as the
 * id of an earlier question and the answer for which this one is asked ({@code true}/{@code false} for yes/no, an
 * option id for a choice), both null for none; {@code version} the one the organiser saw (null when new).
 */
public record QuestionDraft(QuestionKind kind, String labelDe, String labelEn, String helpDe, String helpEn,
        boolean required, List<Option> options, Long shownIfQuestion, String shownIfValue, Integer version,
        boolean onBadge) {

    /** An answer to choose, in German and (optionally) English, with its places (null: unlimited). */
    public record Option(String labelDe, String labelEn, Integer capacity) {
    }

    public QuestionDraft {
        options = options == null ? List.of() : options.stream().filter(Objects::nonNull).toList();
    }
}
