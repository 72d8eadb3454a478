package com.frontline.sso.saml.state;

import java.time.Duration;
import java.util.Optional;

import com.frontline.sso.state.ExpiringStore;
import com.frontline.sso.state.ExpiringStores;

/**
 * AuthnRequests this SP issued and that no response has answered yet, each with the page the user asked for.
 * Keyed by the request ID (which returns as InResponseTo), not by the session: the IdP's cross-site POST to
 * the ACS arrives without the session cookie, and in a cluster it may reach another node.
 */
public final class OutstandingRequests {

    /** The request attribute holding the ID of the AuthnRequest that an HTTP request (a login redirect) remembered. */
    public static final String REMEMBERED_ID = OutstandingRequests.class.getName() + ".rememberedId";
    /** How long a user may stay at the IdP's login page before the request is forgotten. */
    public static final Duration LIFETIME = Duration.ofMinutes(30);

    private final ExpiringStore<String> targets;

    public OutstandingRequests(ExpiringStore<String> targets) {
        this.targets = targets;
    }

    public static OutstandingRequests open() {
        return new OutstandingRequests(ExpiringStores.open("frontline-sso-outstanding-requests", String.class, LIFETIME));
    }

    public void remember(String requestId, String workspace, String target) {
        targets.putIfAbsent(requestId, workspace + '|' + target);
    }

    /** The target of an outstanding request of this workspace, without consuming it. */
    public Optional<String> peek(String requestId, String workspace) {
        return targets.get(requestId).flatMap(entry -> targetFor(entry, workspace));
    }

    /**
     * The target of the request, once: a second response to the same request finds nothing, and neither does
     * a response to another workspace's request (one IdP cannot answer for another).
     */
    public Optional<String> consume(String requestId, String workspace) {
        return targets.consume(requestId).flatMap(entry -> targetFor(entry, workspace));
    }

    /** The target of a stored {@code workspace|target} entry, if it belongs to that workspace. */
    private static Optional<String> targetFor(String entry, String workspace) {
        String prefix = workspace + '|';
        return entry.startsWith(prefix) ? Optional.of(entry.substring(prefix.length())) : Optional.empty();
    }
}
