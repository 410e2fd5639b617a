package de.konferenzbuero.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.StartTLSOptions;

/**
 * Stops start-up with one line naming the key when a setting of another part that the app cannot work without has a
 * value that part would only refuse later: the mailer reads its login and STARTTLS modes when it sends the first mail,
 * so a wrong value would leave an app that runs but never sends a mail. Missing settings are refused earlier, by the
 * configuration itself (see application.properties and {@code AppConfig}).
 */
public class ProductionSettings {

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            check(ConfigProvider.getConfig());
        }
    }

    /**
     * @throws ConfigurationException
     *             naming the first key whose value is refused
     */
    static void check(Config config) {
        oneOf(config, "quarkus.mailer.login", names(LoginOption.values()));
        oneOf(config, "quarkus.mailer.start-tls", names(StartTLSOptions.values()));
        String startTls = config.getOptionalValue("quarkus.mailer.start-tls", String.class).orElse("OPTIONAL");
        boolean tls = config.getOptionalValue("quarkus.mailer.tls", Boolean.class).orElse(false);
        if (!tls && !"REQUIRED".equals(startTls)) {
            io.quarkus.logging.Log.warnf("SMTP WITHOUT REQUIRED ENCRYPTION: QUARKUS_MAILER_START_TLS is %s and"
                    + " QUARKUS_MAILER_TLS is false, so mails and the SMTP password may travel in plain text. Use"
                    + " START_TLS=REQUIRED (port 587) or TLS=true (port 465) unless the mail server is on this host.",
                    startTls);
        }
    }

    private static void oneOf(Config config, String key, List<String> allowed) {
        Optional<String> value = config.getOptionalValue(key, String.class);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw new ConfigurationException("Invalid configuration: %s (%s) is \"%s\"; allowed are %s".formatted(key,
                    envName(key), value.get(), String.join(", ", allowed)));
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** The environment variable that sets {@code key}, as the README writes it. */
    static String envName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
