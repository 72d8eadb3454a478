package com.frontline.sso.benchmark.minimal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** The one JAX-RS resource of the benchmark's minimal WAR, using its CDI bean. */
@Path("/me")
@RequestScoped
public class MinimalResource {

    @Inject
    MinimalBean bean;

    @GET
    @Produces("application/json")
    public String get() {
        return bean.json();
    }
}
