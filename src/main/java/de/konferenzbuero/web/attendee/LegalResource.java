package de.konferenzbuero.web.attendee;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import de.konferenzbuero.AppConfig;

/** The legal pages the operator configures: Impressum, privacy notice (versioned), accessibility statement. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LegalResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance imprint(AppConfig.Legal legal);

        static native TemplateInstance privacy(AppConfig.Legal legal, String version, AppConfig.Privacy periods,
                String notice);

        static native TemplateInstance accessibility(AppConfig.Legal legal);
    }

    private final AppConfig config;

    public LegalResource(AppConfig config) {
        this.config = config;
    }

    @GET
    @Path("imprint")
    public TemplateInstance imprint() {
        return Templates.imprint(config.legal());
    }

    @GET
    @Path("privacy")
    public TemplateInstance privacy(@QueryParam("notice") String notice) {
        return Templates.privacy(config.legal(), config.privacyPolicyVersion(), config.privacy(), notice);
    }

    @GET
    @Path("accessibility")
    public TemplateInstance accessibility() {
        return Templates.accessibility(config.legal());
    }
}
