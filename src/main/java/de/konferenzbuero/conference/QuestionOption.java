package de.konferenzbuero.conference;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One answer of a choice question. Removed options with answers are only marked, like questions. */
@Entity
public class QuestionOption extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Question question;

    public int position;

    public String labelDe;

    public String labelEn;

    public Instant deletedAt;

    /** Places of this option (e.g. seats in a shuttle bus); null: unlimited. */
    public Integer capacity;

    /** Confirmed places, maintained by the registration package's capacity statements. */
    @Column(insertable = false, updatable = false)
    public int taken;

    public Integer freePlaces() {
        return capacity == null ? null : Math.max(0, capacity - taken);
    }

    public String label(Locale locale) {
        return Question.inLanguage(labelDe, labelEn, locale);
    }
}
