package de.konferenzbuero.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A production setting that is missing or invalid stops start-up with one clear line naming it, instead of an app that
 * runs but cannot do its job (no mail, links to nowhere, a throwaway database).
 */
class StartupChecksIT {

    static ProductionSetup setup;

    @BeforeAll
    static void start() {
        setup = ProductionSetup.start();
    }

    @AfterAll
    static void stop() {
        setup.close();
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                bad("no database URL", env -> env.remove("QUARKUS_DATASOURCE_JDBC_URL"), "quarkus.datasource.jdbc.url"),
                bad("a database URL of another kind", env -> env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:h2:mem:x"),
                        "QUARKUS_DATASOURCE_JDBC_URL"),
                bad("no base URL", env -> env.remove("KONFERENZBUERO_BASE_URL"), "konferenzbuero.base-url"),
                bad("a base URL without scheme", env -> env.put("KONFERENZBUERO_BASE_URL", "anmeldung.example.org"),
                        "KONFERENZBUERO_BASE_URL"),
                bad("no sealing key", env -> env.remove("KONFERENZBUERO_SEALING_KEY"), "konferenzbuero.sealing-key"),
                bad("a sealing key too short", env -> env.put("KONFERENZBUERO_SEALING_KEY", "c2hvcnQ="),
                        "KONFERENZBUERO_SEALING_KEY"),
                bad("a previous sealing key too short",
                        env -> env.put("KONFERENZBUERO_SEALING_PREVIOUS_KEYS", "c2hvcnQ="),
                        "KONFERENZBUERO_SEALING_PREVIOUS_KEYS"),
                bad("no operator name", env -> env.remove("KONFERENZBUERO_LEGAL_OPERATOR_NAME"),
                        "konferenzbuero.legal.operator-name"),
                bad("no operator e-mail", env -> env.remove("KONFERENZBUERO_LEGAL_OPERATOR_EMAIL"),
                        "konferenzbuero.legal.operator-email"),
                bad("no SMTP host", env -> env.remove("QUARKUS_MAILER_HOST"), "QUARKUS_MAILER_HOST"),
                bad("an invalid STARTTLS mode", env -> env.put("QUARKUS_MAILER_START_TLS", "YES"),
                        "QUARKUS_MAILER_START_TLS"),
                bad("an invalid SMTP login mode", env -> env.put("QUARKUS_MAILER_LOGIN", "IF_AVAILABLE"),
                        "QUARKUS_MAILER_LOGIN"),
                bad("a short first administrator password",
                        env -> env.put("KONFERENZBUERO_ADMIN_INITIAL_PASSWORD", "kurz"),
                        "KONFERENZBUERO_ADMIN_INITIAL_PASSWORD"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void startUpStopsWithOneLineNamingTheSetting(String what, Consumer<Map<String, String>> change, String named) {
        Map<String, String> env = setup.environment();
        change.accept(env);
        PackagedApp.Ended run = PackagedApp.runUntilExit("startup-check", setup.readme, env, Duration.ofSeconds(60));

        assertThat(run.exitCode()).as("exit code with %s; output:%n%s", what, run.output()).isNotNull().isNotEqualTo(0);
        assertThat(run.output().lines().filter(line -> line.contains(named)))
                .as("lines naming %s; output:%n%s", named, run.output()).hasSize(1);
        assertThat(run.output()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Listening on");
        assertThat(run.output()).doesNotContainIgnoringCase("embedded postgres");
    }

    private static Arguments bad(String what, Consumer<Map<String, String>> change, String named) {
        return Arguments.of(what, change, named);
    }
}
