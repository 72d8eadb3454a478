package com.frontline.sso.identity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in agent as the application sees it. Small and made of JDK types, because one lives in every
 * HTTP session (and so in the data grid of a cluster).
 */
public record Agent(
        String workspace,
        String email,
        List<String> roles,
        String name,
        String nameId,
        String nameIdFormat,
        String idp,
        String sessionIndex,
        Instant authenticatedAt,
        Instant loggedInAt,
        Instant sessionExpiresAt) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Agent {
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public Optional<String> displayName() {
        return Optional.ofNullable(name);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(sessionExpiresAt);
    }
}
