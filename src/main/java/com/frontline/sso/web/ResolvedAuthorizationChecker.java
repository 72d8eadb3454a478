package com.frontline.sso.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.pac4j.core.authorization.authorizer.Authorizer;
import org.pac4j.core.authorization.checker.DefaultAuthorizationChecker;
import org.pac4j.core.client.Client;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.profile.UserProfile;

/**
 * pac4j's authorization, with a filter's fixed list of authorizer names resolved once instead of on every request.
 * Names that depend on the request (none given, or "+..." which adds to pac4j's defaults) are still resolved per
 * request by pac4j.
 */
final class ResolvedAuthorizationChecker extends DefaultAuthorizationChecker {

    private final Map<String, List<Authorizer>> resolved = new ConcurrentHashMap<>();

    @Override
    protected List<Authorizer> computeAuthorizers(WebContext context, List<UserProfile> profiles, String authorizersValue,
                                                  Map<String, Authorizer> authorizersMap, List<Client> clients) {
        if (!FixedNames.fixed(authorizersValue)) {
            return super.computeAuthorizers(context, profiles, authorizersValue, authorizersMap, clients);
        }
        return resolved.computeIfAbsent(authorizersValue, names -> List.copyOf(computeAuthorizersFromNames(names, authorizersMap)));
    }
}
