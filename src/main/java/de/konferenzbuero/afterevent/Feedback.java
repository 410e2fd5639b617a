package de.konferenzbuero.afterevent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.AgendaItemKind;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.input.Checks;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.registration.BookingStatus;
import de.konferenzbuero.registration.Registration;

/**
 * The feedback survey after the event: a rating from 1 to 5 for the whole and for each agenda item the attendee took
 * part in, and a free text; one answer per registration, through its private link. An answer points to nobody: it has a
 * random id, no time and no registration; a separate row only records that the registration has answered.
 */
@ApplicationScoped
public class Feedback {

    /** The ratings from 1 to 5 of one question: how many gave each (index 0 for 1), their number and their mean. */
    public record Ratings(String label, long[] counts) {

        public long total() {
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            return total;
        }

        /** The mean rating with one decimal, or 0 without answers. */
        public double mean() {
            long sum = 0;
            for (int i = 0; i < counts.length; i++) {
                sum += (i + 1) * counts[i];
            }
            return total() == 0 ? 0 : Math.round(10.0 * sum / total()) / 10.0;
        }

        public long count(int rating) {
            return counts[rating - 1];
        }
    }

    /**
     * What the survey found: the whole, each item rated often enough, and the free texts in no particular order; shown
     * only once there are enough answers.
     */
    public record Results(long answers, Ratings overall, List<Ratings> items, List<String> comments) {

        public boolean shown() {
            return answers >= MIN_ANSWERS;
        }

        public int minimum() {
            return MIN_ANSWERS;
        }
    }

    /** The ratings a question offers, from best to worst, in the order forms and results list them. */
    public static final List<Integer> RATINGS = List.of(5, 4, 3, 2, 1);

    /** Results are shown from this many answers (an item's from this many ratings). */
    public static final int MIN_ANSWERS = 5;

    private static final int COMMENT_LIMIT = 2000;

    private final EntityManager em;
    private final Clock clock;

    Feedback(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Whether this registration may answer now: its place was its own and the conference has begun. */
    public boolean isOpenTo(Registration r) {
        Conference c = r.conference;
        return c.feedbackOpen && !c.isCancelled() && r.placeIsTheirs() && r.anonymisedAt == null
                && c.startsAt.isBefore(clock.instant());
    }

    public boolean hasAnswered(Registration r) {
        return !em.createNativeQuery("select 1 from feedback_given where registration_id = ?1").setParameter(1, r.id)
                .getResultList().isEmpty();
    }

    /** The agenda items the attendee took part in: the general programme of their mode and what they booked. */
    public List<AgendaItem> itemsToRate(Registration r) {
        List<Long> booked = r.activeBookings().stream().filter(b -> b.status == BookingStatus.CONFIRMED)
                .map(b -> b.item.id).toList();
        return r.conference.agenda.stream().filter(item -> item.kind != AgendaItemKind.BREAK)
                .filter(item -> item.bookable ? booked.contains(item.id) : item.offers(r.attendance)).toList();
    }

    /**
     * Stores one answer.
     *
     * @throws InvalidInput
     *             without an overall rating, with a rating outside 1 to 5 or a text too long
     * @throws AlreadyAnswered
     *             when this registration has answered before
     * @throws SurveyClosed
     *             when it may not answer (now)
     */
    @Transactional
    public void answer(long registrationId, String overall, Map<Long, String> itemRatings, String comment) {
        Registration r = Registration.findById(registrationId);
        if (r == null || !isOpenTo(r)) {
            throw new SurveyClosed();
        }
        List<FieldProblem> problems = new ArrayList<>();
        Integer whole = rating(problems, "overall", overall, true);
        Map<Long, Integer> ratings = new LinkedHashMap<>();
        for (AgendaItem item : itemsToRate(r)) {
            Integer rating = rating(problems, "item-" + item.id, itemRatings.get(item.id), false);
            if (rating != null) {
                ratings.put(item.id, rating);
            }
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip().replace("\r\n", "\n");
        Checks.optionalText(problems, "comment", text, COMMENT_LIMIT);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        int claimed = em.createNativeQuery(
                "insert into feedback_given (registration_id) values (?1) on conflict (registration_id) do nothing")
                .setParameter(1, r.id).executeUpdate();
        if (claimed == 0) {
            throw new AlreadyAnswered();
        }
        UUID answer = UUID.randomUUID();
        em.createNativeQuery(
                "insert into feedback_answer (id, conference_id, overall, comment) values (?1, ?2, ?3, ?4)")
                .setParameter(1, answer).setParameter(2, r.conference.id).setParameter(3, whole.shortValue())
                .setParameter(4, text == null ? "" : text).executeUpdate();
        for (Map.Entry<Long, Integer> rating : ratings.entrySet()) {
            em.createNativeQuery("insert into feedback_rating (id, agenda_item_id, rating) values (?1, ?2, ?3)")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, rating.getKey())
                    .setParameter(3, rating.getValue().shortValue()).executeUpdate();
        }
    }

    /** How many have answered. */
    public long answers(Conference conference) {
        return ((Number) em.createNativeQuery("select count(*) from feedback_answer where conference_id = ?1")
                .setParameter(1, conference.id).getSingleResult()).longValue();
    }

    /** The results for the organisers. */
    public Results results(Conference conference) {
        long[] overall = new long[5];
        for (Object row : em
                .createNativeQuery(
                        "select overall, count(*) from feedback_answer where conference_id = ?1 group by overall")
                .setParameter(1, conference.id).getResultList()) {
            Object[] columns = (Object[]) row;
            overall[((Number) columns[0]).intValue() - 1] = ((Number) columns[1]).longValue();
        }
        Map<Long, long[]> byItem = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("""
                select r.agenda_item_id, r.rating, count(*) from feedback_rating r
                join agenda_item i on i.id = r.agenda_item_id where i.conference_id = ?1
                group by r.agenda_item_id, r.rating""").setParameter(1, conference.id).getResultList()) {
            Object[] columns = (Object[]) row;
            byItem.computeIfAbsent(((Number) columns[0]).longValue(),
                    id -> new long[5])[((Number) columns[1]).intValue() - 1] = ((Number) columns[2]).longValue();
        }
        List<Ratings> items = conference.agenda.stream().filter(item -> byItem.containsKey(item.id))
                .map(item -> new Ratings(item.title, byItem.get(item.id))).filter(r -> r.total() >= MIN_ANSWERS)
                .toList();
        Ratings whole = new Ratings(null, overall);
        if (whole.total() < MIN_ANSWERS) {
            return new Results(whole.total(), whole, List.of(), List.of());
        }
        @SuppressWarnings("unchecked")
        List<String> comments = em
                .createNativeQuery(
                        "select comment from feedback_answer where conference_id = ?1 and comment <> '' order by id")
                .setParameter(1, conference.id).getResultList();
        return new Results(whole.total(), whole, items, comments);
    }

    private static Integer rating(List<FieldProblem> problems, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, Problem.NOTHING_SELECTED));
            }
            return null;
        }
        try {
            int rating = Integer.parseInt(value.strip());
            if (rating >= 1 && rating <= 5) {
                return rating;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        problems.add(new FieldProblem(field, Problem.ANSWER_NOT_OFFERED));
        return null;
    }
}
