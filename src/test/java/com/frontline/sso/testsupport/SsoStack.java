package com.frontline.sso.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Real IdPs and the app wired together, as a browser sees them: the app on
 * {@code http://localhost:P}, Keycloak and SimpleSAMLphp on {@code http://127.0.0.1:Q}. The app and
 * the IdPs are different sites on purpose, so cookie rules (SameSite) are exercised as in a real
 * deployment.
 *
 * <p>By default the app has one IdP, Keycloak, at {@code /saml/acs}. {@link Builder#idp} picks
 * another; {@link Builder#workspace} configures several IdPs in one deployment
 * ({@code SSO_WORKSPACES}), each workspace with its own entity ID, ACS and SLO.
 *
 * <p>Start order: the IdPs first (the app reads their metadata at start; Keycloak's realm names the
 * SP), then the app, which generates its SP signing key in its data directory; then the harness
 * copies the certificate from the app's SP metadata into each IdP, which require signed AuthnRequests.
 */
public final class SsoStack implements AutoCloseable {

    /** The real IdPs the harness can run. */
    public enum Idp { KEYCLOAK, SIMPLESAMLPHP }

    private final Path workDir;
    private final SsoStackIdps idps;
    private final Map<String, String> appEnv;
    private final List<String> appJvmOptions;
    private PayaraMicroApp app;
    private int restarts;

    private SsoStack(Path workDir, SsoStackIdps idps, PayaraMicroApp app, Map<String, String> appEnv, List<String> appJvmOptions) {
        this.workDir = workDir;
        this.idps = idps;
        this.app = app;
        this.appEnv = appEnv;
        this.appJvmOptions = appJvmOptions;
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

    /** The entity ID of the app without workspaces. */
    public String spEntityId() {
        return serviceProvider().entityId();
    }

    /** The SP of the app without workspaces. */
    public ServiceProvider serviceProvider() {
        return idps.serviceProvider(null);
    }

    /** The SP of workspace {@code id}. */
    public ServiceProvider serviceProvider(String workspace) {
        return idps.serviceProvider(workspace);
    }

    public KeycloakServer keycloak() {
        return idps.keycloak().orElseThrow(() -> new IllegalStateException("this stack runs no Keycloak"));
    }

    public SimpleSamlPhpServer simpleSamlPhp() {
        return idps.simpleSamlPhp().orElseThrow(() -> new IllegalStateException("this stack runs no SimpleSAMLphp"));
    }

    public PayaraMicroApp app() {
        return app;
    }

    /** Where logs, data directories and failure evidence of this stack go. */
    public Path workDir() {
        return workDir;
    }

    /**
     * Stops the app and starts it again on the same port with the same data directory (so the same SP
     * key, which the IdPs already trust), with {@code envChanges} applied to its environment (a
     * {@code null} value removes a variable). Its log goes to {@code <workDir>/app-restart-<n>/}.
     */
    public void restartApp(Map<String, String> envChanges) {
        app.close();
        appEnv.putAll(envChanges);
        restarts++;
        app = PayaraMicroApp.start(app.port(), appEnv, appJvmOptions, workDir.resolve("app-restart-" + restarts));
    }

    /** Stops the app, then the IdPs; each by PID including its child processes. */
    @Override
    public void close() {
        try {
            app.close();
        } finally {
            idps.close();
        }
    }

    /** Ports (free ones unless set), IdPs or workspaces, extra app environment and JVM options. */
    public static final class Builder {
        private final String name;
        private int appPort;
        private int keycloakPort;
        private Idp idp = Idp.KEYCLOAK;
        private final Map<String, Idp> workspaces = new LinkedHashMap<>();
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

        /** The one IdP of an app without workspaces (default: Keycloak). */
        public Builder idp(Idp idp) {
            this.idp = idp;
            return this;
        }

        /**
         * Adds workspace {@code id} with {@code idp} ({@code SSO_WORKSPACES}, {@code SSO_WORKSPACE_<ID>_IDP_METADATA}).
         * Keycloak's realm has one SAML client, so at most one workspace can use Keycloak.
         */
        public Builder workspace(String id, Idp idp) {
            workspaces.put(id, idp);
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
            int port = appPort != 0 ? appPort : FreePorts.pick();
            String appBaseUrl = "http://localhost:" + port;
            Map<String, Idp> bindings = workspaces.isEmpty() ? Map.of("", idp) : workspaces;
            SsoStackIdps idps = SsoStackIdps.start(appBaseUrl, bindings, keycloakPort, workDir);
            PayaraMicroApp payara = null;
            try {
                Map<String, String> env = new LinkedHashMap<>();
                env.put("SSO_BASE_URL", appBaseUrl);
                env.put("SSO_DATA_DIR", Dirs.recreate(workDir.resolve("app-data")).toString());
                if (workspaces.isEmpty()) {
                    env.put("SSO_SP_ENTITY_ID", idps.serviceProvider(null).entityId());
                    env.put("SSO_IDP_METADATA", idps.metadataUrl(null).toString());
                } else {
                    env.put("SSO_WORKSPACES", String.join(",", workspaces.keySet()));
                    for (String id : workspaces.keySet()) {
                        env.put("SSO_WORKSPACE_" + id.toUpperCase(Locale.ROOT).replace('-', '_') + "_IDP_METADATA",
                                idps.metadataUrl(id).toString());
                    }
                }
                env.putAll(appEnv);
                payara = PayaraMicroApp.start(port, env, appJvmOptions, workDir);
                idps.registerServiceProviders();
                return new SsoStack(workDir, idps, payara, env, List.copyOf(appJvmOptions));
            } catch (RuntimeException e) {
                Optional.ofNullable(payara).ifPresent(PayaraMicroApp::close);
                idps.close();
                throw e;
            }
        }
    }
}
