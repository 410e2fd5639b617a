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
import de.konferenzbuero.conference.ContentStamps;
import de.konferenzbuero.http.ETags;
import de.konferenzbuero.http.PageCache;
import de.konferenzbuero.http.PageContext;

/**
 * The public list of conferences: upcoming ones first, past ones below; kept rendered, 304 while it has not changed.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CatalogueResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalogue(List<Conference> upcoming, List<Conference> past);
    }

    private final PageCache pages;
    private final ContentStamps stamps;
    private final PageContext page;
    private final Clock clock;

    public CatalogueResource(PageCache pages, ContentStamps stamps, PageContext page, Clock clock) {
        this.pages = pages;
        this.stamps = stamps;
        this.page = page;
        this.clock = clock;
    }

    /** Kept rendered for all visitors (PageCache) when asked for without other parameters than the language. */
    @GET
    public Response catalogue(@Context Request request) {
        if (!page.plain()) {
            return ETags.page(request, render().body());
        }
        return pages.page(request, "catalogue " + page.lang(), stamps::ofVisible, this::render);
    }

    private PageCache.Rendered render() {
        Instant now = clock.instant();
        List<Conference> visible = Conference.listVisible();
        List<Conference> upcoming = visible.stream().filter(c -> !c.isPast(now)).toList();
        List<Conference> past = visible.stream().filter(c -> c.isPast(now))
                .sorted(Comparator.comparing((Conference c) -> c.startsAt).reversed()).toList();
        return new PageCache.Rendered(Templates.catalogue(upcoming, past).render(),
                visible.stream().flatMap(c -> c.turningPoints().stream()).toList());
    }
}
