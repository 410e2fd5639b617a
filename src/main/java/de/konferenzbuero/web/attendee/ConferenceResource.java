package de.konferenzbuero.web.attendee;

import java.time.Clock;
import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.conference.RegistrationState;

/** The public page of one conference: facts, venue, agenda and the registration note. */
@Path("/conferences/{slug}")
@Produces(MediaType.TEXT_HTML)
public class ConferenceResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance conference(Conference conference, AgendaView agenda,
                RegistrationState registration, boolean past);
    }

    private final Clock clock;

    public ConferenceResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    public TemplateInstance conference(@PathParam("slug") String slug) {
        Conference conference = Conference.findBySlug(slug).filter(Conference::isVisible)
                .orElseThrow(NotFoundException::new);
        Instant now = clock.instant();
        return Templates.conference(conference, AgendaView.of(conference), conference.registrationState(now),
                conference.isPast(now));
    }
}
