package com.frontline.sso.saml.bootstrap;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pac4j.core.context.Cookie;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.exception.http.RedirectionAction;
import com.frontline.sso.saml.FrontlineSaml2Client;
import com.frontline.sso.saml.state.OutstandingRequests;

/**
 * Builds one login redirect (a signed, deflated AuthnRequest in the HTTP-Redirect binding) outside any HTTP
 * request, so that the classes and code of that path are loaded before the first agent arrives (about 40
 * classes of OpenSAML, pac4j-saml and java-support, which the first protected page loaded over some 70 ms
 * before). The request is for an in-memory context and session; its ID is remembered in the
 * outstanding-request store like any other (the write is part of the path), then removed.
 */
final class LoginRedirectWarmUp {

    private LoginRedirectWarmUp() {
    }

    /** Builds the redirect, then forgets its AuthnRequest, which no IdP will answer. */
    static Optional<RedirectionAction> run(FrontlineSaml2Client client, OutstandingRequests requests) {
        InMemoryContext context = new InMemoryContext(URI.create(client.workspace().acsUrl()));
        try {
            return client.getRedirectionAction(context, new InMemorySession());
        } finally {
            context.getRequestAttribute(OutstandingRequests.REMEMBERED_ID)
                    .ifPresent(id -> requests.consume((String) id, client.getName()));
        }
    }

    /** A GET of the SP's ACS URL with no parameters, headers or cookies; what is written to it is dropped. */
    private static final class InMemoryContext implements WebContext {
        private final URI url;
        private final Map<String, Object> attributes = new HashMap<>();

        InMemoryContext(URI url) {
            this.url = url;
        }

        @Override public Optional<String> getRequestParameter(String name) { return Optional.empty(); }
        @Override public Map<String, String[]> getRequestParameters() { return Map.of(); }
        @Override public Optional<Object> getRequestAttribute(String name) { return Optional.ofNullable(attributes.get(name)); }
        @Override public void setRequestAttribute(String name, Object value) { attributes.put(name, value); }
        @Override public Optional<String> getRequestHeader(String name) { return Optional.empty(); }
        @Override public String getRequestMethod() { return "GET"; }
        @Override public String getRemoteAddr() { return "127.0.0.1"; }
        @Override public void setResponseHeader(String name, String value) { }
        @Override public Optional<String> getResponseHeader(String name) { return Optional.empty(); }
        @Override public void setResponseContentType(String content) { }
        @Override public String getServerName() { return url.getHost(); }
        @Override public int getServerPort() { return url.getPort(); }
        @Override public String getScheme() { return url.getScheme(); }
        @Override public boolean isSecure() { return "https".equals(url.getScheme()); }
        @Override public String getFullRequestURL() { return url.toString(); }
        @Override public Collection<Cookie> getRequestCookies() { return List.of(); }
        @Override public void addResponseCookie(Cookie cookie) { }
        @Override public String getPath() { return url.getPath(); }
    }

    /** A session that lives as long as the warm-up. */
    private static final class InMemorySession implements SessionStore {
        private final Map<String, Object> values = new HashMap<>();

        @Override public Optional<String> getSessionId(WebContext context, boolean create) { return Optional.of("warm-up"); }
        @Override public Optional<Object> get(WebContext context, String key) { return Optional.ofNullable(values.get(key)); }
        @Override public void set(WebContext context, String key, Object value) { values.put(key, value); }
        @Override public boolean destroySession(WebContext context) { values.clear(); return true; }
        @Override public Optional<Object> getTrackableSession(WebContext context) { return Optional.empty(); }
        @Override public Optional<SessionStore> buildFromTrackableSession(WebContext context, Object session) { return Optional.empty(); }
        @Override public boolean renewSession(WebContext context) { return true; }
    }
}
