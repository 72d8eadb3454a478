package com.frontline.sso.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "frontline";
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /** The realm client's {@code saml_idp_initiated_sso_url_name}. */
    public static final String IDP_INITIATED_SSO_NAME = "frontline";

    static final String BASE_URL_PLACEHOLDER = "${FRONTLINE_SP_BASE_URL}";
    static final String ENTITY_ID_PLACEHOLDER = "${FRONTLINE_SP_ENTITY_ID}";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final Pattern START_FAILURE = Pattern.compile("Failed to start server|ERROR: .*(?:Address already in use|Port already bound)");

    private final int port;
    private final ManagedProcess process;
    private final Duration startTime;

    private KeycloakServer(int port, ManagedProcess process, Duration startTime) {
        this.port = port;
        this.process = process;
        this.startTime = startTime;
    }

    /**
     * Starts Keycloak on 127.0.0.1:{@code httpPort} with the realm whose SAML client is the service
     * provider at {@code spBaseUrl} with entity id {@code spEntityId}; returns once the realm answers.
     */
    public static KeycloakServer start(int httpPort, String spBaseUrl, String spEntityId, Path workDir) {
        Path distribution = TestEnvironment.keycloakHome();
        Path privateHome = Dirs.recreate(workDir.resolve("keycloak-home"));
        writeRealm(privateHome.resolve("data").resolve("import"), spBaseUrl, spEntityId);
        createDirectories(privateHome.resolve("providers"), privateHome.resolve("themes"));

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
        try {
            URI realm = URI.create("http://127.0.0.1:" + httpPort + "/realms/" + REALM);
            Duration took = process.awaitHttp(realm, 200, START_FAILURE, START_TIMEOUT);
            return new KeycloakServer(httpPort, process, took);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<port>}: also the issuer host Keycloak puts in its metadata. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
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

    /** How long the start took until the realm answered. */
    public Duration startTime() {
        return startTime;
    }

    public Path logFile() {
        return process.logFile();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.close();
    }

    /** Writes the realm template with the service provider's URLs filled in. */
    static void writeRealm(Path importDir, String spBaseUrl, String spEntityId) {
        try {
            String template = Files.readString(TestEnvironment.realmTemplate(), StandardCharsets.UTF_8);
            String realm = template
                    .replace(BASE_URL_PLACEHOLDER, stripTrailingSlash(spBaseUrl))
                    .replace(ENTITY_ID_PLACEHOLDER, spEntityId);
            if (realm.contains("${FRONTLINE_")) {
                throw new IllegalStateException("realm template has a placeholder the harness does not fill: "
                        + TestEnvironment.realmTemplate());
            }
            Files.createDirectories(importDir);
            Files.writeString(importDir.resolve(REALM + "-realm.json"), realm, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void createDirectories(Path... dirs) {
        try {
            for (Path dir : dirs) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
