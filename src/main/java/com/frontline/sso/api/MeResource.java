package com.frontline.sso.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import com.frontline.sso.identity.AgentPrincipal;

/**
 * GET /api/me: the authenticated agent as JSON. Reads the principal through the standard JAX-RS
 * SecurityContext, exactly as any existing resource of the application would.
 */
@Path("/me")
@RequestScoped
public class MeResource {

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        if (!(security.getUserPrincipal() instanceof AgentPrincipal principal)) {
            // The security filter lets no unauthenticated request through; this guards a misconfigured deployment.
            return Response.status(Response.Status.UNAUTHORIZED).build();
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(AgentView.of(principal.agent())).cacheControl(noStore).build();
    }
}
