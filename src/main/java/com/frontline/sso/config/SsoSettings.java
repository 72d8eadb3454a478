package com.frontline.sso.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the SP, validated. Built once at startup by {@link SettingsLoader}; the README's
 * settings table documents each field under its MicroProfile Config name.
 */
public record SsoSettings(
        URI baseUrl,
        String idpMetadata,
        String spEntityId,
        Optional<KeystoreSetting> keystore,
        Path dataDir,
        String emailAttribute,
        String rolesAttribute,
        String requiredRole,
        Duration clockSkew,
        Duration maxAuthenticationAge,
        boolean requireSignedAssertions,
        boolean allowSha1,
        boolean idpInitiatedEnabled,
        String idpInitiatedLanding,
        int maxMessageBytes,
        Duration maxSession,
        Duration idleSession,
        Optional<KeystoreSetting> encryptionKeystore) {

    /** Path of the Assertion Consumer Service, relative to the application. */
    public static final String ACS_PATH = "/saml/acs";
    /** Path of the SP metadata document, relative to the application. */
    public static final String METADATA_PATH = "/saml/metadata";

    public String acsUrl() {
        return baseUrl + ACS_PATH;
    }

    public String metadataUrl() {
        return baseUrl + METADATA_PATH;
    }

    public boolean secureCookies() {
        return "https".equalsIgnoreCase(baseUrl.getScheme());
    }

    /** A keystore the administrator supplied instead of the generated one. */
    public record KeystoreSetting(Path path, String password, Optional<String> alias) {
        @Override
        public String toString() {
            return "KeystoreSetting[path=" + path + ", alias=" + alias + "]";
        }
    }

    /** Names of the claim URIs understood for email and roles without configuration. */
    public List<String> emailAttributeNames() {
        return List.of(emailAttribute, "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress");
    }

    public List<String> rolesAttributeNames() {
        return List.of(rolesAttribute, "http://schemas.microsoft.com/ws/2008/06/identity/claims/role");
    }
}
