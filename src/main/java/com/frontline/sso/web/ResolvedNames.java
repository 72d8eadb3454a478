package com.frontline.sso.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.pac4j.core.util.Pac4jConstants;

/**
 * A filter's list of pac4j matcher or authorizer names, resolved once per list instead of on every request (pac4j
 * splits and compares the names case-insensitively each time, on every page). Lists that depend on the request
 * are still resolved per request by pac4j: none given (pac4j picks defaults by request) and "+..." (added to them).
 */
final class ResolvedNames<T> {

    private final Map<String, List<T>> resolved = new ConcurrentHashMap<>();

    List<T> resolve(String names, Function<String, List<T>> fromNames, Supplier<List<T>> perRequest) {
        if (names == null || names.isBlank() || names.trim().startsWith(Pac4jConstants.ADD_ELEMENT)) {
            return perRequest.get();
        }
        return resolved.computeIfAbsent(names, fixed -> List.copyOf(fromNames.apply(fixed)));
    }
}
