package de.konferenzbuero.web.dev;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.mail.Attachment;
import de.konferenzbuero.mail.OutboxMessage;

/**
 * Dev mode only: the latest mails of the outbox as attendees receive them (HTML, text, attachments), so an organiser
 * can read them without a mail server. Not part of a prod build.
 */
@IfBuildProfile("dev")
@Path("/dev/mails")
@Produces(MediaType.TEXT_HTML)
public class DevMailsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<OutboxMessage> mails);

        static native TemplateInstance mail(OutboxMessage mail);
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(OutboxMessage.latest(50));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance mail(@PathParam("id") long id) {
        return Templates.mail(find(id));
    }

    /** The HTML part exactly as sent; its inline styles are what mail clients need. */
    @GET
    @Path("/{id}/html")
    public Response html(@PathParam("id") long id) {
        return Response.ok(find(id).html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:")
                .build();
    }

    @GET
    @Path("/{id}/attachments/{index}")
    public Response attachment(@PathParam("id") long id, @PathParam("index") int index) {
        List<Attachment> attachments = find(id).attachments;
        if (index < 0 || index >= attachments.size()) {
            throw new NotFoundException();
        }
        Attachment a = attachments.get(index);
        return Response.ok(a.bytes(), a.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + a.name() + "\"").build();
    }

    private static OutboxMessage find(long id) {
        OutboxMessage message = OutboxMessage.findById(id);
        if (message == null) {
            throw new NotFoundException();
        }
        return message;
    }
}
