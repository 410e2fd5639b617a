package de.konferenzbuero;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.specification.RequestSpecification;

/** Requests to the management port, where health and metrics are served (never on the public port). */
public final class Management {

    private Management() {
    }

    /** A request to the management port of the app under test. */
    public static RequestSpecification request() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class)
                .orElse(9001);
        return given().port(port);
    }
}
