package com.frontline.sso.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

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
import com.frontline.sso.config.Workspace;
import com.frontline.sso.saml.FrontlineSaml2Client;
import com.frontline.sso.saml.metadata.MetadataRefresher;
import com.frontline.sso.saml.SamlClients;

/**
 * Wires the pac4j filter chain into the WAR at startup, so existing pages are protected without being
 * changed, and so that settings, keys and IdP metadata are checked before the first request: a failure
 * here stops the deployment with a message naming the setting.
 */
@WebListener
public class SsoWebSetup implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SsoWebSetup.class.getName());
    private static final String MANAGED_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    @Inject
    SsoSettings settings;
    @Inject
    SamlClients clients;
    @Inject
    Config config;

    private MetadataRefresher refresher;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        configureSessions(context);
        for (FrontlineSaml2Client client : clients.all()) {
            addSamlEndpoints(context, client.workspace());
        }
        // Ends the local session, then sends a signed LogoutRequest to the IdP when its metadata has an SLO service.
        LogoutFilter logout = new LogoutFilter(config, "/signed-out.html");
        logout.setLogoutUrlPattern("^/signed-out\\.html$");
        logout.setLocalLogout(true);
        logout.setDestroySession(true);
        logout.setCentralLogout(true);
        logout.setLogoutLogic(new AgentLogoutLogic());
        add(context, "saml-logout", logout, "/logout");
        add(context, "sso-revocations", new SessionRevocationFilter(clients.state().revocations()), "/*");
        add(context, "sso-security", new SecurityFilter(config, clients.names(), Pac4jConfigFactory.AGENT_ROLE,
                Pac4jConfigFactory.SECURITY_MATCHERS), "/*");
        Set<String> scanMarkers = ScanMarkerFilter.paths(context);
        if (!scanMarkers.isEmpty()) {
            add(context, "payara-scan-markers", new ScanMarkerFilter(), scanMarkers.toArray(String[]::new));
        }

        refresher = new MetadataRefresher(scheduler());
        refresher.start(clients);
        for (FrontlineSaml2Client client : clients.all()) {
            Workspace workspace = client.workspace();
            LOG.info(() -> "frontline-sso workspace '" + workspace.id() + "' ready: entity ID " + workspace.spEntityId()
                    + ", ACS " + workspace.acsUrl() + ", IdP " + client.getIdentityProviderResolvedEntityId()
                    + ", SP metadata " + workspace.metadataUrl());
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (refresher != null) {
            refresher.stop();
        }
    }

    /**
     * Each workspace's ACS (HTTP-POST) and SLO endpoint (HTTP-Redirect or POST): the size/DOCTYPE guard, then
     * pac4j's callback bound to that workspace's client.
     */
    private void addSamlEndpoints(ServletContext context, Workspace workspace) {
        add(context, "acs-guard-" + workspace.id(), new SamlMessageGuardFilter(settings.maxMessageBytes(), false), workspace.acsPath());
        add(context, "slo-guard-" + workspace.id(), new SamlMessageGuardFilter(settings.maxMessageBytes(), true), workspace.sloPath());
        CallbackFilter callback = new CallbackFilter(config, "/");
        callback.setDefaultClient(workspace.id());
        callback.setRenewSession(true);
        callback.setCallbackLogic(new SamlCallbackLogic(new LoginTarget(workspace.idpInitiatedLanding())));
        add(context, "saml-" + workspace.id(), callback, workspace.acsPath(), workspace.sloPath());
    }

    private void configureSessions(ServletContext context) {
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        context.setSessionTimeout((int) Math.max(1, settings.idleSession().toMinutes()));
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.httpsBaseUrl());
        // Lax: sent on the top-level redirect after login; the IdP's cross-site POST needs no cookie (see LoginTarget).
        cookie.setAttribute("SameSite", "Lax");
    }

    /** The server's managed scheduler where there is one (Jakarta Concurrency), else a daemon thread. */
    private static ScheduledExecutorService scheduler() {
        try {
            return (ScheduledExecutorService) new InitialContext().lookup(MANAGED_SCHEDULER);
        } catch (NamingException | RuntimeException e) {
            return Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "frontline-sso-metadata-refresh");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    private static void add(ServletContext context, String name, Filter filter, String... patterns) {
        var registration = context.addFilter(name, filter);
        registration.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, patterns);
        registration.setAsyncSupported(true);
    }
}
