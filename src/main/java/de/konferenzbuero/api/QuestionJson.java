package de.konferenzbuero.api;

import java.util.List;
import java.util.Locale;

import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionKind;
import de.konferenzbuero.conference.QuestionOption;
import de.konferenzbuero.registration.Answer;
import de.konferenzbuero.registration.Registration;

/**
 * One of the organiser's questions, as the sign-up answers it: {@code answers: [{"question": id, "answer": "..."}]} or,
 * for a choice, {@code "options": [ids]}; {@code shownIf} names the earlier answer it depends on (null: always asked).
 */
public record QuestionJson(long id, int version, QuestionKind kind, String labelDe, String labelEn, String helpDe,
        String helpEn, boolean required, List<OptionJson> options, Condition shownIf, boolean onBadge) {

    /** A choice; {@code capacity} null means unlimited, {@code free} the places left (null when unlimited). */
    public record OptionJson(long id, String labelDe, String labelEn, Integer capacity, Integer free) {
    }

    /** Asked only if the answer to {@code question} is {@code value} (true/false, or an option id). */
    public record Condition(long question, String value) {
    }

    /**
     * An answer as stored: the value (null for a choice), the chosen option ids, and the text people read (for an
     * option with places also whether it is waitlisted).
     */
    public record AnswerJson(long question, String answer, List<Long> options, String text) {
    }

    static QuestionJson of(Question q) {
        return new QuestionJson(q.id, q.version, q.kind, q.labelDe, q.labelEn, q.helpDe, q.helpEn, q.required,
                q.offeredOptions().stream().map(QuestionJson::option).toList(),
                q.conditional() ? new Condition(q.shownIfQuestion.id, q.shownIfValue) : null, q.onBadge);
    }

    private static OptionJson option(QuestionOption o) {
        return new OptionJson(o.id, o.labelDe, o.labelEn, o.capacity, o.freePlaces());
    }

    static List<QuestionJson> of(List<Question> questions) {
        return questions.stream().map(QuestionJson::of).toList();
    }

    /** A registration's answers, one per question, in the language of its mails. */
    static List<AnswerJson> answers(Registration r) {
        Locale language = "en".equals(r.locale) ? Locale.ENGLISH : Locale.GERMAN;
        return r.answerLines(language).stream().map(line -> {
            List<Answer> rows = r.answers.stream().filter(a -> a.question.id.equals(line.questionId())).toList();
            List<Long> options = rows.stream().filter(a -> a.option != null).map(a -> a.option.id).toList();
            return new AnswerJson(line.questionId(), options.isEmpty() ? rows.get(0).value : null, options,
                    line.answer());
        }).toList();
    }
}
