package com.frontline.sso.testsupport;

/**
 * The app as an IdP must register it: entity ID, ACS (HTTP-POST) and SLO URL, for the single
 * workspace ({@code /saml/metadata}, {@code /saml/acs}, {@code /saml/slo}) or for a named workspace
 * ({@code /saml/metadata/<id>}, ...), as the app derives them from {@code SSO_BASE_URL}.
 *
 * @param workspace the workspace ID, or {@code null} for the deployment without {@code SSO_WORKSPACES}
 */
public record ServiceProvider(String baseUrl, String workspace, String entityId, String acsUrl, String sloUrl) {

    /** The SP of a deployment with one IdP. */
    public static ServiceProvider single(String appBaseUrl) {
        return of(appBaseUrl, null);
    }

    /** The SP of workspace {@code id} ({@code SSO_WORKSPACES=...,id,...}). */
    public static ServiceProvider workspace(String appBaseUrl, String id) {
        return of(appBaseUrl, id);
    }

    private static ServiceProvider of(String appBaseUrl, String workspace) {
        String base = appBaseUrl.endsWith("/") ? appBaseUrl.substring(0, appBaseUrl.length() - 1) : appBaseUrl;
        String suffix = workspace == null ? "" : "/" + workspace;
        return new ServiceProvider(base, workspace, base + "/saml/metadata" + suffix, base + "/saml/acs" + suffix,
                base + "/saml/slo" + suffix);
    }

    /** Where the app serves this SP's metadata (the entity ID is that URL by default). */
    public String metadataUrl() {
        return entityId;
    }

    /** The ACS path relative to the base URL, e.g. {@code /saml/acs/kc}. */
    public String acsPath() {
        return acsUrl.substring(baseUrl.length());
    }
}
