package com.frontline.sso.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A session ends at the earlier of the IdP's SessionNotOnOrAfter and the SP's maximum session length. */
public record SessionLimits(Duration maxSession) {

    public Instant expiry(Instant loginTime, Optional<Instant> sessionNotOnOrAfter) {
        Instant cap = loginTime.plus(maxSession);
        return sessionNotOnOrAfter.filter(idpLimit -> idpLimit.isBefore(cap)).orElse(cap);
    }
}
