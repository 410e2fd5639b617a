package de.konferenzbuero.production;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app ({@code target/quarkus-app}) as a separate process, started with the README's command and nothing in
 * its environment but the given variables (plus PATH and HOME), in the prod profile as in production. Its output goes
 * to {@code target/production-it/<name>.log}.
 */
final class PackagedApp implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final String url;
    private final String managementUrl;

    private PackagedApp(Process process, Path log, String url, String managementUrl) {
        this.process = process;
        this.log = log;
        this.url = url;
        this.managementUrl = managementUrl;
    }

    /** Starts the app and waits until it answers its readiness check. */
    static PackagedApp start(String name, ReadmeProduction readme, Map<String, String> environment) {
        PackagedApp app = launch(name, readme, environment);
        app.awaitReady();
        return app;
    }

    /** Starts the app and waits until it ends by itself; for settings that must stop start-up. */
    static Ended runUntilExit(String name, ReadmeProduction readme, Map<String, String> environment, Duration timeout) {
        PackagedApp app = launch(name, readme, environment);
        try {
            if (!app.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                app.close();
                return new Ended(null, app.output());
            }
            return new Ended(app.process.exitValue(), app.output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How a run ended: the exit code (null when it was still running at the timeout) and everything it printed. */
    record Ended(Integer exitCode, String output) {
    }

    String url() {
        return url;
    }

    /** Where health and metrics are served: the management port, not the public one. */
    String managementUrl() {
        return managementUrl;
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the app at once ({@code kill -9}): no shutdown of any kind. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exit code once the app has ended. */
    int exitCode() {
        return process.exitValue();
    }

    /** Ends the app as an orchestrator would (SIGTERM), and kills it if it does not stop in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static PackagedApp launch(String name, ReadmeProduction readme, Map<String, String> environment) {
        List<String> line = new ArrayList<>(readme.command());
        if (line.get(0).equals("java")) {
            line.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        try {
            Path dir = Files.createDirectories(Path.of("target", "production-it"));
            Path log = dir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(line).directory(readme.directory().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            String path = env.get("PATH");
            String home = env.get("HOME");
            env.clear();
            env.put("PATH", path == null ? "/usr/bin:/bin" : path);
            if (home != null) {
                env.put("HOME", home);
            }
            env.putAll(environment);
            String port = environment.getOrDefault("QUARKUS_HTTP_PORT", "8080");
            String managementPort = environment.getOrDefault("QUARKUS_MANAGEMENT_PORT", "9000");
            return new PackagedApp(builder.start(), log, "http://127.0.0.1:" + port,
                    "http://127.0.0.1:" + managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "The packaged app ended while starting (exit " + process.exitValue() + "):\n" + output());
            }
            try {
                HttpResponse<Void> ready = http
                        .send(HttpRequest.newBuilder(URI.create(managementUrl + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new AssertionError("The packaged app was not ready within " + START_TIMEOUT + ":\n" + output());
    }
}
