package de.konferenzbuero.registration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.input.EmailAddresses;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;

/** The rules a choice of attendance mode and items must follow, checked before any place is taken. */
final class SignUpRules {

    private SignUpRules() {
    }

    /**
     * Resolves the chosen item ids to the conference's bookable items, sorted by id.
     *
     * @throws InvalidInput
     *             for a mode the conference does not offer, an unknown or foreign item, two items at overlapping times,
     *             or an item not offered to the mode
     */
    static List<AgendaItem> check(Conference conference, Attendance attendance, List<Long> itemIds) {
        List<FieldProblem> problems = new ArrayList<>();
        if (attendance != null && !conference.format.offers(attendance)) {
            problems.add(new FieldProblem("attendance", Problem.ATTENDANCE_NOT_OFFERED));
        }
        Map<Long, AgendaItem> bookable = conference.bookableItems().stream()
                .collect(Collectors.toMap(item -> item.id, Function.identity()));
        List<AgendaItem> chosen = itemIds.stream().distinct().sorted().map(bookable::get).toList();
        if (chosen.contains(null)) {
            problems.add(new FieldProblem("items", Problem.ITEM_UNKNOWN));
        } else if (overlapping(chosen)) {
            problems.add(new FieldProblem("items", Problem.ITEM_OVERLAP));
        } else if (attendance != null && !chosen.stream().allMatch(item -> item.offers(attendance))) {
            problems.add(new FieldProblem("items", Problem.ITEM_NOT_FOR_MODE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return chosen;
    }

    /** The fields in the order of the form, so errors are listed as the attendee reads them. */
    static final List<String> FIELD_ORDER = List.of("firstName", "lastName", "email", "organisation", "role",
            "attendance", "items", "needsOther", "dietaryNeeds", "answers", "privacyConsent");

    /**
     * The checked answers to the organiser's questions.
     *
     * @param required
     *            whether required questions must be answered (not when an organiser adds someone by hand)
     *
     * @throws InvalidInput
     *             for every refused answer
     */
    static List<Answers.Checked> answers(Conference conference, SignUp in, boolean required) {
        return answers(conference, in.answers(), in.locale(), required);
    }

    /** Like {@link #answers(Conference, SignUp, boolean)}, for answers given in this language ("de" or "en"). */
    static List<Answers.Checked> answers(Conference conference, List<Answered> given, String language,
            boolean required) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Answers.Checked> answers = Answers.check(Question.listShown(conference), given, required,
                "en".equals(language) ? Locale.ENGLISH : Locale.GERMAN, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return answers;
    }

    /** The position of a field in the form; the questions' fields come where their part of the form is. */
    private static int position(String field) {
        return FIELD_ORDER.indexOf(field.startsWith("q-") ? "answers" : field);
    }

    /** Every refused field of a sign-up at once, in the order of the form. */
    static void checkAll(Validator validator, Conference conference, SignUp in, boolean requireAnswers) {
        checkAll(validator, conference, in, requireAnswers, null);
    }

    /** Like {@link #checkAll(Validator, Conference, SignUp, boolean)}; a personal invitation takes only its address. */
    static void checkAll(Validator validator, Conference conference, SignUp in, boolean requireAnswers,
            Invitation invitation) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<SignUp> v : validator.validate(in)) {
            problems.add(new FieldProblem(v.getPropertyPath().toString(), Problem.valueOf(v.getMessage())));
        }
        try {
            check(conference, in.attendance(), in.items());
        } catch (InvalidInput e) {
            problems.addAll(e.problems());
        }
        try {
            answers(conference, in, requireAnswers);
        } catch (InvalidInput e) {
            problems.addAll(e.problems());
        }
        if (in.email() != null && !in.email().isBlank() && problems.stream().noneMatch(p -> p.field().equals("email"))
                && EmailAddresses.normalise(in.email()).isEmpty()) {
            problems.add(new FieldProblem("email", Problem.EMAIL_INVALID));
        }
        if (invitation != null && problems.stream().noneMatch(p -> p.field().equals("email"))
                && !invitation.fits(in.email())) {
            problems.add(new FieldProblem("email", Problem.INVITATION_OTHER_ADDRESS));
        }
        if (!in.privacyConsent()) {
            problems.add(new FieldProblem("privacyConsent", Problem.CONSENT_REQUIRED));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(p -> position(p.field())));
            throw new InvalidInput(problems);
        }
    }

    private static boolean overlapping(List<AgendaItem> items) {
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                if (items.get(i).overlaps(items.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }
}
