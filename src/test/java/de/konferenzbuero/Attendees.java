package de.konferenzbuero;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Signs attendees up and manages their registrations over the public JSON API, as a client would. */
public final class Attendees {

    private Attendees() {
    }

    /** Signs up on site with the given items; returns the 201 body. */
    public static JsonPath signUp(String slug, String email, Long... items) {
        return signUp(slug, email, "ON_SITE", "de", items);
    }

    public static JsonPath signUp(String slug, String email, String attendance, String locale, Long... items) {
        Response response = post(slug,
                Map.of("firstName", "Test", "lastName", email.substring(0, email.indexOf('@')), "email", email,
                        "attendance", attendance, "items", List.of(items), "privacyConsent", true, "locale", locale));
        response.then().statusCode(201);
        return response.jsonPath();
    }

    public static Response post(String slug, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/conferences/{slug}/registrations",
                slug);
    }

    /** The secret at the end of a manage URL. */
    public static String secret(JsonPath registration) {
        String url = registration.getString("manageUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    public static JsonPath get(String secret) {
        return given().when().get("/api/registrations/{secret}", secret).then().statusCode(200).extract().jsonPath();
    }

    public static Response patch(String secret, Map<String, Object> change) {
        return given().contentType(ContentType.JSON).body(change).when().patch("/api/registrations/{secret}", secret);
    }

    public static JsonPath cancel(String secret) {
        return given().when().delete("/api/registrations/{secret}", secret).then().statusCode(200).extract().jsonPath();
    }
}
