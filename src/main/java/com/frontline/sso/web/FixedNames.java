package com.frontline.sso.web;

import org.pac4j.core.util.Pac4jConstants;

/** Whether a pac4j list of matcher or authorizer names means the same on every request, so it can be resolved once. */
final class FixedNames {

    private FixedNames() {
    }

    /** False for no names (pac4j then picks defaults by request) and for "+..." (added to those defaults). */
    static boolean fixed(String names) {
        return names != null && !names.isBlank() && !names.trim().startsWith(Pac4jConstants.ADD_ELEMENT);
    }
}
