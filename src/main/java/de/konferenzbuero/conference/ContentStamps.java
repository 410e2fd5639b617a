package de.konferenzbuero.conference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * A stamp of everything the public sees of conferences, read in one statement: the MD5 of every row a public page or
 * the public JSON is made of (the conference with its counters, organisations, hosts, tags, agenda items, speakers,
 * documents, questions, options and contingents), so any change of any of them, by any instance, in any way (an edit, a
 * sign-up, a native statement), gives another stamp. Cached pages are checked against it (see PageCache).
 */
@ApplicationScoped
public class ContentStamps {

    /** The rows the list of conferences is made of: the conferences with their counters, organisations, contingents. */
    private static final String LISTED = """
            c::text,
            (select string_agg(o::text, ',' order by o.id) from organisation o
                where o.id = c.organisation_id or o.id in (select organisation_id from conference_host where conference_id = c.id)),
            (select string_agg(k::text, ',' order by k.id) from contingent k where k.conference_id = c.id)""";

    /**
     * What a conference's own page and JSON show besides: hosts, tags, agenda with speakers and documents, questions,
     * and the length of each waitlist (joining or leaving one changes no conference or item row; the count and the sum
     * of the numbers drawn tell any change, read from the waitlist indexes).
     */
    private static final String DETAILS = """
            ,
            (select string_agg(w.attendance || count_and_sum, ',' order by w.attendance) from (
                select attendance, count(*) || ':' || sum(waitlist_seq) as count_and_sum from registration
                where conference_id = c.id and status = 'WAITLISTED' group by attendance) w),
            (select string_agg(h::text, ',' order by h.position) from conference_host h where h.conference_id = c.id),
            (select string_agg(t.tag, ',' order by t.tag) from conference_tag t where t.conference_id = c.id),
            (select string_agg(i::text, ',' order by i.id) from agenda_item i where i.conference_id = c.id),
            (select count(*) || ':' || coalesce(sum(b.waitlist_seq), 0) from session_booking b
                join agenda_item i on i.id = b.agenda_item_id where i.conference_id = c.id and b.status = 'WAITLISTED'),
            (select string_agg(s::text, ',' order by s.agenda_item_id, s.position) from agenda_item_speaker s
                join agenda_item i on i.id = s.agenda_item_id where i.conference_id = c.id),
            (select string_agg(d::text, ',' order by d.agenda_item_id, d.position) from agenda_item_document d
                join agenda_item i on i.id = d.agenda_item_id where i.conference_id = c.id),
            (select string_agg(q::text, ',' order by q.id) from question q where q.conference_id = c.id),
            (select string_agg(p::text, ',' order by p.id) from question_option p
                join question q on q.id = p.question_id where q.conference_id = c.id)""";

    /** The MD5 of the rows ({@code %1$s}, naming the conference {@code c}) of the conferences in {@code %2$s}. */
    private static final String STAMP = "select md5(string_agg(concat_ws('|', %1$s), ';' order by c.id)) from conference c where %2$s";

    private final EntityManager em;

    ContentStamps(EntityManager em) {
        this.em = em;
    }

    /** The stamp of the conference with this slug, whatever its status; the empty stamp while there is none. */
    public String of(String slug) {
        return stamp(em.createNativeQuery(STAMP.formatted(LISTED + DETAILS, "c.slug = ?1")).setParameter(1, slug)
                .getSingleResult());
    }

    /** The stamp of the list of the conferences the public may see (see {@link Conference#listVisible()}). */
    public String ofVisible() {
        return stamp(em.createNativeQuery(STAMP.formatted(LISTED, "c.status in ('PUBLISHED', 'CANCELLED')"))
                .getSingleResult());
    }

    private static String stamp(Object md5) {
        return md5 == null ? "" : (String) md5;
    }
}
