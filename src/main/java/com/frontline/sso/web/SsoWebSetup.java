package com.frontline.sso.web;

import java.util.EnumSet;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;

import org.pac4j.core.config.Config;
import org.pac4j.jee.filter.CallbackFilter;
import org.pac4j.jee.filter.LogoutFilter;
import org.pac4j.jee.filter.SecurityFilter;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.identity.ClaimsMapper;
import com.frontline.sso.saml.FrontlineSaml2Client;

/**
 * Wires the pac4j filter chain into the WAR at startup, so existing pages are protected without being
 * changed, and so that settings, keys and IdP metadata are checked before the first request: a failure
 * here stops the deployment with a message naming the setting.
 */
@WebListener
public class SsoWebSetup implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SsoWebSetup.class.getName());

    @Inject
    SsoSettings settings;
    @Inject
    FrontlineSaml2Client client;
    @Inject
    ClaimsMapper mapper;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        configureSessions(context);
        Config config = Pac4jConfigFactory.create(settings, client, mapper);

        add(context, "acs-guard", new AcsGuardFilter(settings.maxMessageBytes()), SsoSettings.ACS_PATH);
        CallbackFilter acs = new CallbackFilter(config, "/");
        acs.setDefaultClient(FrontlineSaml2Client.NAME);
        acs.setRenewSession(true);
        add(context, "saml-acs", acs, SsoSettings.ACS_PATH);

        LogoutFilter logout = new LogoutFilter(config, "/signed-out.html");
        logout.setLogoutUrlPattern("^/signed-out\\.html$");
        logout.setLocalLogout(true);
        logout.setDestroySession(true);
        logout.setCentralLogout(false);
        add(context, "saml-logout", logout, "/logout");

        add(context, "sso-security", new SecurityFilter(config, FrontlineSaml2Client.NAME, Pac4jConfigFactory.AGENT_ROLE,
                Pac4jConfigFactory.PROTECTED_PATHS + ",securityHeaders"), "/*");

        LOG.info(() -> "frontline-sso ready: entity ID " + settings.spEntityId() + ", ACS " + settings.acsUrl()
                + ", IdP " + client.getIdentityProviderResolvedEntityId() + ", metadata " + settings.metadataUrl());
    }

    private void configureSessions(ServletContext context) {
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        context.setSessionTimeout((int) Math.max(1, settings.idleSession().toMinutes()));
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.secureCookies());
        // Lax: sent on the top-level redirect after login; the IdP's cross-site POST needs no cookie (see LoginTarget).
        cookie.setAttribute("SameSite", "Lax");
    }

    private static void add(ServletContext context, String name, Filter filter, String... patterns) {
        var registration = context.addFilter(name, filter);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, patterns);
        registration.setAsyncSupported(true);
    }

}
