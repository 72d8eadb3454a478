package com.frontline.sso.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.config.Workspace;
import com.frontline.sso.saml.FrontlineSaml2Client;
import com.frontline.sso.saml.SamlClients;

/**
 * Decides which workspace's IdP a login goes to: the only one; else {@code ?workspace=}; else the domain of
 * an email ({@code ?email=} or {@code ?login_hint=}); else the workspace this browser used last (a cookie).
 * When none of these says, the agent is asked on the login page.
 */
final class WorkspaceChooser {

    static final String COOKIE = "frontline_workspace";

    private final SsoSettings settings;
    private final SamlClients clients;

    WorkspaceChooser(SsoSettings settings, SamlClients clients) {
        this.settings = settings;
        this.clients = clients;
    }

    Optional<FrontlineSaml2Client> choose(HttpServletRequest request) {
        if (settings.singleWorkspace()) {
            return clients.client(settings.primary().id());
        }
        return byId(request.getParameter("workspace"))
                .or(() -> byEmail(request.getParameter("email")))
                .or(() -> byEmail(request.getParameter("login_hint")))
                .or(() -> byId(rememberedWorkspace(request)));
    }

    Optional<FrontlineSaml2Client> byId(String id) {
        return id == null ? Optional.empty() : clients.client(id.trim().toLowerCase(Locale.ROOT));
    }

    Optional<FrontlineSaml2Client> byEmail(String email) {
        if (email == null || email.indexOf('@') < 0) {
            return Optional.empty();
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).trim().toLowerCase(Locale.ROOT);
        return settings.workspaces().stream()
                .filter(workspace -> workspace.emailDomains().stream().anyMatch(domain::equalsIgnoreCase))
                .findFirst()
                .map(Workspace::id)
                .flatMap(clients::client);
    }

    private static String rememberedWorkspace(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
