package com.frontline.sso.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak and the app wired together, as a browser sees them: the app on
 * {@code http://localhost:P}, Keycloak on {@code http://127.0.0.1:Q}. The two are different sites
 * on purpose, so cookie rules (SameSite) are exercised as in a real deployment.
 *
 * <p>Start order: Keycloak first (the app reads the IdP metadata URL at start), then the app, which
 * generates its SP signing key in its data directory; then the harness copies the certificate from
 * the app's SP metadata into the Keycloak client, which requires signed AuthnRequests.
 */
public final class SsoStack implements AutoCloseable {

    private final Path workDir;
    private final KeycloakServer keycloak;
    private final PayaraMicroApp app;
    private final String spEntityId;

    private SsoStack(Path workDir, KeycloakServer keycloak, PayaraMicroApp app, String spEntityId) {
        this.workDir = workDir;
        this.keycloak = keycloak;
        this.app = app;
        this.spEntityId = spEntityId;
    }

    /** A stack whose logs and data go to {@code target/it-work/<name>/}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String appBaseUrl() {
        return app.baseUrl();
    }

    /** The app's URL for {@code path} (which starts with a slash). */
    public String appUrl(String path) {
        return app.baseUrl() + path;
    }

    public String spEntityId() {
        return spEntityId;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public PayaraMicroApp app() {
        return app;
    }

    /** Where logs, data directories and failure evidence of this stack go. */
    public Path workDir() {
        return workDir;
    }

    /** Stops the app, then Keycloak; each by PID including its child processes. */
    @Override
    public void close() {
        try {
            app.close();
        } finally {
            keycloak.close();
        }
    }

    /** Ports (free ones unless set), extra app environment and JVM options. */
    public static final class Builder {
        private final String name;
        private int appPort;
        private int keycloakPort;
        private final Map<String, String> appEnv = new LinkedHashMap<>();
        private final List<String> appJvmOptions = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder appPort(int port) {
            this.appPort = port;
            return this;
        }

        public Builder keycloakPort(int port) {
            this.keycloakPort = port;
            return this;
        }

        /** Sets (or, with {@code null}, removes) an environment variable of the app, e.g. {@code SSO_IDP_INITIATED_ENABLED}. */
        public Builder appEnv(String name, String value) {
            appEnv.put(name, value);
            return this;
        }

        public Builder appJvmOption(String option) {
            appJvmOptions.add(option);
            return this;
        }

        public SsoStack start() {
            Path workDir = Dirs.recreate(TestEnvironment.workDir().resolve(name));
            int app = appPort != 0 ? appPort : FreePorts.pick();
            int idp = keycloakPort != 0 ? keycloakPort : FreePorts.pick();
            String appBaseUrl = "http://localhost:" + app;
            String entityId = appBaseUrl + "/saml/metadata";

            KeycloakServer keycloak = KeycloakServer.start(idp, appBaseUrl, entityId, workDir);
            PayaraMicroApp payara = null;
            try {
                Map<String, String> env = new LinkedHashMap<>();
                env.put("SSO_BASE_URL", appBaseUrl);
                env.put("SSO_SP_ENTITY_ID", entityId);
                env.put("SSO_IDP_METADATA", keycloak.idpMetadataUrl().toString());
                env.put("SSO_DATA_DIR", Dirs.recreate(workDir.resolve("app-data")).toString());
                env.putAll(appEnv);
                payara = PayaraMicroApp.start(app, env, appJvmOptions, workDir);
                registerServiceProvider(keycloak, URI.create(entityId));
                return new SsoStack(workDir, keycloak, payara, entityId);
            } catch (RuntimeException e) {
                if (payara != null) {
                    payara.close();
                }
                keycloak.close();
                throw e;
            }
        }

        private static void registerServiceProvider(KeycloakServer keycloak, URI spMetadataUrl) {
            ServiceProviderMetadata metadata = ServiceProviderMetadata.fetch(spMetadataUrl);
            if (!metadata.entityId().equals(spMetadataUrl.toString())) {
                throw new IllegalStateException("the app's SP entity id is " + metadata.entityId()
                        + " but the Keycloak client was created for " + spMetadataUrl);
            }
            keycloak.admin().setClientSigningCertificate(KeycloakServer.REALM, metadata.entityId(),
                    metadata.signingCertificate());
        }
    }
}
