package de.konferenzbuero.web.attendee;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import de.konferenzbuero.afterevent.Certificates;
import de.konferenzbuero.afterevent.NoCertificate;
import de.konferenzbuero.registration.Registration;
import de.konferenzbuero.registration.RegistrationService;
import de.konferenzbuero.registration.UnknownRegistration;

/** The attendee's certificate of attendance as a PDF, through the private link, once the conference is over. */
@Path("/registrations/{secret}/certificate.pdf")
public class MyCertificateResource {

    private final RegistrationService registrations;
    private final Certificates certificates;

    public MyCertificateResource(RegistrationService registrations, Certificates certificates) {
        this.registrations = registrations;
        this.certificates = certificates;
    }

    @GET
    @Produces("application/pdf")
    public Response download(@PathParam("secret") String secret) {
        try {
            Registration registration = registrations.find(secret);
            return Response.ok(certificates.pdf(registration.id), "application/pdf").header("Content-Disposition",
                    "attachment; filename=\"" + Certificates.fileName(registration) + "\"").build();
        } catch (UnknownRegistration | NoCertificate e) {
            throw new NotFoundException();
        }
    }
}
