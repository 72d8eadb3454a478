package com.frontline.sso.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One identity provider and the rules for its users: a company's IdP, or one of several during a migration.
 * A single-IdP deployment has one workspace, {@value #DEFAULT_ID}, at the endpoints of the first release
 * ({@code /saml/acs}, {@code /saml/metadata}); named workspaces have their own ({@code /saml/acs/<id>}).
 */
public record Workspace(
        String id,
        String spEntityId,
        String acsUrl,
        String metadataUrl,
        IdpSource idp,
        Duration metadataRefresh,
        Optional<String> metadataSigningCertificate,
        String emailAttribute,
        String rolesAttribute,
        String requiredRole,
        Map<String, Set<String>> roleMap,
        boolean idpInitiatedEnabled,
        String idpInitiatedLanding,
        boolean requireSignedAssertions,
        boolean allowSha1,
        List<String> emailDomains) {

    public static final String DEFAULT_ID = "default";

    public Workspace {
        roleMap = Map.copyOf(roleMap);
        emailDomains = List.copyOf(emailDomains);
    }

    public boolean isDefault() {
        return DEFAULT_ID.equals(id);
    }

    /** Email attribute names understood: the configured one, then the common claim URI. */
    public List<String> emailAttributeNames() {
        return List.of(emailAttribute, "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress");
    }

    /** Role attribute names understood: the configured one, the Microsoft role claim, and groups (Entra, ADFS). */
    public List<String> rolesAttributeNames() {
        return List.of(rolesAttribute, "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
                "groups", "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups", "http://schemas.xmlsoap.org/claims/Group");
    }

    /** How problems name one of this workspace's settings, e.g. {@code sso.workspace.acme.idp.metadata (SSO_WORKSPACE_ACME_IDP_METADATA)}. */
    public Setting setting(String suffix) {
        return isDefault() ? new Setting("sso." + suffix) : new Setting("sso.workspace." + id + "." + suffix);
    }

    public String acsPath() {
        return isDefault() ? SsoSettings.ACS_PATH : SsoSettings.ACS_PATH + "/" + id;
    }

    /** Single Logout endpoint (LogoutRequest and LogoutResponse, HTTP-Redirect or HTTP-POST). */
    public String sloPath() {
        return isDefault() ? SsoSettings.SLO_PATH : SsoSettings.SLO_PATH + "/" + id;
    }

    /** The SLO URL: {@link #url(String)} of {@link #sloPath()}. */
    public String sloUrl() {
        return url(sloPath());
    }

    /** An absolute URL of this application: the base URL (the ACS URL without its path) plus {@code path}. */
    public String url(String path) {
        return acsUrl.substring(0, acsUrl.length() - acsPath().length()) + path;
    }

    public String metadataPath() {
        return isDefault() ? SsoSettings.METADATA_PATH : SsoSettings.METADATA_PATH + "/" + id;
    }
}
