package com.frontline.sso.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pac4j.core.config.Config;
import org.pac4j.core.exception.http.HttpAction;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.context.session.JEESessionStore;

import com.frontline.sso.config.RelativeTarget;
import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.saml.FrontlineSaml2Client;
import com.frontline.sso.saml.SamlClients;

/**
 * GET /login: where an agent says which workspace to sign in with (its ID, or an email whose domain names
 * it), then is sent to that workspace's IdP. With a single workspace it goes straight to the IdP.
 */
@WebServlet(LoginPageServlet.PATH)
public class LoginPageServlet extends HttpServlet {

    static final String PATH = "/login";
    private static final long serialVersionUID = 1L;
    private static final int REMEMBER_SECONDS = 60 * 60 * 24 * 90;

    @Inject
    transient SsoSettings settings;
    @Inject
    transient SamlClients clients;
    @Inject
    transient Config config;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = RelativeTarget.orElse(request.getParameter("target"), "/");
        WorkspaceChooser chooser = new WorkspaceChooser(settings, clients);
        String typed = request.getParameter("workspace");
        var client = settings.singleWorkspace() ? chooser.choose(request)
                : chooser.byId(typed).or(() -> chooser.byEmail(typed)).or(() -> chooser.byEmail(request.getParameter("email")));
        if (client.isPresent()) {
            remember(request, response, client.get());
            startLogin(request, response, client.get(), target);
        } else {
            LoginPage.write(request, response, target, typed);
        }
    }

    private void startLogin(HttpServletRequest request, HttpServletResponse response, FrontlineSaml2Client client, String target) {
        JEEContext context = new JEEContext(request, response);
        LoginTarget.request(context, target);
        HttpAction action;
        try {
            action = WorkspaceLogin.start(context, new JEESessionStore(), client);
        } catch (HttpAction thrown) {
            action = thrown;
        }
        config.getHttpActionAdapter().adapt(action, context);
    }

    private void remember(HttpServletRequest request, HttpServletResponse response, FrontlineSaml2Client client) {
        if (settings.singleWorkspace()) {
            return;
        }
        Cookie cookie = new Cookie(WorkspaceChooser.COOKIE, client.getName());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.httpsBaseUrl());
        cookie.setMaxAge(REMEMBER_SECONDS);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
