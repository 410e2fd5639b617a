package de.konferenzbuero.web.organiser;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.Texts;
import de.konferenzbuero.backoffice.AfterEventEditing;
import de.konferenzbuero.backoffice.ConferenceDashboard;
import de.konferenzbuero.conference.Conference;
import de.konferenzbuero.http.PageContext;

/**
 * A conference at a glance: sign-ups per day, fill level per mode and item, admission on the day, no-shows afterwards,
 * the organisations represented; each chart beside its table and a sentence that sums it up, all readable without
 * JavaScript.
 */
@Path("/organiser/conferences/{id}/dashboard")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Conference conference, ConferenceDashboard.View view,
                AfterEventEditing.Figures after, boolean started, boolean over);
    }

    private final ConferenceDashboard dashboard;
    private final AfterEventEditing after;
    private final CurrentOrganiser current;
    private final PageContext page;
    private final Clock clock;

    public DashboardResource(ConferenceDashboard dashboard, AfterEventEditing after, CurrentOrganiser current,
            PageContext page, Clock clock) {
        this.dashboard = dashboard;
        this.after = after;
        this.current = current;
        this.page = page;
        this.clock = clock;
    }

    @GET
    public TemplateInstance dashboard(@PathParam("id") long id) {
        Conference conference = dashboard.find(current.get(), id);
        var now = clock.instant();
        return Templates.dashboard(conference,
                dashboard.of(conference, mode -> Texts.of(page.locale()).attendance(mode)), after.figures(conference),
                conference.startsAt.isBefore(now), conference.endsAt.isBefore(now));
    }
}
