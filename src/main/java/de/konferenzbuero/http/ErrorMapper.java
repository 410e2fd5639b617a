package de.konferenzbuero.http;

import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.Texts;
import de.konferenzbuero.backoffice.Consequences;
import de.konferenzbuero.backoffice.NotYours;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.limits.TooManyRequests;
import de.konferenzbuero.registration.InvitationInvalid;
import de.konferenzbuero.registration.RegistrationCancelled;
import de.konferenzbuero.registration.RegistrationClosed;
import de.konferenzbuero.registration.UnknownConference;
import de.konferenzbuero.registration.UnknownRegistration;
import de.konferenzbuero.runtime.Causes;
import de.konferenzbuero.runtime.DatabaseOutage;

/**
 * The one place where failures become responses: problem+json under {@code /api/}, a friendly page in the visitor's
 * language everywhere else. Never a stack trace.
 */
public class ErrorMapper {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance badRequest();

        static native TemplateInstance forbidden();

        static native TemplateInstance serverError();

        static native TemplateInstance unavailable();

        static native TemplateInstance tooManyRequests(long minutes);
    }

    private final PageContext page;

    public ErrorMapper(PageContext page) {
        this.page = page;
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInput e) {
        if (!api()) {
            return html(400, Templates.badRequest());
        }
        List<ProblemDetail.FieldError> errors = e.problems().stream().map(p -> new ProblemDetail.FieldError(p.field(),
                p.problem().name(), Texts.of(page.locale()).problem(p.problem()))).toList();
        return problem(400, "invalid-input", "Invalid input", "One or more fields were refused; nothing was changed.",
                errors);
    }

    /** Over a rate limit: nothing was done; the client may try again after {@code Retry-After} seconds. */
    @ServerExceptionMapper
    public Response tooMany(TooManyRequests e) {
        Log.infof("Rate limit on %s: %s", page.loggedPath(), e.getMessage());
        long minutes = Math.max(1, (e.retryAfterSeconds() + 59) / 60);
        Response.ResponseBuilder response = api()
                ? Response.fromResponse(problem(429, "too-many-requests", "Too many requests",
                        "Too many attempts from this address; nothing was done. Please try again in " + minutes
                                + (minutes == 1 ? " minute." : " minutes."),
                        List.of()))
                : Response.status(429).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(Templates.tooManyRequests(minutes).render());
        return response.header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    public Response closed(RegistrationClosed e) {
        return api()
                ? problem(409, "registration-closed", "Registration is not open",
                        "The conference takes no registrations or changes now (" + e.state() + ").", List.of())
                : html(409, Templates.badRequest());
    }

    @ServerExceptionMapper
    public Response cancelledRegistration(RegistrationCancelled e) {
        return api()
                ? problem(409, "registration-cancelled", "Registration cancelled",
                        "This registration is cancelled and can no longer be changed; nothing was changed.", List.of())
                : html(409, Templates.badRequest());
    }

    /** Only the API gets here: the agenda editor shows the consequences itself and asks to confirm. */
    @ServerExceptionMapper
    public Response consequences(Consequences e) {
        List<ProblemDetail.FieldError> errors = e.losses().stream()
                .map(l -> new ProblemDetail.FieldError("bookings", "BOOKING_WOULD_END", l.attendee() + " <" + l.email()
                        + ">: " + l.released() + (l.kept() == null ? "" : " (keeps " + l.kept() + ")")))
                .toList();
        return problem(409, "bookings-would-end", "Bookings would end",
                "This change would end the bookings listed; nothing was changed. Send it again with confirm=true"
                        + " (cancelBookings=true to remove an item) to apply it and tell the attendees by mail.",
                errors);
    }

    @ServerExceptionMapper({ UnknownConference.class, UnknownRegistration.class, NotYours.class,
            InvitationInvalid.class, NotFoundException.class })
    public Response notFound(RuntimeException e) {
        return api() ? problem(404, "not-found", "Not found", "There is nothing at this address.", List.of())
                : html(404, Templates.notFound());
    }

    /**
     * Some failures end without a body: a CSRF failure aborts with 400, a missing role with 403, a missing API token
     * with 401. Pages get the friendly explanation, the API its problem+json.
     */
    @ServerResponseFilter
    public void explainEmptyErrors(ContainerResponseContext response) {
        int status = response.getStatus();
        if (response.hasEntity() || status != 400 && status != 401 && status != 403) {
            return;
        }
        if (api()) {
            Response.Status known = Response.Status.fromStatusCode(status);
            response.setEntity(new ProblemDetail(ProblemDetail.TYPE_BASE + "http-" + status, known.getReasonPhrase(),
                    status, status == 401 ? "An API token is required: Authorization: Bearer <token>." : null,
                    List.of()), null, MediaType.valueOf(ProblemDetail.MEDIA_TYPE));
        } else if (status == 403) {
            response.setEntity(Templates.forbidden().render(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        } else if (status == 400) {
            response.setEntity(Templates.badRequest().render(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : null;
        List<ProblemDetail.FieldError> errors = field == null ? List.of() : List
                .of(new ProblemDetail.FieldError(field, "UNREADABLE", "This value has the wrong type or format."));
        return problem(400, "unreadable-body", "Unreadable request body",
                "The body must be JSON as described in /q/openapi.", errors);
    }

    /** Other HTTP errors (400 from a missing CSRF token, 405, 415, ...) keep their status. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return notFound(e);
        }
        if (api()) {
            Response.Status known = Response.Status.fromStatusCode(status);
            return problem(status, "http-" + status, known != null ? known.getReasonPhrase() : "Error", null,
                    List.of());
        }
        if (status == 400 || status == 403) {
            return html(status, Templates.badRequest());
        }
        return e.getResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (DatabaseOutage.causes(e)) {
            return unavailable(e);
        }
        if (Causes.refusedCharacters(e)) {
            Log.infof("Refused input on %s: characters the database does not store", page.loggedPath());
            return api() ? problem(400, "invalid-input", "Invalid input",
                    "A text contains characters that are not allowed (such as a NUL byte); nothing was changed.",
                    List.of()) : html(400, Templates.badRequest());
        }
        if (changedMeanwhile(e)) {
            Log.infof("Refused a change on %s: the data changed meanwhile", page.loggedPath());
            return api() ? problem(409, "changed-meanwhile", "Changed meanwhile",
                    "The data was changed by someone else at the same time; nothing was changed. Load it again and"
                            + " retry.",
                    List.of()) : html(409, Templates.badRequest());
        }
        Log.error("Unexpected error on " + page.loggedPath(), e);
        return api()
                ? problem(500, "internal-error", "Internal error",
                        "The request could not be completed; nothing is lost. Please try again later.", List.of())
                : html(500, Templates.serverError());
    }

    /**
     * The database cannot be reached: nothing was done, and the client is asked to try again shortly. One warning line,
     * no stack trace: the cause is outside the app, and an outage would otherwise flood the log.
     */
    private Response unavailable(RuntimeException e) {
        Log.warnf("Database unavailable on %s: %s", page.loggedPath(), rootMessage(e));
        Response.ResponseBuilder response = api()
                ? Response.fromResponse(problem(503, "unavailable", "Service unavailable",
                        "The service cannot reach its database right now; nothing was changed. Please try again in a"
                                + " few seconds.",
                        List.of()))
                : Response.status(503).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(Templates.unavailable().render());
        return response.header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
    }

    /**
     * An optimistic lock failed (someone else saved the same row first, as an edit form's version check finds), or the
     * database aborted the transaction in a conflict with another one: nothing was saved either way.
     */
    private static boolean changedMeanwhile(Throwable e) {
        return Causes.any(e, t -> t instanceof OptimisticLockException || t instanceof StaleStateException)
                || Causes.transactionConflict(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    }

    private boolean api() {
        return page.path().startsWith("/api/") || page.path().equals("/api");
    }

    private static Response problem(int status, String type, String title, String detail,
            List<ProblemDetail.FieldError> errors) {
        return ProblemDetail.response(status, type, title, detail, errors.toArray(ProblemDetail.FieldError[]::new));
    }

    private static Response html(int status, TemplateInstance template) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(template.render())
                .build();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
