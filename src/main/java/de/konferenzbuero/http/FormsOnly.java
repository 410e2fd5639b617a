package de.konferenzbuero.http;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Pages change state only through forms. The CSRF check looks at form bodies, so a state-changing request to a page
 * with any other body (or none) is refused here, before it could reach a resource without its token being checked. The
 * JSON API under /api is not affected: a browser cannot send JSON to another site without CORS.
 */
public class FormsOnly {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter(preMatching = true)
    public Response refuseOtherBodies(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!CHANGING.contains(request.getMethod()) || path.startsWith("/api/") || path.startsWith("/q/")) {
            return null;
        }
        MediaType type = request.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        return form ? null : Response.status(Response.Status.BAD_REQUEST).build();
    }
}
