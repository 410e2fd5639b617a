package de.konferenzbuero;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Conferences happen in Germany: every date and time is shown in Europe/Berlin, formatted per locale. */
public final class EventTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static final DateTimeFormatter DATE_DE = DateTimeFormatter.ofPattern("EEEE, d. MMMM yyyy", Locale.GERMAN);
    private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMAN);
    private static final DateTimeFormatter SHORT_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_DE = DateTimeFormatter.ofPattern("EEEE, d. MMMM", Locale.GERMAN);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEEE, d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private EventTime() {
    }

    public static ZonedDateTime local(Instant instant) {
        return instant.atZone(ZONE);
    }

    public static LocalDate day(Instant instant) {
        return local(instant).toLocalDate();
    }

    /** "Dienstag, 22. März 2022" or "Tuesday, 22 March 2022". */
    public static String date(Instant instant, Locale locale) {
        return (german(locale) ? DATE_DE : DATE_EN).format(local(instant));
    }

    /** "22. März 2022" or "22 March 2022". */
    public static String shortDate(Instant instant, Locale locale) {
        return (german(locale) ? SHORT_DE : SHORT_EN).format(local(instant));
    }

    /** "Dienstag, 22. März" or "Tuesday, 22 March", for agenda day headings. */
    public static String weekday(LocalDate day, Locale locale) {
        return (german(locale) ? DAY_DE : DAY_EN).format(day);
    }

    /** "10:00", 24-hour clock in both languages. */
    public static String time(Instant instant) {
        return TIME.format(local(instant));
    }

    /**
     * The whole span of an event: "Dienstag, 22. März 2022, 10:00–15:00 Uhr" on one day, "11. Mai 2023, 10:00 Uhr – 12.
     * Mai 2023, 15:00 Uhr" over several days.
     */
    public static String span(Instant start, Instant end, Locale locale) {
        String clock = german(locale) ? " Uhr" : "";
        if (day(start).equals(day(end))) {
            return date(start, locale) + ", " + time(start) + "–" + time(end) + clock;
        }
        return date(start, locale) + ", " + time(start) + clock + " – " + date(end, locale) + ", " + time(end) + clock;
    }

    private static boolean german(Locale locale) {
        return locale == null || "de".equals(locale.getLanguage());
    }
}
