package com.frontline.sso.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS resources live under /api; the pac4j filter chain protects them like any page. */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
