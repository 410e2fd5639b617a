package de.konferenzbuero.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

import de.konferenzbuero.AppConfig;

/** Loads the demo conferences when the app starts in dev or test mode; never part of a prod build. */
@ApplicationScoped
@IfBuildProfile(anyOf = { "dev", "test" })
public class DemoDataStartup {

    void onStart(@Observes StartupEvent event, AppConfig config, DemoData demoData) {
        if (config.demoData()) {
            demoData.loadIfEmpty();
        }
    }
}
