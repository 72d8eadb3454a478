package com.frontline.sso.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.pac4j.core.context.WebContext;
import org.pac4j.core.engine.savedrequest.SavedRequestHandler;
import org.pac4j.core.exception.http.HttpAction;
import org.pac4j.core.util.HttpActionHelper;
import org.pac4j.jee.context.JEEContext;

import com.frontline.sso.audit.AuditLog;
import com.frontline.sso.config.RelativeTarget;

/**
 * Where the browser goes after login. The page first asked for travels with the AuthnRequest (see
 * OutstandingRequests), not in the session, because the IdP's POST back is cross-site and carries no
 * session cookie. Only relative paths of this application are followed; anything else lands on the
 * configured landing page and is logged.
 */
public final class LoginTarget implements SavedRequestHandler {

    private static final String REQUESTED = LoginTarget.class.getName() + ".requested";
    private static final String ANSWERED = LoginTarget.class.getName() + ".answered";

    private final String landing;

    /** @param landing where IdP-initiated logins land without a usable RelayState */
    public LoginTarget(String landing) {
        this.landing = landing;
    }

    /** The page of the current request, remembered when pac4j starts a login. */
    @Override
    public void save(WebContext context, org.pac4j.core.context.session.SessionStore sessionStore) {
        HttpServletRequest request = ((JEEContext) context).getNativeRequest();
        String path = request.getRequestURI();
        String query = request.getQueryString();
        request(context, query == null ? path : path + "?" + query);
    }

    /** Sets the page to return to after the login this request starts. */
    public static void request(WebContext context, String target) {
        context.setRequestAttribute(REQUESTED, target);
    }

    @Override
    public HttpAction restore(WebContext context, org.pac4j.core.context.session.SessionStore sessionStore, String defaultUrl) {
        Optional<Object> answered = context.getRequestAttribute(ANSWERED);
        String target = answered.map(String.class::cast)
                .orElseGet(() -> context.getRequestParameter("RelayState").orElse(landing));
        if (!RelativeTarget.isSafe(target)) {
            HttpServletRequest request = ((JEEContext) context).getNativeRequest();
            AuditLog.warning(RequestFacts.auditEvent(request, "redirect_refused")
                    .with("detail", "post-login target is not a path of this application: " + target));
            target = landing;
        }
        return HttpActionHelper.buildRedirectUrlAction(context, target);
    }

    /** The target to store with a new AuthnRequest. */
    public static String requested(WebContext context) {
        Optional<Object> requested = context.getRequestAttribute(REQUESTED);
        return requested.map(String.class::cast).orElse("/");
    }

    /** Records the target of the AuthnRequest a response just answered. */
    public static void answered(WebContext context, String target) {
        context.setRequestAttribute(ANSWERED, target);
    }
}
