package com.frontline.sso.web;

import java.util.List;

import org.pac4j.core.client.Client;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.engine.DefaultSecurityLogic;
import org.pac4j.core.exception.http.HttpAction;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.jee.context.JEEContext;

import com.frontline.sso.audit.AuditLog;

/** pac4j's security logic with this SP's login target handling and an audit line for every refused agent. */
final class AgentSecurityLogic extends DefaultSecurityLogic {

    AgentSecurityLogic(LoginTarget loginTarget) {
        setSavedRequestHandler(loginTarget);
    }

    @Override
    protected HttpAction forbidden(WebContext context, SessionStore sessionStore, List<Client> currentClients,
                                   List<UserProfile> profiles, String authorizers) {
        AuditLog.warning(RequestFacts.auditEvent(((JEEContext) context).getNativeRequest(), "access_denied")
                .with("code", "role_missing")
                .with("email", profiles.isEmpty() ? null : profiles.get(0).getId())
                .with("path", ((JEEContext) context).getNativeRequest().getRequestURI()));
        return super.forbidden(context, sessionStore, currentClients, profiles, authorizers);
    }
}
