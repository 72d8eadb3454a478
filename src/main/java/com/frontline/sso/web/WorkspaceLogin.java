package com.frontline.sso.web;

import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.exception.http.HttpAction;

import com.frontline.sso.saml.FrontlineSaml2Client;

/** Starts a login at one workspace's IdP: the signed AuthnRequest redirect pac4j builds for that client. */
final class WorkspaceLogin {

    private WorkspaceLogin() {
    }

    static HttpAction start(WebContext context, SessionStore sessionStore, FrontlineSaml2Client client) {
        return client.getRedirectionAction(context, sessionStore)
                .map(HttpAction.class::cast)
                .orElseThrow(() -> new IllegalStateException("pac4j built no redirect for workspace " + client.getName()));
    }
}
