package de.konferenzbuero.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The days the demo conferences are put on, relative to today: never on a weekend, a nationwide public holiday, a
 * public holiday of the venue's Land (ISO 3166-2 code without "DE-", e.g. "NW"), or 24 to 26 and 31 December, when
 * nobody in a town hall would come.
 */
final class DemoDates {

    private DemoDates() {
    }

    /**
     * The first {@code weekday} at least {@code startsInDays} after {@code today} on which every day of the event
     * ({@code endDay} days after the first) is a working day in {@code land}; a week later at a time otherwise.
     */
    static LocalDate startDay(LocalDate today, int startsInDays, DayOfWeek weekday, int endDay, String land) {
        LocalDate day = today.plusDays(startsInDays).with(TemporalAdjusters.nextOrSame(weekday));
        while (!workingDays(day, endDay, land)) {
            day = day.plusWeeks(1);
        }
        return day;
    }

    private static boolean workingDays(LocalDate first, int endDay, String land) {
        for (int i = 0; i <= endDay; i++) {
            if (isDayOff(first.plusDays(i), land)) {
                return false;
            }
        }
        return true;
    }

    /** A weekend, a public holiday (nationwide or of the Land), or 24 to 26 or 31 December. */
    static boolean isDayOff(LocalDate day, String land) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || holidays(day.getYear(), land == null ? "" : land.toUpperCase(Locale.ROOT)).contains(day);
    }

    /** The public holidays of a year in a Land, with the days around Christmas and New Year's Eve. */
    static Set<LocalDate> holidays(int year, String land) {
        Set<LocalDate> days = new HashSet<>();
        LocalDate easter = easterSunday(year);
        for (MonthDay fixed : new MonthDay[] { MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(10, 3),
                MonthDay.of(12, 24), MonthDay.of(12, 25), MonthDay.of(12, 26), MonthDay.of(12, 31) }) {
            days.add(fixed.atYear(year));
        }
        days.add(easter.minusDays(2)); // Karfreitag
        days.add(easter.plusDays(1)); // Ostermontag
        days.add(easter.plusDays(39)); // Christi Himmelfahrt
        days.add(easter.plusDays(50)); // Pfingstmontag
        if (Set.of("BW", "BY", "ST").contains(land)) {
            days.add(LocalDate.of(year, 1, 6)); // Heilige Drei Könige
        }
        if (Set.of("BE", "MV").contains(land)) {
            days.add(LocalDate.of(year, 3, 8)); // Internationaler Frauentag
        }
        if (Set.of("BW", "BY", "HE", "NW", "RP", "SL").contains(land)) {
            days.add(easter.plusDays(60)); // Fronleichnam
        }
        if (Set.of("BY", "SL").contains(land)) {
            days.add(LocalDate.of(year, 8, 15)); // Mariä Himmelfahrt
        }
        if ("TH".equals(land)) {
            days.add(LocalDate.of(year, 9, 20)); // Weltkindertag
        }
        if (Set.of("BB", "HB", "HH", "MV", "NI", "SN", "ST", "SH", "TH").contains(land)) {
            days.add(LocalDate.of(year, 10, 31)); // Reformationstag
        }
        if (Set.of("BW", "BY", "NW", "RP", "SL").contains(land)) {
            days.add(LocalDate.of(year, 11, 1)); // Allerheiligen
        }
        if ("SN".equals(land)) {
            // Buß- und Bettag: the Wednesday before 23 November
            days.add(LocalDate.of(year, 11, 23).with(TemporalAdjusters.previous(DayOfWeek.WEDNESDAY)));
        }
        return days;
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous algorithm of 1876). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
