package com.frontline.sso.web;

import java.util.List;
import java.util.Map;

import org.pac4j.core.client.Client;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.matching.checker.DefaultMatchingChecker;
import org.pac4j.core.matching.matcher.Matcher;

/** pac4j's matching, with the filter's matcher names resolved once (see {@link ResolvedNames}). */
final class ResolvedMatchingChecker extends DefaultMatchingChecker {

    private final ResolvedNames<Matcher> names = new ResolvedNames<>();

    @Override
    protected List<Matcher> computeMatchers(WebContext context, SessionStore sessionStore, String matchersValue,
                                            Map<String, Matcher> matchersMap, List<Client> clients) {
        return names.resolve(matchersValue, fixed -> computeMatchersFromNames(fixed, matchersMap),
                () -> super.computeMatchers(context, sessionStore, matchersValue, matchersMap, clients));
    }
}
