package com.frontline.sso.web;

import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.exception.http.HttpAction;
import org.pac4j.core.exception.http.UnauthorizedAction;
import org.pac4j.core.http.ajax.AjaxRequestResolver;
import org.pac4j.core.redirect.RedirectionActionBuilder;
import org.pac4j.jee.context.JEEContext;

/** Tells pac4j which requests are API calls: they get a 401 instead of a redirect to the IdP. */
final class ApiAwareAjaxResolver implements AjaxRequestResolver {

    @Override
    public boolean isAjax(WebContext context, SessionStore sessionStore) {
        return RequestFacts.isApiClient(((JEEContext) context).getNativeRequest());
    }

    @Override
    public HttpAction buildAjaxResponse(WebContext context, SessionStore sessionStore, RedirectionActionBuilder builder) {
        return new UnauthorizedAction();
    }
}
