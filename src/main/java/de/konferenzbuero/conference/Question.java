package de.konferenzbuero.conference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One of the organiser's own questions on a conference's sign-up form. A question with answers is never deleted, only
 * marked ({@link #deletedAt}), so its answers stay readable.
 */
@Entity
public class Question extends PanacheEntityBase {

    /** The value of a yes/no answer "yes"; also the condition value for it. */
    public static final String YES = "true";
    public static final String NO = "false";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Conference conference;

    public int position;

    @Enumerated(EnumType.STRING)
    public QuestionKind kind;

    public String labelDe;

    public String labelEn;

    public String helpDe;

    public String helpEn;

    public boolean required;

    /** Its answers are printed on the name badges. */
    public boolean onBadge;

    /** Shown only if the answer to this earlier question is {@link #shownIfValue}. */
    @ManyToOne(fetch = FetchType.LAZY)
    public Question shownIfQuestion;

    /** {@link #YES}/{@link #NO} for a yes/no question, else the id of an option. */
    public String shownIfValue;

    public Instant deletedAt;

    @OneToMany(mappedBy = "question")
    @OrderBy("position")
    public List<QuestionOption> options = new ArrayList<>();

    @Version
    public int version;

    /** The questions of the sign-up form, in order. */
    public static List<Question> listShown(Conference conference) {
        return list("conference = ?1 and deletedAt is null order by position, id", conference);
    }

    /** The questions shown of each of these conferences (by conference id), in one query. */
    public static java.util.Map<Long, List<Question>> listShown(List<Conference> conferences) {
        java.util.Map<Long, List<Question>> shown = new java.util.HashMap<>();
        conferences.forEach(c -> shown.put(c.id, new java.util.ArrayList<>()));
        if (!conferences.isEmpty()) {
            Question.<Question> list("conference in ?1 and deletedAt is null order by position, id", conferences)
                    .forEach(q -> shown.get(q.conference.id).add(q));
        }
        return shown;
    }

    /** Every question whose answers are to be read: those asked now and removed ones that have answers. */
    public static List<Question> listAnswerable(Conference conference) {
        return list("""
                from Question q where q.conference = ?1
                  and (q.deletedAt is null or exists (select 1 from Answer a where a.question = q))
                order by q.position, q.id""", conference);
    }

    public String label(Locale locale) {
        return inLanguage(labelDe, labelEn, locale);
    }

    public String help(Locale locale) {
        return inLanguage(helpDe, helpEn, locale);
    }

    public boolean hasHelp() {
        return helpDe != null;
    }

    /** The options an attendee can choose now. */
    public List<QuestionOption> offeredOptions() {
        return options.stream().filter(o -> o.deletedAt == null).toList();
    }

    public QuestionOption option(long optionId) {
        return options.stream().filter(o -> o.id == optionId).findFirst().orElse(null);
    }

    public boolean conditional() {
        return shownIfQuestion != null;
    }

    /** The form field of this question: {@code q-<id>}. */
    public String field() {
        return "q-" + id;
    }

    /** The condition's answer as a text, e.g. "Ja" or the option's label. */
    public String conditionAnswer(Locale locale) {
        if (shownIfQuestion == null) {
            return null;
        }
        if (shownIfQuestion.kind == QuestionKind.YES_NO) {
            return YES.equals(shownIfValue) ? (locale.getLanguage().equals("en") ? "Yes" : "Ja")
                    : (locale.getLanguage().equals("en") ? "No" : "Nein");
        }
        QuestionOption option = shownIfQuestion.option(Long.parseLong(shownIfValue));
        return option == null ? shownIfValue : option.label(locale);
    }

    static String inLanguage(String de, String en, Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : de;
    }
}
