package de.konferenzbuero.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

/** Which failures mean "the database cannot be reached" (answered 503) and which are errors of their own (500). */
class DatabaseOutageTest {

    @Test
    void aRefusedOrLostConnectionIsAnOutage() {
        assertThat(DatabaseOutage.causes(new PersistenceException(new SQLException("Connection refused", "08001"))))
                .isTrue();
        assertThat(DatabaseOutage.causes(new IllegalStateException(
                new PersistenceException(new SQLException("This connection has been closed.", "08003"))))).isTrue();
    }

    @Test
    void aServerShuttingDownOrStartingIsAnOutage() {
        assertThat(
                DatabaseOutage.causes(new SQLException("terminating connection due to administrator command", "57P01")))
                        .isTrue();
        assertThat(DatabaseOutage.causes(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void aCommitThatFailedBecauseTheServerWentAwayIsAnOutage() {
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        commit.addSuppressed(xa);
        assertThat(DatabaseOutage.causes(new RuntimeException(commit))).isTrue();
    }

    @Test
    void aPoolWithoutAFreeConnectionIsAnOutage() {
        assertThat(DatabaseOutage.causes(new SQLException("Sorry, acquisition timeout!"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseOutage.causes(new PersistenceException(new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseOutage.causes(new IllegalStateException("bug"))).isFalse();
        RuntimeException cyclic = new RuntimeException("a");
        RuntimeException other = new RuntimeException("b", cyclic);
        cyclic.addSuppressed(other);
        assertThat(DatabaseOutage.causes(other)).isFalse();
    }
}
