package com.frontline.sso.benchmark.minimal;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application of the benchmark's minimal WAR (see {@code ReferenceWars.minimalWar}). */
@ApplicationPath("/api")
public class MinimalApplication extends Application {
}
