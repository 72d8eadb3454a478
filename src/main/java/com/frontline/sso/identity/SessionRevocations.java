package com.frontline.sso.identity;

import java.time.Duration;
import java.time.Instant;

import com.frontline.sso.state.ExpiringStore;
import com.frontline.sso.state.ExpiringStores;

/**
 * Sessions the IdP ended by Single Logout, keyed by workspace and SessionIndex (or NameID when the
 * LogoutRequest names no SessionIndex). Kept in the shared store, so a LogoutRequest received by one node
 * ends the agent's session on every node: any node refuses a session whose key is listed. Entries live as
 * long as a session can.
 */
public final class SessionRevocations {

    private final ExpiringStore<Long> revoked;

    public SessionRevocations(ExpiringStore<Long> revoked) {
        this.revoked = revoked;
    }

    public static SessionRevocations open(Duration maxSession) {
        return new SessionRevocations(ExpiringStores.open("frontline-sso-revoked-sessions", Long.class, maxSession));
    }

    /** Revokes one IdP session (SessionIndex given) or every session of the NameID (none given). */
    public void revoke(String workspace, String sessionIndex, String nameId) {
        String key = sessionIndex != null ? sessionKey(workspace, sessionIndex) : nameKey(workspace, nameId);
        revoked.put(key, Instant.now().toEpochMilli());
    }

    /** Whether a Single Logout after this agent's login names its session (a later login is a new session). */
    public boolean isRevoked(Agent agent) {
        long loggedIn = agent.loggedInAt().toEpochMilli();
        return (agent.sessionIndex() != null && revokedAfter(sessionKey(agent.workspace(), agent.sessionIndex()), loggedIn))
                || revokedAfter(nameKey(agent.workspace(), agent.nameId()), loggedIn);
    }

    private boolean revokedAfter(String key, long loggedIn) {
        return revoked.get(key).filter(revokedAt -> revokedAt >= loggedIn).isPresent();
    }

    private static String sessionKey(String workspace, String sessionIndex) {
        return workspace + "|si|" + sessionIndex;
    }

    private static String nameKey(String workspace, String nameId) {
        return workspace + "|nid|" + nameId;
    }
}
