package com.frontline.sso.config;

import java.util.Optional;

/**
 * Where a workspace's IdP is described: a metadata document (URL or file), or the three values an IdP's
 * console shows (issuer, SSO URL, signing certificate) for administrators who have no metadata.
 */
public record IdpSource(Optional<String> metadataLocation, Optional<ManualIdp> manual) {

    /** Issuer entity ID, HTTP-Redirect SSO URL, and the signing certificate (PEM text, base64 DER or a file path). */
    public record ManualIdp(String entityId, String ssoUrl, String certificate) {
    }

    public static IdpSource metadata(String location) {
        return new IdpSource(Optional.of(location), Optional.empty());
    }

    public static IdpSource manual(String entityId, String ssoUrl, String certificate) {
        return new IdpSource(Optional.empty(), Optional.of(new ManualIdp(entityId, ssoUrl, certificate)));
    }

    public boolean remote() {
        return metadataLocation.filter(location -> location.startsWith("http://") || location.startsWith("https://")).isPresent();
    }

    public String describe() {
        return metadataLocation.orElseGet(() -> "issuer " + manual.orElseThrow().entityId());
    }
}
