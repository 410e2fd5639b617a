package de.konferenzbuero.web.attendee;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.conference.Conference;

/** The public list of conferences: upcoming ones first, past ones below. */
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
    public TemplateInstance catalogue() {
        Instant now = clock.instant();
        List<Conference> visible = Conference.listVisible();
        List<Conference> upcoming = visible.stream().filter(c -> !c.isPast(now)).toList();
        List<Conference> past = visible.stream().filter(c -> c.isPast(now))
                .sorted(Comparator.comparing((Conference c) -> c.startsAt).reversed()).toList();
        return Templates.catalogue(upcoming, past);
    }
}
