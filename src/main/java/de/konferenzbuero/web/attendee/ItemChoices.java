package de.konferenzbuero.web.attendee;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Conference;

/**
 * The bookable items of a conference as the sign-up form offers them: items at overlapping times form a group of
 * alternatives (radio buttons, with "none"); an item overlapping nothing is a checkbox.
 */
public record ItemChoices(List<Group> groups) {

    /** Alternatives at one time; {@code name} is the form field of the group. */
    public record Group(String name, Instant startsAt, Instant endsAt, List<AgendaItem> items) {

        public boolean alternatives() {
            return items.size() > 1;
        }

        public AgendaItem single() {
            return items.get(0);
        }
    }

    public static ItemChoices of(Conference conference) {
        List<AgendaItem> bookable = conference.bookableItems().stream()
                .sorted(Comparator.comparing((AgendaItem i) -> i.startsAt).thenComparing(i -> i.id)).toList();
        List<List<AgendaItem>> clusters = new ArrayList<>();
        Instant clusterEnd = null;
        for (AgendaItem item : bookable) {
            if (clusterEnd == null || !item.startsAt.isBefore(clusterEnd)) {
                clusters.add(new ArrayList<>());
                clusterEnd = item.endsAt;
            } else if (item.endsAt.isAfter(clusterEnd)) {
                clusterEnd = item.endsAt;
            }
            clusters.get(clusters.size() - 1).add(item);
        }
        List<Group> groups = new ArrayList<>();
        for (List<AgendaItem> cluster : clusters) {
            Instant start = cluster.get(0).startsAt;
            Instant end = cluster.stream().map(i -> i.endsAt).max(Comparator.naturalOrder()).orElseThrow();
            groups.add(new Group("items-" + groups.size(), start, end, List.copyOf(cluster)));
        }
        return new ItemChoices(groups);
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }
}
