package com.frontline.sso.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;

import org.pac4j.core.config.Config;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.engine.DefaultCallbackLogic;
import org.pac4j.core.exception.http.HttpAction;
import org.pac4j.core.http.adapter.HttpActionAdapter;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.jee.context.JEEContext;

import com.frontline.sso.audit.AuditEvent;
import com.frontline.sso.audit.AuditLog;
import com.frontline.sso.audit.MessageFacts;
import com.frontline.sso.error.RejectionClassifier;
import com.frontline.sso.error.RejectionClassifier.Rejection;
import com.frontline.sso.error.SsoError;
import com.frontline.sso.error.SsoRejection;
import com.frontline.sso.identity.AgentProfile;

/**
 * The SAML endpoints (ACS and SLO): pac4j's callback logic, plus one audit line per outcome, and every
 * failure answered with its error code (4xx page or JSON) instead of an exception reaching the container.
 */
final class SamlCallbackLogic extends DefaultCallbackLogic {

    private static final String LOGGED_IN = SamlCallbackLogic.class.getName() + ".loggedIn";

    SamlCallbackLogic(LoginTarget loginTarget) {
        setSavedRequestHandler(loginTarget);
    }

    @Override
    protected void saveUserProfile(WebContext context, SessionStore sessionStore, Config config, UserProfile profile,
                                   boolean saveProfileInSession, boolean multiProfile, boolean renewSession) {
        super.saveUserProfile(context, sessionStore, config, profile, saveProfileInSession, multiProfile, renewSession);
        if (profile instanceof AgentProfile agentProfile) {
            context.setRequestAttribute(LOGGED_IN, Boolean.TRUE);
            var agent = agentProfile.agent();
            AuditLog.info(RequestFacts.auditEvent(nativeRequest(context), "login")
                    .with("email", agent.email())
                    .with("roles", String.join(",", agent.roles()))
                    .with("issuer", agent.idp())
                    .with("nameId", agent.nameId())
                    .with("sessionExpiresAt", agent.sessionExpiresAt().toString()));
        }
    }

    /**
     * A new session ID at login prevents fixation. When the session was created by this very request (the IdP's
     * cross-site POST carries no cookie, so that is the usual case) its ID is already new: renewing it would
     * only create a second session.
     */
    @Override
    protected void renewSession(WebContext context, SessionStore sessionStore, Config config) {
        var session = nativeRequest(context).getSession(false);
        if (session == null || !session.isNew()) {
            super.renewSession(context, sessionStore, config);
        }
    }

    @Override
    protected HttpAction redirectToOriginallyRequestedUrl(WebContext context, SessionStore sessionStore, String defaultUrl) {
        if (context.getRequestAttribute(LOGGED_IN).isEmpty()) {
            throw new SsoRejection(SsoError.MALFORMED_MESSAGE, "the request carries no SAML response");
        }
        return super.redirectToOriginallyRequestedUrl(context, sessionStore, defaultUrl);
    }

    @Override
    protected Object handleException(Exception e, HttpActionAdapter httpActionAdapter, WebContext context) {
        if (e instanceof HttpAction) {
            return super.handleException(e, httpActionAdapter, context);
        }
        Rejection rejection = RejectionClassifier.classify(e);
        HttpServletRequest request = nativeRequest(context);
        AuditLog.warning(rejected(request, rejection));
        try {
            ErrorResponse.send(request, ((JEEContext) context).getNativeResponse(), rejection.error(), rejection.detail());
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return null;
    }

    static AuditEvent rejected(HttpServletRequest request, Rejection rejection) {
        return RequestFacts.auditEvent(request, "saml_rejected")
                .with("code", rejection.error().code())
                .with("detail", rejection.detail())
                .with("issuer", (String) request.getAttribute(MessageFacts.ISSUER))
                .with("nameId", (String) request.getAttribute(MessageFacts.NAME_ID));
    }

    private static HttpServletRequest nativeRequest(WebContext context) {
        return ((JEEContext) context).getNativeRequest();
    }
}
