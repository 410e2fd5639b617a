package de.konferenzbuero.registration;

import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import de.konferenzbuero.conference.Question;
import de.konferenzbuero.conference.QuestionOption;

/** A registration's answer to one of the organiser's questions: a value, or one chosen option (one row each). */
@Entity
public class Answer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Registration registration;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Question question;

    @ManyToOne(fetch = FetchType.LAZY)
    public QuestionOption option;

    public String value;

    /** The answer as people read it, in a language. */
    public String text(Locale locale) {
        return option != null ? option.label(locale) : AnswerText.of(question.kind, value, locale);
    }
}
