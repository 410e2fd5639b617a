package de.konferenzbuero.web.attendee;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.http.ETags;

/** The public list of conferences: upcoming ones first, past ones below; 304 while it has not changed. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CatalogueResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalogue(List<Conference> upcoming, List<Conference> past);
    }

    private final Clock clock;

    public CatalogueResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    public Response catalogue(@Context Request request) {
        Instant now = clock.instant();
        List<Conference> visible = Conference.listVisible();
        List<Conference> upcoming = visible.stream().filter(c -> !c.isPast(now)).toList();
        List<Conference> past = visible.stream().filter(c -> c.isPast(now))
                .sorted(Comparator.comparing((Conference c) -> c.startsAt).reversed()).toList();
        return ETags.page(request, Templates.catalogue(upcoming, past).render());
    }
}
