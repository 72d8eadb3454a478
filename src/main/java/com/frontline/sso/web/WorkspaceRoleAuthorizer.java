package com.frontline.sso.web;

import java.util.List;

import org.pac4j.core.authorization.authorizer.Authorizer;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.profile.UserProfile;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.config.Workspace;
import com.frontline.sso.identity.AgentProfile;

/** Grants access when the agent has the role its workspace requires (sso.role.required, default agent). */
final class WorkspaceRoleAuthorizer implements Authorizer {

    static final String REQUIRED_ROLE_ATTRIBUTE = WorkspaceRoleAuthorizer.class.getName() + ".requiredRole";

    private final SsoSettings settings;

    WorkspaceRoleAuthorizer(SsoSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean isAuthorized(WebContext context, SessionStore sessionStore, List<UserProfile> profiles) {
        return profiles.stream().anyMatch(profile -> profile instanceof AgentProfile agent
                && agent.agent().hasRole(requiredRole(agent)));
    }

    String requiredRole(List<UserProfile> profiles) {
        return profiles.stream().filter(AgentProfile.class::isInstance).map(AgentProfile.class::cast)
                .findFirst().map(this::requiredRole).orElse(settings.primary().requiredRole());
    }

    private String requiredRole(AgentProfile profile) {
        return settings.workspace(profile.agent().workspace()).map(Workspace::requiredRole).orElse(settings.primary().requiredRole());
    }
}
