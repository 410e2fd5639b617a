package de.konferenzbuero.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import javax.sql.DataSource;

/** The migrations apply to a real PostgreSQL and the database itself refuses impossible data. */
@QuarkusTest
class SchemaTest {

    @Inject
    DataSource dataSource;

    @Test
    void migrationsApplied() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s
                .executeQuery("select count(*) from flyway_schema_history where success and version = '1'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void conferenceMustEndAfterItStarts() {
        assertRejected(
                "insert into conference (organisation_id, slug, title, starts_at, ends_at, format, online_capacity)"
                        + " select id, 'backwards', 'T', now(), now() - interval '1 hour', 'ONLINE', 10 from organisation limit 1",
                "conference_end_after_start");
    }

    @Test
    void slugsAreUnique() {
        assertRejected("insert into conference (organisation_id, slug, title, starts_at, ends_at, format)"
                + " select id, 'mpsc-kongress', 'T', now(), now() + interval '1 hour', 'ONLINE' from organisation limit 1",
                "conference_slug_unique");
    }

    @Test
    void capacityCannotBeNegative() {
        assertRejected(
                "insert into conference (organisation_id, slug, title, starts_at, ends_at, format, online_capacity)"
                        + " select id, 'negative', 'T', now(), now() + interval '1 hour', 'ONLINE', -1 from organisation limit 1",
                "conference_online_capacity_positive");
    }

    @Test
    void onSiteConferenceNeedsVenueAndCapacity() {
        assertRejected("insert into conference (organisation_id, slug, title, starts_at, ends_at, format)"
                + " select id, 'no-venue', 'T', now(), now() + interval '1 hour', 'ON_SITE' from organisation limit 1",
                "conference_venue_when_on_site");
    }

    @Test
    void bookableItemNeedsCapacity() {
        assertRejected(
                "insert into agenda_item (conference_id, starts_at, ends_at, title, kind, bookable)"
                        + " select id, starts_at, ends_at, 'W', 'WORKSHOP', true from conference limit 1",
                "agenda_item_capacity_when_bookable");
    }

    private void assertRejected(String sql, String constraint) {
        assertThatThrownBy(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate(sql);
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining(constraint);
    }
}
