package com.frontline.sso.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.pac4j.core.client.Client;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.engine.DefaultSecurityLogic;
import org.pac4j.core.exception.http.HttpAction;
import org.pac4j.core.exception.http.UnauthorizedAction;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.core.util.HttpActionHelper;
import org.pac4j.jee.context.JEEContext;

import com.frontline.sso.audit.AuditLog;
import com.frontline.sso.identity.AgentProfile;

/**
 * pac4j's security logic, choosing the workspace whose IdP a login goes to (or asking on the login page),
 * and writing an audit line for every agent refused for a missing role.
 */
final class AgentSecurityLogic extends DefaultSecurityLogic {

    private final WorkspaceChooser chooser;
    private final WorkspaceRoleAuthorizer roles;

    AgentSecurityLogic(LoginTarget loginTarget, WorkspaceChooser chooser, WorkspaceRoleAuthorizer roles) {
        this.chooser = chooser;
        this.roles = roles;
        setSavedRequestHandler(loginTarget);
        setMatchingChecker(new ResolvedMatchingChecker());
        setAuthorizationChecker(new ResolvedAuthorizationChecker());
    }

    @Override
    protected HttpAction redirectToIdentityProvider(WebContext context, SessionStore sessionStore, List<Client> currentClients) {
        HttpServletRequest request = ((JEEContext) context).getNativeRequest();
        return chooser.choose(request)
                .map(client -> WorkspaceLogin.start(context, sessionStore, client))
                // An API client gets 401, as it does from a workspace's client (ApiAwareAjaxResolver), not the login page.
                .orElseGet(() -> RequestFacts.isApiClient(request) ? new UnauthorizedAction()
                        : HttpActionHelper.buildRedirectUrlAction(context, LoginPageServlet.PATH + "?target="
                        + URLEncoder.encode(LoginTarget.requested(context), StandardCharsets.UTF_8)));
    }

    @Override
    protected HttpAction forbidden(WebContext context, SessionStore sessionStore, List<Client> currentClients,
                                   List<UserProfile> profiles, String authorizers) {
        HttpServletRequest request = ((JEEContext) context).getNativeRequest();
        String required = roles.requiredRole(profiles);
        request.setAttribute(WorkspaceRoleAuthorizer.REQUIRED_ROLE_ATTRIBUTE, required);
        AuditLog.warning(RequestFacts.auditEvent(request, "access_denied")
                .with("code", "role_missing")
                .with("email", profiles.stream().filter(AgentProfile.class::isInstance).map(AgentProfile.class::cast)
                        .findFirst().map(profile -> profile.agent().email()).orElse(null))
                .with("requiredRole", required)
                .with("path", request.getRequestURI()));
        return super.forbidden(context, sessionStore, currentClients, profiles, authorizers);
    }
}
