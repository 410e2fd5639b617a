package de.konferenzbuero.http;

import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The one error shape of the JSON API (RFC 9457, {@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static final String TYPE_BASE = "https://konferenzbuero.de/problems/";

    /** A problem response; {@code type} is the last part of the problem type URI, e.g. "not-found". */
    public static Response response(int status, String type, String title, String detail, FieldError... errors) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new ProblemDetail(TYPE_BASE + type, title, status, detail, List.of(errors))).build();
    }

    /** One refused field: its name in the request, a stable code and a readable message. */
    public record FieldError(String field, String code, String message) {
    }
}
