package com.frontline.sso.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.pac4j.core.context.HttpConstants;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.exception.http.HttpAction;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.http.adapter.JEEHttpActionAdapter;

import com.frontline.sso.error.SsoError;

/**
 * pac4j's servlet adapter, except that 401 and 403 are answered with this SP's error page or JSON
 * rather than the container's bare error page.
 */
final class SsoHttpActionAdapter extends JEEHttpActionAdapter {


    @Override
    public Object adapt(HttpAction action, WebContext context) {
        int code = action == null ? 0 : action.getCode();
        if (code != HttpConstants.UNAUTHORIZED && code != HttpConstants.FORBIDDEN) {
            return super.adapt(action, context);
        }
        JEEContext jee = (JEEContext) context;
        try {
            if (code == HttpConstants.UNAUTHORIZED) {
                ErrorResponse.send(jee.getNativeRequest(), jee.getNativeResponse(), SsoError.UNAUTHENTICATED,
                        "no valid session; sign in through the browser");
            } else {
                Object requiredRole = jee.getNativeRequest().getAttribute(WorkspaceRoleAuthorizer.REQUIRED_ROLE_ATTRIBUTE);
                ErrorResponse.send(jee.getNativeRequest(), jee.getNativeResponse(), SsoError.ROLE_MISSING,
                        "This account lacks the '" + requiredRole + "' role.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }
}
