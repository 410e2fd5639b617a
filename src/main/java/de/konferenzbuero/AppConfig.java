package de.konferenzbuero;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The application's own settings, prefix {@code konferenzbuero}. */
@ConfigMapping(prefix = "konferenzbuero")
public interface AppConfig {

    /** Absolute base URL of the public site, used for links in mails and calendar files. */
    @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*[^\\s?#/])?", message = "must be the absolute URL of the public site without a trailing slash, such as https://anmeldung.example.org (KONFERENZBUERO_BASE_URL)")
    String baseUrl();

    /**
     * 32 random bytes in base64 ({@code openssl rand -base64 32}): seals the manage secrets and stored mails at rest.
     * Keep it: with another key the stored links no longer open (start-up says so).
     */
    @Pattern(regexp = "[A-Za-z0-9+/]{43}=", message = "must be 32 random bytes in base64, made once with: openssl rand -base64 32 (KONFERENZBUERO_SEALING_KEY)")
    String sealingKey();

    /**
     * Keys that sealed before the current one, comma-separated: what they sealed still opens and is sealed again under
     * the current key at start-up; once that is done they can be removed (README, "Changing the sealing key").
     */
    Optional<List<@Pattern(regexp = "[A-Za-z0-9+/]{43}=", message = "must be keys of 32 bytes in base64, separated by commas (KONFERENZBUERO_SEALING_PREVIOUS_KEYS)") String>> sealingPreviousKeys();

    /** The version of the privacy notice that attendees consent to; recorded with each registration. */
    @WithDefault("2026-11")
    String privacyPolicyVersion();

    /**
     * How long a stored public page (catalogue, conference page, public JSON) is used before it is checked against the
     * database again (http/PageCache): the most its free places can lag behind, on every instance.
     */
    @WithDefault("1S")
    Duration publicPagesCheckedAfter();

    /** Who runs this installation: shown in the Impressum, the privacy notice and the accessibility statement. */
    Legal legal();

    interface Legal {

        /** Name of the operator, e.g. "Landkreis Mayen-Koblenz". */
        String operatorName();

        /** Postal address; lines separated by "|". */
        String operatorAddress();

        default List<String> addressLines() {
            return Arrays.stream(operatorAddress().split("\\|")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        }

        default String addressOneLine() {
            return String.join(", ", addressLines());
        }

        @Email(message = "must be an e-mail address (KONFERENZBUERO_LEGAL_OPERATOR_EMAIL)")
        String operatorEmail();

        Optional<String> operatorPhone();

        /** Who represents the operator (Vertretungsberechtigte), e.g. "Landrat ...". */
        Optional<String> representative();

        /** Contact of the data protection officer; defaults to the operator's address. */
        Optional<String> dataProtectionContact();

        /** Where to send feedback on accessibility; defaults to the operator's address. */
        Optional<String> accessibilityContact();

        /** The date the accessibility statement was last reviewed, e.g. "2026-11-22". */
        @WithDefault("2026-11-22")
        String accessibilityReviewed();
    }

    /** The first administrator, created at start-up while no administrator exists. */
    Admin admin();

    interface Admin {

        Optional<@Email(message = "must be an e-mail address (KONFERENZBUERO_ADMIN_EMAIL)") String> email();

        /** At least 12 characters; change it after the first login. */
        Optional<@Size(min = 12, message = "must have at least 12 characters (KONFERENZBUERO_ADMIN_INITIAL_PASSWORD)") String> initialPassword();
    }

    /** Whether cookies are sent only over HTTPS (on in production). */
    @WithDefault("true")
    boolean secureCookies();

    /** Sending mail from the outbox. */
    Mail mail();

    interface Mail {

        /** How often the dispatcher looks for due mails, e.g. "5s"; "off" disables it (tests call it). */
        @WithDefault("5s")
        String dispatchEvery();

        /** Mails claimed per round trip. */
        @WithDefault("20")
        int batchSize();

        /**
         * Mails of a batch rendered side by side (a sign-up's mail is rendered when it is sent) while the dispatcher
         * sends the ones before, in their order; at least one (a smaller value counts as one).
         */
        @WithDefault("2")
        int renderers();

        /** After this many failed attempts a mail is given up (DEAD) and shown to organisers. */
        @WithDefault("10")
        int maxAttempts();

        /** Wait after the first failure; doubled after each further one, up to {@link #retryMax()}. */
        @WithDefault("PT30S")
        Duration retryBase();

        @WithDefault("PT6H")
        Duration retryMax();

        /**
         * When the oldest mail due has waited this long, the health check reports mail as degraded (never as down: a
         * backlog must not take every instance out of service at once).
         */
        @WithDefault("PT10M")
        Duration degradedAfter();

        /** How long a claimed mail stays reserved for the dispatcher that claimed it. */
        @WithDefault("PT5M")
        Duration lease();

        /** How often reminders are looked for; "off" disables it. */
        @WithDefault("15m")
        String reminderEvery();

        /** Days before a conference starts when its attendees get the reminder. */
        @WithDefault("3")
        int reminderDaysBefore();
    }

    /**
     * The JDBC URL Quarkus connects to ({@code quarkus.datasource.jdbc.url}), repeated here in production only so that
     * start-up stops with one clear line when it is missing; dev and test mode use the embedded database.
     */
    @WithDefault("embedded")
    @Pattern(regexp = "embedded|jdbc:postgresql:.+", message = "must be a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.org:5432/konferenzbuero (QUARKUS_DATASOURCE_JDBC_URL)")
    String databaseUrl();

    /** How often the capacity counters are compared with the confirmed rows, e.g. "1h"; "off" disables it. */
    @WithDefault("1h")
    String consistencyCheckEvery();

    RateLimits rateLimits();

    /**
     * Limits on what one client address (and one target address) may do in a window, shared by all instances through
     * the database. The defaults suit a town hall whose staff share one public address.
     */
    interface RateLimits {

        /** Off only for benchmarks and load tests, which say so in their output. */
        @WithDefault("true")
        boolean enabled();

        /** Sign-ups per client address and window (page and API together). */
        @WithDefault("30")
        int signUps();

        @WithDefault("PT10M")
        Duration signUpWindow();

        /** "Already registered" mails per target address and window; more are not sent (and nobody is told). */
        @WithDefault("3")
        int mailsPerAddress();

        @WithDefault("PT1H")
        Duration mailWindow();

        /** Login attempts per client address and window, whichever account they name. */
        @WithDefault("30")
        int logins();

        @WithDefault("PT10M")
        Duration loginWindow();
    }

    /** How long personal data is kept (DSGVO); the privacy notice and the record of processing name these periods. */
    Privacy privacy();

    interface Privacy {

        /** Days after a conference ends until its registrations are anonymised, unless the conference sets its own. */
        @WithDefault("90")
        int retentionDays();

        /** Days after a conference ends until health-related and dietary needs are deleted (0: right after the end). */
        @WithDefault("0")
        int specialCategoryDays();

        /** Days after a cancellation until the cancelled registration is anonymised. */
        @WithDefault("30")
        int cancelledDays();

        /** Days after delivery until the body of a sent mail is removed (who got which mail when stays). */
        @WithDefault("30")
        int mailBodyDays();

        /** How often the retention job looks for what is due, e.g. "1h"; "off" disables it (tests call it). */
        @WithDefault("1h")
        String retentionEvery();
    }

    /** Sending webhook deliveries to organisers' receivers. */
    Webhooks webhooks();

    interface Webhooks {

        /** How often due deliveries are looked for, e.g. "5s"; "off" disables it (tests call it). */
        @WithDefault("5s")
        String dispatchEvery();

        /** Deliveries claimed per round trip. */
        @WithDefault("20")
        int batchSize();

        /** After this many failed attempts a delivery is given up (DEAD); the log shows it. */
        @WithDefault("12")
        int maxAttempts();

        /** Wait after the first failure; doubled after each further one, up to {@link #retryMax()}. */
        @WithDefault("PT30S")
        Duration retryBase();

        @WithDefault("PT6H")
        Duration retryMax();

        /** How long a receiver may take to answer one attempt. */
        @WithDefault("PT10S")
        Duration timeout();

        /**
         * How long a claimed batch stays reserved for the dispatcher that claimed it: longer than a whole batch can
         * take (batch size × (timeout + 5 s to connect)), so no other instance sends a row twice.
         */
        @WithDefault("PT10M")
        Duration lease();

        /** Days the delivery log keeps finished deliveries. */
        @WithDefault("30")
        int logDays();

        /**
         * Lets receivers use http and private or loopback addresses (dev and test mode, where the receiver runs on the
         * same machine); in production a receiver must be https on public addresses.
         */
        @WithDefault("false")
        boolean allowPrivateTargets();
    }

    /** Loads the demo conferences at start-up (dev and test mode only; ignored in prod). */
    @WithDefault("false")
    boolean demoData();
}
