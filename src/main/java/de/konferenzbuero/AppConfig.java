package de.konferenzbuero;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The application's own settings, prefix {@code konferenzbuero}. */
@ConfigMapping(prefix = "konferenzbuero")
public interface AppConfig {

    /** Absolute base URL of the public site, used for links in mails and calendar files. */
    String baseUrl();

    /** The version of the privacy notice that attendees consent to; recorded with each registration. */
    @WithDefault("2026-11")
    String privacyPolicyVersion();

    /** Loads the demo conferences at start-up (dev and test mode only; ignored in prod). */
    @WithDefault("false")
    boolean demoData();
}
