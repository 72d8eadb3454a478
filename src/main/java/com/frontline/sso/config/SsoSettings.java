package com.frontline.sso.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the SP, validated. Built once at startup by {@link SettingsLoader}; the README's
 * settings table documents each field under its MicroProfile Config name. Settings that differ per
 * identity provider live in the {@link Workspace}s.
 */
public record SsoSettings(
        URI baseUrl,
        Optional<KeystoreSetting> keystore,
        Path dataDir,
        Duration clockSkew,
        Duration maxAuthenticationAge,
        int maxMessageBytes,
        Duration maxSession,
        Duration idleSession,
        Optional<KeystoreSetting> encryptionKeystore,
        ListenerWarmUpSetting listenerWarmUp,
        List<Workspace> workspaces) {

    /** Path of the Assertion Consumer Service, relative to the application. */
    public static final String ACS_PATH = "/saml/acs";
    /** Path of the Single Logout service, relative to the application. */
    public static final String SLO_PATH = "/saml/slo";
    /** Path of the SP metadata document, relative to the application. */
    public static final String METADATA_PATH = "/saml/metadata";

    public SsoSettings {
        workspaces = List.copyOf(workspaces);
    }

    /** Agents reach the app over https (maybe through a load balancer that terminates TLS): Secure cookies, HSTS. */
    public boolean httpsBaseUrl() {
        return "https".equalsIgnoreCase(baseUrl.getScheme());
    }

    public boolean singleWorkspace() {
        return workspaces.size() == 1;
    }

    public Optional<Workspace> workspace(String id) {
        return workspaces.stream().filter(workspace -> workspace.id().equals(id)).findFirst();
    }

    /** The first (in a single-IdP deployment, the only) workspace. */
    public Workspace primary() {
        return workspaces.get(0);
    }

    /** A keystore the administrator supplied instead of the generated one. */
    public record KeystoreSetting(Path path, String password, Optional<String> alias) {
        @Override
        public String toString() {
            return "KeystoreSetting[path=" + path + ", alias=" + alias + "]";
        }
    }
}
