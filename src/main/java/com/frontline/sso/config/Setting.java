package com.frontline.sso.config;

import java.util.Locale;

/** A MicroProfile Config property name and the environment variable that sets it. */
public record Setting(String property) {

    /** The environment-variable form MicroProfile Config maps to this property (sso.idp.metadata -> SSO_IDP_METADATA). */
    public String env() {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** How problems name the setting: both spellings, so it is found whichever way it was set. */
    public String label() {
        return property + " (" + env() + ")";
    }

    @Override
    public String toString() {
        return label();
    }
}
