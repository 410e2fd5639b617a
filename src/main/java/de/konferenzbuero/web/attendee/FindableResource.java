package de.konferenzbuero.web.attendee;

import java.time.format.DateTimeFormatter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import de.konferenzbuero.AppConfig;
import de.konferenzbuero.EventTime;
import de.konferenzbuero.conference.Conference;

/**
 * What search engines read first: {@code robots.txt} (the public pages yes; personal links, the organiser area and the
 * API no) and a sitemap of the catalogue and every public conference page with its last change.
 */
@Path("/")
public class FindableResource {

    private final String baseUrl;

    FindableResource(AppConfig config) {
        this.baseUrl = config.baseUrl();
    }

    @GET
    @Path("/robots.txt")
    @Produces("text/plain; charset=UTF-8")
    public String robots() {
        return """
                User-agent: *
                Disallow: /organiser
                Disallow: /registrations/
                Disallow: /invitations/
                Disallow: /api/
                Disallow: /q/
                Allow: /

                Sitemap: %s/sitemap.xml
                """.formatted(baseUrl);
    }

    @GET
    @Path("/sitemap.xml")
    @Produces("application/xml; charset=UTF-8")
    public String sitemap() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                """);
        xml.append("  <url><loc>").append(baseUrl).append("/</loc></url>\n");
        for (Conference c : Conference.listVisible()) {
            xml.append("  <url><loc>").append(baseUrl).append("/conferences/").append(c.slug).append("</loc><lastmod>")
                    .append(EventTime.local(c.updatedAt).format(DateTimeFormatter.ISO_LOCAL_DATE))
                    .append("</lastmod></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }
}
