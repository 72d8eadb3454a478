package com.frontline.sso.web;

import java.util.List;
import java.util.Map;

import org.pac4j.core.authorization.authorizer.Authorizer;
import org.pac4j.core.authorization.checker.DefaultAuthorizationChecker;
import org.pac4j.core.client.Client;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.profile.UserProfile;

/** pac4j's authorization, with the filter's authorizer names resolved once (see {@link ResolvedNames}). */
final class ResolvedAuthorizationChecker extends DefaultAuthorizationChecker {

    private final ResolvedNames<Authorizer> names = new ResolvedNames<>();

    @Override
    protected List<Authorizer> computeAuthorizers(WebContext context, List<UserProfile> profiles, String authorizersValue,
                                                  Map<String, Authorizer> authorizersMap, List<Client> clients) {
        return names.resolve(authorizersValue, fixed -> computeAuthorizersFromNames(fixed, authorizersMap),
                () -> super.computeAuthorizers(context, profiles, authorizersValue, authorizersMap, clients));
    }
}
