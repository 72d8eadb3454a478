package com.frontline.sso.identity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a verified assertion says about the user, independent of pac4j and OpenSAML: the input of
 * {@link ClaimsMapper}. Attribute values are keyed by Name and, when present, also by FriendlyName.
 */
public record Claims(
        String issuer,
        String nameId,
        String nameIdFormat,
        Map<String, List<String>> attributes,
        Instant authnInstant,
        Optional<Instant> sessionNotOnOrAfter,
        Optional<String> sessionIndex) implements Serializable {

    /** Where the ACS leaves the verified claims for the login step, for the duration of one request. */
    public static final String REQUEST_ATTRIBUTE = Claims.class.getName();

    public Claims {
        attributes = Map.copyOf(attributes);
    }

    public List<String> values(String attributeName) {
        return attributes.getOrDefault(attributeName, List.of());
    }
}
