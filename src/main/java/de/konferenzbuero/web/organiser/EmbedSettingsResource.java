package de.konferenzbuero.web.organiser;

import static de.konferenzbuero.web.organiser.ConferencesResource.seeOther;

import java.util.List;

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

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.Texts;
import de.konferenzbuero.backoffice.EmbedSettings;
import de.konferenzbuero.backoffice.NotYours;
import de.konferenzbuero.http.PageContext;
import de.konferenzbuero.input.InvalidInput;
import de.konferenzbuero.input.Problem;
import de.konferenzbuero.organisation.Organisation;
import de.konferenzbuero.web.EmbedView;

/**
 * Where organisers embed their list on a municipal website: the sites that may frame it, and the code (iframe and HTML
 * block) for the choices of region, colours, number and language, with a preview. The choices come by GET, so a page
 * with its code can be bookmarked or sent to the web team.
 */
@Path("/organiser/embed")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("organiser")
public class EmbedSettingsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance embed(List<Organisation> organisations, Organisation organisation,
                EmbedForm sitesForm, EmbedForm codeForm, List<EmbedView.Accent> accents,
                List<EmbedView.Background> backgrounds, boolean code, String query, String previewQuery,
                String iframeTitle, String base, String notice);
    }

    private final EmbedSettings settings;
    private final CurrentOrganiser current;
    private final PageContext page;
    private final String base;

    public EmbedSettingsResource(EmbedSettings settings, CurrentOrganiser current, PageContext page, AppConfig config) {
        this.settings = settings;
        this.current = current;
        this.page = page;
        this.base = config.baseUrl();
    }

    @GET
    public Response embed(@QueryParam("organisation") String organisationId, @QueryParam("region") String region,
            @QueryParam("all") String all, @QueryParam("accent") String accent,
            @QueryParam("background") String background, @QueryParam("limit") String limit,
            @QueryParam("language") String lang, @QueryParam("notice") String notice) {
        Organisation organisation = chosen(organisationId);
        EmbedForm codeForm = new EmbedForm();
        codeForm.put("region", region);
        codeForm.put("all", all);
        codeForm.put("accent", accent);
        codeForm.put("background", background);
        codeForm.put("limit", limit == null ? String.valueOf(EmbedView.DEFAULT_LIMIT) : limit);
        codeForm.put("language", lang);
        try {
            EmbedView view = EmbedView.of(region, all, accent, background, limit);
            String language = lang == null || lang.isBlank() ? null : lang;
            if (language != null && !language.equals("de") && !language.equals("en")) {
                throw new InvalidInput("language", Problem.FILTER_INVALID);
            }
            // the code names the app's address and the chosen language; the preview on this page asks its own origin in
            // the organiser's language (a lang= here would switch the organiser's whole area)
            return Response
                    .ok(view(organisation, new EmbedForm(), codeForm, view.query(language), view.query(null), notice))
                    .build();
        } catch (InvalidInput e) {
            codeForm.reject(e.problems(), page.locale());
            return Response.status(400).entity(view(organisation, new EmbedForm(), codeForm, null, null, null)).build();
        }
    }

    @POST
    @Path("/{organisationId}/sites")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSites(@PathParam("organisationId") long organisationId, @FormParam("sites") String sites) {
        try {
            settings.saveSites(current.get(), organisationId, sites);
            return seeOther("/organiser/embed?organisation=" + organisationId + "&notice=saved");
        } catch (InvalidInput e) {
            Organisation organisation = settings.find(current.get(), organisationId);
            EmbedForm sitesForm = new EmbedForm();
            sitesForm.put("sites", sites);
            sitesForm.reject(e.problems(), page.locale());
            EmbedForm codeForm = new EmbedForm();
            codeForm.put("limit", String.valueOf(EmbedView.DEFAULT_LIMIT));
            return Response.status(400).entity(view(organisation, sitesForm, codeForm, null, null, null)).build();
        }
    }

    /**
     * The iframe's title as it goes into the code: escaped for an HTML attribute here, so that the page (which escapes
     * once more to show it) shows code that stays intact when pasted, whatever the organisation's name holds.
     */
    private String iframeTitle(Organisation organisation) {
        return Texts.embed(page.locale()).heading_organisation(organisation.name).replace("&", "&amp;")
                .replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The organisation asked for, or the account's first; one it does not work for is not found. */
    private Organisation chosen(String organisationId) {
        if (organisationId != null && organisationId.matches("\\d{1,18}")) {
            return settings.find(current.get(), Long.parseLong(organisationId));
        }
        if (organisationId != null) {
            throw new NotYours();
        }
        List<Organisation> mine = ConferencesResource.organisationsOf(current.get());
        if (mine.isEmpty()) {
            throw new NotYours();
        }
        return mine.get(0);
    }

    /** The page; {@code query} is the embed's query string for the choices, null when they were refused. */
    private TemplateInstance view(Organisation organisation, EmbedForm sitesForm, EmbedForm codeForm, String query,
            String previewQuery, String notice) {
        if (!sitesForm.hasErrors()) {
            sitesForm.put("sites", organisation.embedSites);
        }
        return Templates.embed(ConferencesResource.organisationsOf(current.get()), organisation, sitesForm, codeForm,
                List.of(EmbedView.Accent.values()), List.of(EmbedView.Background.values()), query != null,
                query == null ? "" : query, previewQuery == null ? "" : previewQuery, iframeTitle(organisation), base,
                notice);
    }

}
