package com.frontline.sso.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.pac4j.core.client.Clients;
import org.pac4j.core.config.Config;
import org.pac4j.core.matching.matcher.PathMatcher;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.identity.AgentProfileGenerator;
import com.frontline.sso.identity.ClaimsMapper;
import com.frontline.sso.saml.FrontlineSaml2Client;
import com.frontline.sso.saml.SamlClients;

/** Assembles the pac4j configuration shared by the security, callback and logout filters and the login page. */
@ApplicationScoped
public class Pac4jConfigFactory {

    static final String AGENT_ROLE = "agentRole";
    static final String PROTECTED_PATHS = "protectedPaths";
    /**
     * In order, each setting its header: every page of the WAR (the login and signed-out pages too) gets HSTS (over
     * https: {@link HttpsOnlyHsts}), nosniff, anti-framing and the XSS header; only protected pages, which show an
     * agent's data, also get "no-store" (public assets stay cacheable). protectedPaths stops the list for public pages.
     */
    static final String SECURITY_MATCHERS = HttpsOnlyHsts.NAME + ",nosniff,noframe,xssprotection," + PROTECTED_PATHS + ",nocache";
    /** Served without login: the SAML endpoints, health, and what the login, error and signed-out pages need. */
    static final String[] PUBLIC_BRANCHES = {"/saml", "/assets", "/error"};
    static final String[] PUBLIC_PATHS = {"/health", "/login", "/logout", "/signed-out.html", "/favicon.ico"};

    @Produces
    @Singleton
    Config config(SsoSettings settings, SamlClients samlClients, ClaimsMapper mapper) {
        for (FrontlineSaml2Client client : samlClients.all()) {
            client.addAuthorizationGenerator(new AgentProfileGenerator(mapper, client.workspace()));
            // Set on each client: they were initialised at startup and keep the resolver they have.
            client.setAjaxRequestResolver(new ApiAwareAjaxResolver());
        }
        Clients clients = new Clients(settings.primary().acsUrl(), samlClients.all().toArray(new FrontlineSaml2Client[0]));
        clients.setDefaultSecurityClients(samlClients.names());

        Config config = new Config(clients);
        WorkspaceRoleAuthorizer roles = new WorkspaceRoleAuthorizer(settings);
        config.setSecurityLogic(new AgentSecurityLogic(new LoginTarget(settings.primary().idpInitiatedLanding()),
                new WorkspaceChooser(settings, samlClients), roles));
        config.setHttpActionAdapter(new SsoHttpActionAdapter());
        config.addAuthorizer(AGENT_ROLE, roles);
        config.addMatcher(PROTECTED_PATHS, protectedPaths());
        config.addMatcher(HttpsOnlyHsts.NAME, new HttpsOnlyHsts(settings.httpsBaseUrl()));
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
