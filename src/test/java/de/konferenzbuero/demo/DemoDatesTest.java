package de.konferenzbuero.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The demo conferences land on days people can come to, whatever today is. */
class DemoDatesTest {

    @Test
    void newYearsEveMovesTheConferenceAWeekLater() {
        LocalDate day = DemoDates.startDay(LocalDate.of(2026, 12, 10), 21, DayOfWeek.THURSDAY, 0, "NW");
        assertThat(day).isEqualTo(LocalDate.of(2027, 1, 7));
    }

    @Test
    void aTwoDayEventDoesNotRunIntoAHoliday() {
        // Thursday 2027-05-06 is Ascension Day: Wednesday and Thursday will not do, a week later will
        LocalDate day = DemoDates.startDay(LocalDate.of(2027, 5, 1), 4, DayOfWeek.WEDNESDAY, 1, "HH");
        assertThat(day).isEqualTo(LocalDate.of(2027, 5, 12));
    }

    @Test
    void easterAndTheFeastsThatFollowIt() {
        assertThat(DemoDates.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(DemoDates.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(DemoDates.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(DemoDates.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
        assertThat(DemoDates.isDayOff(LocalDate.of(2027, 3, 26), "BB")).as("Good Friday").isTrue();
        assertThat(DemoDates.isDayOff(LocalDate.of(2027, 5, 6), "BB")).as("Ascension Day").isTrue();
        assertThat(DemoDates.isDayOff(LocalDate.of(2027, 5, 17), "BB")).as("Whit Monday").isTrue();
    }

    @Test
    void holidaysOfOneLandOnlyCountThere() {
        LocalDate corpusChristi = LocalDate.of(2027, 5, 27);
        assertThat(DemoDates.isDayOff(corpusChristi, "NW")).isTrue();
        assertThat(DemoDates.isDayOff(corpusChristi, "HH")).isFalse();
        LocalDate repentance = LocalDate.of(2026, 11, 18);
        assertThat(DemoDates.isDayOff(repentance, "SN")).isTrue();
        assertThat(DemoDates.isDayOff(repentance, "BB")).isFalse();
        assertThat(DemoDates.isDayOff(LocalDate.of(2027, 11, 1), "nw")).as("All Saints' Day, Monday").isTrue();
        assertThat(DemoDates.isDayOff(LocalDate.of(2027, 11, 2), "NW")).isFalse();
    }

    @Test
    void everySeedConferenceLandsOnWorkingDaysInItsLandAllYearRound() throws IOException {
        JsonNode seed;
        try (InputStream in = getClass().getResourceAsStream("/demo/conferences.json")) {
            seed = new ObjectMapper().readTree(in);
        }
        int checked = 0;
        for (JsonNode c : seed.get("conferences")) {
            if (c.hasNonNull("date")) {
                continue;
            }
            int startsInDays = c.get("startsInDays").asInt();
            DayOfWeek weekday = DayOfWeek.valueOf(c.get("weekday").asText());
            int endDay = c.path("endDay").asInt(0);
            String land = c.get("land").asText();
            for (LocalDate today = LocalDate.of(2026, 1, 1); today
                    .isBefore(LocalDate.of(2028, 1, 1)); today = today.plusDays(1)) {
                LocalDate first = DemoDates.startDay(today, startsInDays, weekday, endDay, land);
                assertThat(first.getDayOfWeek()).isEqualTo(weekday);
                assertThat(first).isBetween(today.plusDays(startsInDays), today.plusDays(startsInDays + 27));
                for (int i = 0; i <= endDay; i++) {
                    assertThat(DemoDates.isDayOff(first.plusDays(i), land))
                            .as("%s from %s, day %d: %s", c.get("slug").asText(), today, i, first.plusDays(i))
                            .isFalse();
                }
                checked++;
            }
        }
        assertThat(checked).as("seed conferences times days").isGreaterThan(4 * 700);
    }
}
