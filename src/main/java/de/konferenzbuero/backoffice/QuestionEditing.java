package de.konferenzbuero.backoffice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionKind;
import de.konferenzbuero.conference.QuestionOption;
import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.organisation.Organiser;
import de.konferenzbuero.registration.Answer;
import de.konferenzbuero.registration.OrganiserActions;

/**
 * The organiser's own questions of a conference: add, edit, reorder, remove. A question or option that has answers is
 * only marked as removed, so its answers stay readable; its kind cannot change then. A condition refers to an earlier
 * yes/no or choice question, so the order keeps every condition before the questions that depend on it.
 */
@ApplicationScoped
public class QuestionEditing {

    static final int LABEL_MAX = 300;
    static final int HELP_MAX = 1000;
    static final int OPTIONS_MAX = 50;

    private final ConferenceEditing conferences;
    private final OrganiserActions actions;
    private final Audit audit;
    private final Clock clock;

    QuestionEditing(ConferenceEditing conferences, OrganiserActions actions, Audit audit, Clock clock) {
        this.actions = actions;
        this.conferences = conferences;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Question> list(Organiser organiser, long conferenceId) {
        return Question.listShown(conferences.find(organiser, conferenceId));
    }

    public Question find(Organiser organiser, long conferenceId, long questionId) {
        return questionOf(conferences.find(organiser, conferenceId), questionId);
    }

    private static Question questionOf(Conference conference, long questionId) {
        Question question = Question.findById(questionId);
        if (question == null || !question.conference.id.equals(conference.id) || question.deletedAt != null) {
            throw new NotYours();
        }
        return question;
    }

    @Transactional
    public Question add(Organiser organiser, long conferenceId, QuestionDraft draft) {
        Conference conference = conferences.findLocked(organiser, conferenceId);
        List<Question> questions = Question.listShown(conference);
        check(draft, null, questions);
        Question question = new Question();
        question.conference = conference;
        question.position = questions.stream().mapToInt(q -> q.position).max().orElse(0) + 1;
        apply(question, draft, questions);
        question.persist();
        replaceOptions(question, draft.options());
        audit.record(organiser.email, conferenceId, "QUESTION", question.id, "added", question.labelDe);
        return question;
    }

    @Transactional
    public Question update(Organiser organiser, long conferenceId, long questionId, QuestionDraft draft) {
        Conference conference = conferences.findLocked(organiser, conferenceId);
        Question question = questionOf(conference, questionId);
        // as it is now, under the lock (it may have been read earlier in this transaction)
        Question.getEntityManager().refresh(question);
        if (draft.version() == null || draft.version() != question.version) {
            throw new InvalidInput("version", Problem.EDITED_BY_SOMEONE_ELSE);
        }
        List<Question> questions = Question.listShown(conference);
        check(draft, question, questions);
        String before = question.labelDe;
        apply(question, draft, questions);
        boolean placesAdded = replaceOptions(question, draft.options());
        // a form opened before is refused even when only the options changed
        Question.getEntityManager().lock(question, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (placesAdded) {
            actions.fillOptionPlaces(question);
        }
        audit.record(organiser.email, conferenceId, "QUESTION", questionId, "edited",
                before.equals(question.labelDe) ? before : before + " → " + question.labelDe);
        return question;
    }

    /** Swaps the question with its neighbour; refused when a condition would come after a question it decides. */
    @Transactional
    public void move(Organiser organiser, long conferenceId, long questionId, boolean up) {
        Conference conference = conferences.findLocked(organiser, conferenceId);
        Question question = questionOf(conference, questionId);
        List<Question> questions = Question.listShown(conference);
        int i = questions.indexOf(question);
        int j = up ? i - 1 : i + 1;
        if (j < 0 || j >= questions.size()) {
            return;
        }
        Question other = questions.get(j);
        Question earlier = up ? other : question;
        Question later = up ? question : other;
        if (later.shownIfQuestion != null && later.shownIfQuestion.id.equals(earlier.id)) {
            throw new InvalidInput("question", Problem.QUESTION_IN_USE);
        }
        int position = question.position;
        question.position = other.position;
        other.position = position;
        if (question.position == other.position) {
            question.position += up ? -1 : 1;
        }
        audit.record(organiser.email, conferenceId, "QUESTION", questionId, "moved " + (up ? "up" : "down"),
                question.labelDe);
    }

    /**
     * Removes a question: marked only when it has answers, deleted otherwise. Refused while another question depends on
     * it.
     */
    @Transactional
    public void remove(Organiser organiser, long conferenceId, long questionId) {
        Conference conference = conferences.findLocked(organiser, conferenceId);
        Question question = questionOf(conference, questionId);
        if (Question.count("shownIfQuestion = ?1 and deletedAt is null", question) > 0) {
            throw new InvalidInput("question", Problem.QUESTION_IN_USE);
        }
        boolean answered = Answer.count("question", question) > 0;
        if (answered) {
            question.deletedAt = clock.instant();
        } else {
            QuestionOption.delete("question", question);
            question.delete();
        }
        audit.record(organiser.email, conferenceId, "QUESTION", questionId,
                answered ? "removed (answers kept)" : "removed", question.labelDe);
    }

    /** Every problem of a draft, or none. */
    public List<FieldProblem> problems(Conference conference, QuestionDraft draft, Question existing) {
        try {
            check(draft, existing, Question.listShown(conference));
            return List.of();
        } catch (InvalidInput e) {
            return e.problems();
        }
    }

    private static void check(QuestionDraft d, Question existing, List<Question> questions) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.kind() == null) {
            problems.add(new FieldProblem("kind", Problem.REQUIRED));
        } else if (existing != null && d.kind() != existing.kind && Answer.count("question", existing) > 0) {
            problems.add(new FieldProblem("kind", Problem.QUESTION_IN_USE));
        }
        Checks.text(problems, "labelDe", d.labelDe(), LABEL_MAX);
        Checks.optionalText(problems, "labelEn", d.labelEn(), LABEL_MAX);
        Checks.optionalText(problems, "helpDe", d.helpDe(), HELP_MAX);
        Checks.optionalText(problems, "helpEn", d.helpEn(), HELP_MAX);
        boolean choice = d.kind() != null && d.kind().hasOptions();
        if (choice && d.options().isEmpty()) {
            problems.add(new FieldProblem("options", Problem.REQUIRED));
        } else if (choice && d.options().size() > OPTIONS_MAX) {
            problems.add(new FieldProblem("options", Problem.TOO_LONG));
        } else if (choice) {
            List<FieldProblem> optionProblems = new ArrayList<>();
            for (QuestionDraft.Option o : d.options()) {
                Checks.text(optionProblems, "options", o.labelDe(), LABEL_MAX);
                Checks.optionalText(optionProblems, "options", o.labelEn(), LABEL_MAX);
                if (o.capacity() != null && (o.capacity() < 0 || o.capacity() > 100_000)) {
                    optionProblems.add(new FieldProblem("options", Problem.CAPACITY_REQUIRED));
                } else if (o.capacity() != null && existing != null && o.labelDe() != null) {
                    existing.offeredOptions().stream().filter(old -> old.labelDe.equals(o.labelDe().strip()))
                            .filter(old -> old.taken > o.capacity()).findFirst().ifPresent(old -> optionProblems
                                    .add(new FieldProblem("options", Problem.CAPACITY_BELOW_CONFIRMED)));
                }
            }
            if (d.options().stream().map(o -> o.labelDe() == null ? "" : o.labelDe().strip()).distinct().count() < d
                    .options().size()) {
                optionProblems.add(new FieldProblem("options", Problem.ANSWER_NOT_OFFERED));
            }
            optionProblems.stream().findFirst().ifPresent(problems::add);
            if (existing != null && optionProblems.isEmpty() && retiresAConditionOption(existing, d)) {
                problems.add(new FieldProblem("options", Problem.QUESTION_IN_USE));
            }
        } else if (!d.options().isEmpty()) {
            problems.add(new FieldProblem("options", Problem.ANSWER_NOT_OFFERED));
        }
        if (!conditionValid(d, existing, questions)) {
            problems.add(new FieldProblem("condition", Problem.CONDITION_INVALID));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /** A condition names an earlier yes/no or choice question (not this one) and one of its answers. */
    private static boolean conditionValid(QuestionDraft d, Question existing, List<Question> questions) {
        if (d.shownIfQuestion() == null && (d.shownIfValue() == null || d.shownIfValue().isBlank())) {
            return true;
        }
        Question parent = questions.stream().filter(q -> q.id.equals(d.shownIfQuestion())).findFirst().orElse(null);
        if (parent == null || parent == existing || !parent.kind.canBeCondition() || d.shownIfValue() == null) {
            return false;
        }
        if (existing != null && parent.position > existing.position) {
            return false;
        }
        if (parent.kind == QuestionKind.YES_NO) {
            return Question.YES.equals(d.shownIfValue()) || Question.NO.equals(d.shownIfValue());
        }
        return parent.offeredOptions().stream().anyMatch(o -> String.valueOf(o.id).equals(d.shownIfValue()));
    }

    /** Whether saving would retire an option that another question's condition names. */
    private static boolean retiresAConditionOption(Question existing, QuestionDraft d) {
        return existing.offeredOptions().stream()
                .filter(o -> d.options().stream().noneMatch(n -> n.labelDe().strip().equals(o.labelDe)))
                .anyMatch(o -> Question.count("shownIfQuestion = ?1 and shownIfValue = ?2 and deletedAt is null",
                        existing, String.valueOf(o.id)) > 0);
    }

    private static void apply(Question q, QuestionDraft d, List<Question> questions) {
        q.kind = d.kind();
        q.labelDe = d.labelDe().strip();
        q.labelEn = Checks.strippedOrNull(d.labelEn());
        q.helpDe = Checks.strippedOrNull(d.helpDe());
        q.helpEn = q.helpDe == null ? null : Checks.strippedOrNull(d.helpEn());
        q.required = d.required();
        q.onBadge = d.onBadge();
        boolean conditional = d.shownIfQuestion() != null;
        q.shownIfQuestion = conditional
                ? questions.stream().filter(p -> p.id.equals(d.shownIfQuestion())).findFirst().orElseThrow() : null;
        q.shownIfValue = conditional ? d.shownIfValue() : null;
    }

    /**
     * The options as entered: an existing option with the same German text is kept (its answers and places with it);
     * one no longer listed is marked removed when it has answers and deleted otherwise.
     *
     * @return whether an existing option got more places (or became unlimited), so people waiting may move up
     */
    private boolean replaceOptions(Question q, List<QuestionDraft.Option> drafts) {
        boolean placesAdded = false;
        List<QuestionOption> offered = new ArrayList<>(q.offeredOptions());
        int position = 1;
        List<QuestionOption> kept = new ArrayList<>();
        for (QuestionDraft.Option d : q.kind.hasOptions() ? drafts : List.<QuestionDraft.Option> of()) {
            String de = d.labelDe().strip();
            QuestionOption option = offered.stream().filter(o -> o.labelDe.equals(de)).findFirst().orElse(null);
            if (option == null) {
                option = new QuestionOption();
                option.question = q;
                option.labelDe = de;
                option.persist();
                q.options.add(option);
            }
            option.labelEn = Checks.strippedOrNull(d.labelEn());
            placesAdded |= option.capacity != null && (d.capacity() == null || d.capacity() > option.capacity);
            option.capacity = d.capacity();
            option.position = position++;
            kept.add(option);
        }
        for (QuestionOption old : offered) {
            if (kept.contains(old)) {
                continue;
            }
            if (Answer.count("option", old) > 0) {
                old.deletedAt = clock.instant();
                old.position = position++;
            } else {
                q.options.remove(old);
                old.delete();
            }
        }
        q.options.sort(Comparator.comparingInt(o -> o.position));
        return placesAdded;
    }
}
