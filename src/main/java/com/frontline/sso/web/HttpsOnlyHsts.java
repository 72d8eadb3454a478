package com.frontline.sso.web;

import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.WebContextHelper;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.matching.matcher.Matcher;

/**
 * Strict-Transport-Security on every page when agents reach the app over https: when the base URL is https (also
 * behind a load balancer that terminates TLS and forwards plain http, where pac4j's own "hsts" matcher, which looks
 * only at the request, sends nothing) or when the request itself came over TLS. The same rule as the session
 * cookie's Secure flag.
 */
final class HttpsOnlyHsts implements Matcher {

    static final String NAME = "httpsOnlyHsts";
    static final String HEADER = "Strict-Transport-Security";
    /** pac4j's value: six months, subdomains included. */
    static final String VALUE = "max-age=15768000 ; includeSubDomains";

    private final boolean httpsBaseUrl;

    HttpsOnlyHsts(boolean httpsBaseUrl) {
        this.httpsBaseUrl = httpsBaseUrl;
    }

    @Override
    public boolean matches(WebContext context, SessionStore sessionStore) {
        if (httpsBaseUrl || WebContextHelper.isHttpsOrSecure(context)) {
            context.setResponseHeader(HEADER, VALUE);
        }
        return true;
    }
}
