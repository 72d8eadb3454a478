package com.frontline.sso.benchmark.minimal;

import jakarta.enterprise.context.ApplicationScoped;

/** The one CDI bean of the benchmark's minimal WAR. */
@ApplicationScoped
public class MinimalBean {

    public String json() {
        return "{\"minimal\":true}";
    }
}
