package de.konferenzbuero.web.attendee;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.ws.rs.core.MultivaluedMap;

import de.konferenzbuero.Texts;
import de.konferenzbuero.conference.Attendance;
import de.konferenzbuero.conference.Question;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.registration.SignUp;
import de.konferenzbuero.registration.SignUpService;

/**
 * The group sign-up form as submitted: the fields for everyone (organisation, the registrant's declaration) and one
 * {@link SignUpForm} per person, whose fields are named {@code p<n>-<field>}; sections left empty are skipped. Errors
 * of the service's {@code people[i].<field>} are shown at the person's field and listed in one summary.
 */
public class GroupForm {

    static final int FIRST_COUNT = 3;

    /** What the names of the fields for everyone start with. */
    private static final String SHARED = "all-";

    private static final Pattern PERSON_FIELD = Pattern.compile("people\\[(\\d+)]\\.(.+)");

    private final SignUpForm shared;
    private final List<SignUpForm> people;
    private final Map<String, String> summary = new LinkedHashMap<>();

    /** The people's forms that were filled in, in order: the i-th is the service's {@code people[i]}. */
    private final List<SignUpForm> filled = new ArrayList<>();

    private GroupForm(SignUpForm shared, List<SignUpForm> people) {
        this.shared = shared;
        this.people = people;
    }

    static GroupForm empty() {
        return new GroupForm(SignUpForm.empty(SHARED),
                IntStream.rangeClosed(1, FIRST_COUNT).mapToObj(n -> SignUpForm.empty(prefix(n))).toList());
    }

    /**
     * The submitted form; {@code count} says how many sections it showed, at most {@link SignUpService#GROUP_LIMIT}.
     */
    static GroupForm of(MultivaluedMap<String, String> fields) {
        int count = FIRST_COUNT;
        try {
            count = Math.max(1, Math.min(SignUpService.GROUP_LIMIT, Integer.parseInt(fields.getFirst("count"))));
        } catch (NumberFormatException e) {
            // a form not sent by our page: the first sections
        }
        List<SignUpForm> people = IntStream.rangeClosed(1, count).mapToObj(n -> SignUpForm.of(fields, prefix(n)))
                .toList();
        return new GroupForm(SignUpForm.of(fields, SHARED), people);
    }

    /** The same entries with one more, empty section (the "add another person" button). */
    GroupForm withOneMore() {
        List<SignUpForm> more = new ArrayList<>(people);
        if (more.size() < SignUpService.GROUP_LIMIT) {
            more.add(SignUpForm.empty(prefix(more.size() + 1)));
        }
        return new GroupForm(shared, more);
    }

    private static String prefix(int n) {
        return "p" + n + "-";
    }

    /** The organisation and the declaration (fields {@code all-organisation}, {@code all-privacyConsent}). */
    public SignUpForm shared() {
        return shared;
    }

    public List<SignUpForm> people() {
        return people;
    }

    public boolean canAddMore() {
        return people.size() < SignUpService.GROUP_LIMIT;
    }

    /**
     * The sign-ups of the sections filled in, for everyone with the shared organisation and the registrant's
     * declaration as their privacy consent; photos are for each person to decide themselves.
     */
    List<SignUp> toSignUps(Attendance onlyMode, Locale locale) {
        filled.clear();
        List<SignUp> result = new ArrayList<>();
        boolean declared = shared.checked("privacyConsent");
        for (SignUpForm person : people) {
            if (!isFilled(person)) {
                continue;
            }
            filled.add(person);
            SignUp p = person.toSignUp(onlyMode, locale);
            result.add(new SignUp(p.firstName(), p.lastName(), p.email(), shared.valueOrNull("organisation"), p.role(),
                    p.attendance(), p.items(), p.needsWheelchair(), p.needsSignLanguage(), p.needsInductionLoop(),
                    p.needsOther(), p.dietaryNeeds(), declared, false, p.locale(), p.answers()));
        }
        return result;
    }

    private static boolean isFilled(SignUpForm person) {
        return person.valueOrNull("firstName") != null || person.valueOrNull("lastName") != null
                || person.valueOrNull("email") != null || !person.items().isEmpty() || !person.answers().isEmpty();
    }

    /** Shows the service's refusals at the fields they concern, with the questions named in the summary. */
    void reject(List<FieldProblem> problems, List<Question> questions, Locale locale) {
        for (FieldProblem p : problems) {
            Matcher m = PERSON_FIELD.matcher(p.field());
            if (m.matches() && Integer.parseInt(m.group(1)) < filled.size()) {
                String field = m.group(2);
                if (field.equals("privacyConsent") || field.equals("organisation")) {
                    rejectShared(field, p.problem(), locale);
                } else {
                    filled.get(Integer.parseInt(m.group(1))).asking(questions, locale)
                            .reject(List.of(new FieldProblem(field, p.problem())), locale);
                }
            } else if (p.problem() == Problem.REQUIRED) {
                // nobody entered: the first section asks for a name
                people.get(0).reject(List.of(new FieldProblem("firstName", Problem.REQUIRED)), locale);
            } else {
                shared.reject(List.of(p), locale);
            }
        }
        shared.summary().forEach((field, text) -> summary.put(SHARED + field, text));
        for (int i = 0; i < people.size(); i++) {
            SignUpForm person = people.get(i);
            String name = Texts.group(locale).person(i + 1);
            person.summary().forEach((field, text) -> summary.put(person.prefix() + field, name + ", " + text));
        }
    }

    private void rejectShared(String field, Problem problem, Locale locale) {
        if (field.equals("privacyConsent")) {
            shared.reject(field, Texts.group(locale).declaration_required(), locale);
        } else {
            shared.reject(List.of(new FieldProblem(field, problem)), locale);
        }
    }

    public boolean hasErrors() {
        return !summary.isEmpty();
    }

    /** Every error, keyed by the id of its field without the "f-" ({@code all-organisation}, {@code p2-email}). */
    public Map<String, String> summary() {
        return summary;
    }
}
