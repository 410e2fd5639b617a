package de.konferenzbuero.web.attendee;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.input.FieldProblem;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.organisation.EmbedSites;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.web.EmbedView;

/**
 * The list of an organisation's upcoming conferences (or a region's) for municipal websites: a page for an iframe,
 * which only the sites the organisation lists may frame ({@code frame-ancestors}; every other page of the app refuses
 * all frames), and the same list as an HTML fragment without page or styles, for sites that include it on their server.
 * Neither needs a script; links open the conference page in a new tab.
 */
@Path("/embed/{organisation}/conferences")
@Produces(MediaType.TEXT_HTML)
public class EmbedResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance conferences(Organisation organisation, List<Conference> conferences,
                EmbedView view, String base, boolean past);

        static native TemplateInstance fragment(Organisation organisation, List<Conference> conferences, EmbedView view,
                String base, boolean past);

        static native TemplateInstance refused(List<FieldProblem> problems, List<String> allowed);

        static native TemplateInstance missing();
    }

    /** No script, no form, nothing from elsewhere; only the organisation's sites may frame it. */
    static final String POLICY = "default-src 'none'; img-src 'self' data:; style-src 'self'; form-action 'none'; "
            + "base-uri 'none'; object-src 'none'; frame-ancestors ";

    private final Clock clock;
    private final String base;

    public EmbedResource(Clock clock, AppConfig config) {
        this.clock = clock;
        this.base = config.baseUrl();
    }

    @GET
    public Response conferences(@PathParam("organisation") String slug, @QueryParam("region") String region,
            @QueryParam("all") String all, @QueryParam("accent") String accent,
            @QueryParam("background") String background, @QueryParam("limit") String limit) {
        return answer(slug, region, all, accent, background, limit, false);
    }

    @GET
    @Path("/fragment")
    public Response fragment(@PathParam("organisation") String slug, @QueryParam("region") String region,
            @QueryParam("all") String all, @QueryParam("accent") String accent,
            @QueryParam("background") String background, @QueryParam("limit") String limit) {
        return answer(slug, region, all, accent, background, limit, true);
    }

    private Response answer(String slug, String region, String all, String accent, String background, String limit,
            boolean fragment) {
        Organisation organisation = Organisation.findBySlug(slug).orElse(null);
        if (organisation == null) {
            return Response.status(404).entity(Templates.missing()).header("Content-Security-Policy", POLICY + "'none'")
                    .build();
        }
        String policy = POLICY + (fragment ? "'none'" : EmbedSites.frameAncestors(organisation.embedSiteList()));
        EmbedView view;
        try {
            view = EmbedView.of(region, all, accent, background, limit);
        } catch (InvalidInput e) {
            return Response.status(400).entity(Templates.refused(e.problems(), EmbedView.allowed()))
                    .header("Content-Security-Policy", policy).build();
        }
        Instant now = clock.instant();
        List<Conference> shown = Conference.listVisible().stream().filter(c -> !c.isPast(now))
                .filter(c -> view.all() || c.involves(organisation.slug))
                .filter(c -> view.region() == null || c.inRegion(view.region())).limit(view.limit()).toList();
        TemplateInstance page = fragment ? Templates.fragment(organisation, shown, view, base, false)
                : Templates.conferences(organisation, shown, view, base, false);
        return Response.ok(page).header("Content-Security-Policy", policy)
                // the CSRF cookie rides on every answer: no shared cache may keep it
                .header("Cache-Control", "private, max-age=300").build();
    }
}
