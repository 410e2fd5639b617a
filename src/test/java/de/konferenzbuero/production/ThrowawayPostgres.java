package de.konferenzbuero.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL 15 server of the test's own (the binaries come from Maven, as in dev mode), with a database and user for
 * the app, that the test can stop and start again on the same data directory and port, as a database restart in
 * production would. Commits are synchronous, so what the app acknowledged is on disk.
 */
final class ThrowawayPostgres implements AutoCloseable {

    static final String DATABASE = "konferenzbuero";
    static final String USER = "konferenzbuero";
    static final String PASSWORD = "db-secret";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private ThrowawayPostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static ThrowawayPostgres start() {
        try {
            ThrowawayPostgres postgres = new ThrowawayPostgres(Files.createTempDirectory("kb-postgres"), freePort());
            postgres.startServer();
            try (Connection c = postgres.superuser(); Statement s = c.createStatement()) {
                s.execute("create role " + USER + " login password '" + PASSWORD + "'");
                s.execute("create database " + DATABASE + " owner " + USER);
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** A connection to the app's database, for the test's own look at the rows. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    /** Shuts the server down the way an administrator's restart does (fast mode: sessions are ended). */
    synchronized void stop() {
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again on the same data directory and port. */
    synchronized void startAgain() {
        try {
            startServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server and deletes its data. */
    @Override
    public synchronized void close() {
        if (server != null) {
            stop();
        }
        try (var files = Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startServer() throws IOException {
        server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "200").start();
    }

    private Connection superuser() throws SQLException {
        return server.getPostgresDatabase().getConnection();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
