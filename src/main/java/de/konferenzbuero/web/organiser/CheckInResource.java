package de.konferenzbuero.web.organiser;

import static de.konferenzbuero.web.organiser.ConferencesResource.seeOther;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.backoffice.CheckIn;
import de.konferenzbuero.backoffice.ConferenceEditing;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.registration.Registration;

/**
 * The check-in page for staff on a phone: the QR code opens it with the code, a tap admits; or search by name. A second
 * scan shows "already checked in".
 */
@Path("/organiser/conferences/{id}/checkin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class CheckInResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checkin(Conference conference, CheckIn.Counts counts, String code,
                Registration scanned, boolean unknown, String query, List<Registration> found, String outcome,
                Registration last);
    }

    private final CheckIn checkIn;
    private final ConferenceEditing conferences;
    private final CurrentOrganiser current;

    public CheckInResource(CheckIn checkIn, ConferenceEditing conferences, CurrentOrganiser current) {
        this.checkIn = checkIn;
        this.conferences = conferences;
        this.current = current;
    }

    @GET
    public TemplateInstance page(@PathParam("id") long id, @QueryParam("code") String code,
            @QueryParam("q") String query, @QueryParam("outcome") String outcome, @QueryParam("r") Long lastId) {
        Conference conference = conferences.find(current.get(), id);
        Optional<Registration> scanned = checkIn.byCode(current.get(), id, code);
        Registration last = lastId == null ? null : Registration.<Registration> findByIdOptional(lastId)
                .filter(r -> r.conference.id.equals(conference.id)).orElse(null);
        return Templates.checkin(conference, checkIn.counts(current.get(), id), code, scanned.orElse(null),
                code != null && !code.isBlank() && scanned.isEmpty(), query, checkIn.search(current.get(), id, query),
                outcome, last);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response admit(@PathParam("id") long id, @FormParam("code") String code) {
        CheckIn.Result result = checkIn.checkIn(current.get(), id, code);
        String base = "/organiser/conferences/" + id + "/checkin?outcome=" + result.outcome().name();
        return seeOther(result.registration() == null ? base : base + "&r=" + result.registration().id);
    }
}
