package de.konferenzbuero.web.attendee;

import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.afterevent.Certificates;
import de.konferenzbuero.http.PageContext;

/**
 * The public check of a certificate of attendance: whoever holds one (an employer, a chamber) types its code or follows
 * the address printed on it, and sees whose it is and of which event; nothing else about the person.
 */
@Path("/certificates")
@Produces(MediaType.TEXT_HTML)
public class CertificateResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance check(String code, Optional<Certificates.Verified> verified);
    }

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final Certificates certificates;
    private final PageContext page;

    public CertificateResource(Certificates certificates, PageContext page) {
        this.certificates = certificates;
        this.page = page;
    }

    /** The form, and with {@code ?code=} its answer. */
    @GET
    public Response form(@QueryParam("code") String code) {
        return code == null || code.isBlank() ? Response.ok(Templates.check(null, Optional.empty()), HTML).build()
                : answer(code);
    }

    /** The address printed on the certificate. */
    @GET
    @Path("/{code}")
    public Response check(@PathParam("code") String code) {
        return answer(code);
    }

    private Response answer(String code) {
        Optional<Certificates.Verified> verified = certificates.verify(code, page.locale());
        return Response.status(verified.isPresent() ? 200 : 404).type(HTML)
                .entity(Templates.check(code.length() > 40 ? code.substring(0, 40) : code, verified)).build();
    }
}
