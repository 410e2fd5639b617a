package de.konferenzbuero.web;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Friendly error pages in the visitor's language; never a stack trace. */
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance serverError();
    }

    private final PageContext page;

    public ErrorPages(PageContext page) {
        this.page = page;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return html(Response.Status.NOT_FOUND, Templates.notFound());
    }

    /** Other HTTP errors (405, 415, ...) keep their status. */
    @ServerExceptionMapper
    public Response httpError(WebApplicationException e) {
        return e.getResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("Unexpected error on " + page.path(), e);
        return html(Response.Status.INTERNAL_SERVER_ERROR, Templates.serverError());
    }

    private Response html(Response.Status status, TemplateInstance template) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(template.render())
                .build();
    }
}
