package com.frontline.sso.web;

import org.pac4j.core.authorization.authorizer.RequireAnyRoleAuthorizer;
import org.pac4j.core.client.Clients;
import org.pac4j.core.config.Config;
import org.pac4j.core.matching.matcher.PathMatcher;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.identity.AgentProfileGenerator;
import com.frontline.sso.identity.ClaimsMapper;
import com.frontline.sso.saml.FrontlineSaml2Client;

/** Assembles the pac4j configuration shared by the security, callback and logout filters. */
final class Pac4jConfigFactory {

    static final String AGENT_ROLE = "agentRole";
    static final String PROTECTED_PATHS = "protectedPaths";
    /** Served without login: the SAML endpoints, health, and what the error and signed-out pages need. */
    static final String[] PUBLIC_BRANCHES = {"/saml", "/assets", "/error"};
    static final String[] PUBLIC_PATHS = {"/health", "/logout", "/signed-out.html", "/favicon.ico"};

    private Pac4jConfigFactory() {
    }

    static Config create(SsoSettings settings, FrontlineSaml2Client client, ClaimsMapper mapper) {
        client.addAuthorizationGenerator(new AgentProfileGenerator(mapper));
        // Set on the client itself: it was initialised at startup and keeps the resolver it has.
        client.setAjaxRequestResolver(new ApiAwareAjaxResolver());
        Clients clients = new Clients(settings.acsUrl(), client);
        clients.setDefaultSecurityClients(FrontlineSaml2Client.NAME);

        Config config = new Config(clients);
        LoginTarget loginTarget = new LoginTarget(settings);
        config.setSecurityLogic(new AgentSecurityLogic(loginTarget));
        config.setCallbackLogic(new AcsCallbackLogic(loginTarget));
        config.setHttpActionAdapter(new SsoHttpActionAdapter(settings.requiredRole()));
        config.addAuthorizer(AGENT_ROLE, new RequireAnyRoleAuthorizer(settings.requiredRole()));
        config.addMatcher(PROTECTED_PATHS, protectedPaths());
        return config;
    }

    private static PathMatcher protectedPaths() {
        PathMatcher matcher = new PathMatcher();
        for (String branch : PUBLIC_BRANCHES) {
            matcher.excludeBranch(branch);
        }
        matcher.excludePaths(PUBLIC_PATHS);
        return matcher;
    }
}
