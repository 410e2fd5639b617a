package de.konferenzbuero.web.attendee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.konferenzbuero.EventTime;
import de.konferenzbuero.conference.AgendaItem;
import de.konferenzbuero.conference.Conference;

/**
 * A conference's agenda as the page shows it: by day (in Europe/Berlin), then by time slot; items starting at the same
 * time run in parallel and are shown side by side.
 */
public record AgendaView(List<Day> days, boolean multiDay) {

    public record Day(LocalDate date, List<Slot> slots) {
    }

    public record Slot(Instant startsAt, List<AgendaItem> items) {

        public boolean parallel() {
            return items.size() > 1;
        }
    }

    public static AgendaView of(Conference conference) {
        List<AgendaItem> items = conference.agenda;
        Map<LocalDate, Map<Instant, List<AgendaItem>>> byDay = new LinkedHashMap<>();
        items.stream().sorted(
                (a, b) -> a.startsAt.equals(b.startsAt) ? a.id.compareTo(b.id) : a.startsAt.compareTo(b.startsAt))
                .forEach(item -> byDay.computeIfAbsent(EventTime.day(item.startsAt), d -> new LinkedHashMap<>())
                        .computeIfAbsent(item.startsAt, t -> new ArrayList<>()).add(item));
        List<Day> days = new ArrayList<>();
        byDay.forEach((date, slots) -> days.add(new Day(date,
                slots.entrySet().stream().map(e -> new Slot(e.getKey(), List.copyOf(e.getValue()))).toList())));
        return new AgendaView(days, conference.isMultiDay());
    }
}
