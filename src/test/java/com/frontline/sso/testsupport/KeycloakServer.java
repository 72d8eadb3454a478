package com.frontline.sso.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Keycloak (stock distribution, dev mode) serving the {@code frontline} realm on 127.0.0.1 only.
 *
 * <p>The distribution stays read-only for the realm data: {@code kc.home.dir} is pointed at a
 * private directory (fresh H2 database, realm import directory), so parallel or repeated runs never
 * see each other's realm. The realm template's placeholders for the service provider are filled in
 * before the start, because Keycloak imports the realm only when it does not exist yet.
 */
public final class KeycloakServer extends StartedServer {

    public static final String REALM = "frontline";
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /** The realm client's {@code saml_idp_initiated_sso_url_name}. */
    public static final String IDP_INITIATED_SSO_NAME = "frontline";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Pattern START_FAILURE = Pattern.compile("Failed to start server|ERROR: .*(?:Address already in use|Port already bound)");

    private KeycloakServer(int port, ManagedProcess process, Duration startTime) {
        super(port, process, startTime);
    }

    /**
     * Starts Keycloak on 127.0.0.1:{@code httpPort} with the realm whose SAML client is the service
     * provider {@code sp} (its entity ID is the client ID); returns once the realm answers.
     */
    public static KeycloakServer start(int httpPort, ServiceProvider sp, Path workDir) {
        Path distribution = TestEnvironment.keycloakHome();
        Path privateHome = Dirs.recreate(workDir.resolve("keycloak-home"));
        writeRealm(privateHome.resolve("data").resolve("import"), sp);
        Dirs.create(privateHome.resolve("providers"));
        Dirs.create(privateHome.resolve("themes"));

        List<String> command = List.of(
                distribution.resolve("bin").resolve("kc.sh").toString(),
                // kc.sh passes -D options to the JVM after its own -Dkc.home.dir, so this one wins.
                "-Dkc.home.dir=" + privateHome,
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--hostname=http://127.0.0.1:" + httpPort,
                // The management interface (health, metrics) defaults to port 9000 on all interfaces.
                "--http-management-port=" + FreePorts.pick(),
                "--cache=local",
                "--import-realm");
        Map<String, String> env = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        ManagedProcess process = ManagedProcess.start("keycloak", command, env, privateHome, workDir);
        URI realm = URI.create("http://127.0.0.1:" + httpPort + "/realms/" + REALM);
        Duration took = process.awaitReady(started -> started.awaitHttp(realm, 200, START_FAILURE, START_TIMEOUT));
        return new KeycloakServer(httpPort, process, took);
    }

    /** {@code http://127.0.0.1:<port>}: also the issuer host Keycloak puts in its metadata. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The realm's SAML 2.0 IdP metadata, for the app's {@code SSO_IDP_METADATA}. */
    public URI idpMetadataUrl() {
        return URI.create(baseUrl() + "/realms/" + REALM + "/protocol/saml/descriptor");
    }

    /** Opening this starts an IdP-initiated login that posts an unsolicited response to the app. */
    public URI idpInitiatedLoginUrl() {
        return URI.create(baseUrl() + "/realms/" + REALM + "/protocol/saml/clients/" + IDP_INITIATED_SSO_NAME);
    }

    /** The admin console (log in as {@link #ADMIN_USERNAME}/{@link #ADMIN_PASSWORD}). */
    public URI adminConsoleUrl() {
        return URI.create(baseUrl() + "/admin/master/console/#/" + REALM);
    }

    /** The realm's own account console, where a user can see and end their Keycloak session. */
    public URI accountConsoleUrl() {
        return URI.create(baseUrl() + "/realms/" + REALM + "/account");
    }

    /** An admin REST client logged in as the bootstrap admin. */
    public KeycloakAdmin admin() {
        return new KeycloakAdmin(URI.create(baseUrl()), ADMIN_USERNAME, ADMIN_PASSWORD);
    }

    /** Writes the realm template with the service provider's URLs filled in. */
    static void writeRealm(Path importDir, ServiceProvider sp) {
        Templates.fill(TestEnvironment.realmTemplate(), Map.of(
                "FRONTLINE_SP_BASE_URL", sp.baseUrl(),
                "FRONTLINE_SP_ENTITY_ID", sp.entityId(),
                "FRONTLINE_SP_ACS_URL", sp.acsUrl(),
                "FRONTLINE_SP_SLO_URL", sp.sloUrl()), importDir.resolve(REALM + "-realm.json"));
    }
}
