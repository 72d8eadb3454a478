package com.frontline.sso.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.pac4j.core.client.Client;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.matching.checker.DefaultMatchingChecker;
import org.pac4j.core.matching.matcher.Matcher;

/**
 * pac4j's matching, with a filter's fixed list of matcher names resolved once instead of on every request (pac4j
 * splits and compares the names case-insensitively each time, on every page). Names that depend on the request
 * (none given, or "+..." which adds to pac4j's defaults) are still resolved per request by pac4j.
 */
final class ResolvedMatchingChecker extends DefaultMatchingChecker {

    private final Map<String, List<Matcher>> resolved = new ConcurrentHashMap<>();

    @Override
    protected List<Matcher> computeMatchers(WebContext context, SessionStore sessionStore, String matchersValue,
                                            Map<String, Matcher> matchersMap, List<Client> clients) {
        if (!FixedNames.fixed(matchersValue)) {
            return super.computeMatchers(context, sessionStore, matchersValue, matchersMap, clients);
        }
        return resolved.computeIfAbsent(matchersValue, names -> List.copyOf(computeMatchersFromNames(names, matchersMap)));
    }
}
