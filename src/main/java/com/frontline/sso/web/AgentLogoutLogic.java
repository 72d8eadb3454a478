package com.frontline.sso.web;

import org.pac4j.core.config.Config;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.engine.DefaultLogoutLogic;
import org.pac4j.core.http.adapter.HttpActionAdapter;
import org.pac4j.core.profile.ProfileManager;
import org.pac4j.jee.context.JEEContext;

import com.frontline.sso.audit.AuditLog;
import com.frontline.sso.identity.AgentProfile;

/** pac4j's logout (local, then Single Logout at the IdP), with an audit line for the agent who signs out. */
final class AgentLogoutLogic extends DefaultLogoutLogic {

    @Override
    public Object perform(WebContext context, SessionStore sessionStore, Config config, HttpActionAdapter httpActionAdapter,
                          String defaultUrl, String logoutUrlPattern, Boolean localLogout, Boolean destroySession,
                          Boolean centralLogout) {
        new ProfileManager(context, sessionStore).getProfiles().stream()
                .filter(AgentProfile.class::isInstance).map(AgentProfile.class::cast)
                .forEach(profile -> AuditLog.info(RequestFacts.auditEvent(((JEEContext) context).getNativeRequest(), "logout")
                        .with("initiatedBy", "agent")
                        .with("workspace", profile.agent().workspace())
                        .with("email", profile.agent().email())
                        .with("nameId", profile.agent().nameId())));
        return super.perform(context, sessionStore, config, httpActionAdapter, defaultUrl, logoutUrlPattern, localLogout,
                destroySession, centralLogout);
    }
}
