package com.frontline.sso.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the harness finds the servers, the WAR and the realm template, and where it writes.
 *
 * <p>Failsafe and the {@code demo} profile pass these as system properties (see pom.xml); the
 * fallbacks are the same paths relative to the project directory, so the classes also run from an
 * IDE started in the project directory after {@code mvn pre-integration-test}.
 */
public final class TestEnvironment {

    private TestEnvironment() {
    }

    /** The unpacked Keycloak distribution. */
    public static Path keycloakHome() {
        return existing("keycloak.home", "target/it/keycloak-26.5.6", "run `mvn pre-integration-test` to unpack Keycloak");
    }

    /** The unpacked WildFly distribution (only read: every start copies its {@code standalone/} directory). */
    public static Path wildflyHome() {
        return existing("wildfly.home", "target/it/wildfly-39.0.1.Final", "run `mvn pre-integration-test` to unpack WildFly");
    }

    /** The stock Payara Micro jar. */
    public static Path payaraMicroJar() {
        return existing("payara.microJar", "target/it/payara-micro.jar", "run `mvn pre-integration-test` to copy Payara Micro");
    }

    /** The application WAR under test. */
    public static Path frontlineWar() {
        return existing("frontline.war", "target/frontline-sso.war", "run `mvn package` to build the WAR");
    }

    /** The project's server-config directory (Keycloak realm, Payara and data grid configuration). */
    public static Path serverConfig() {
        return existing("frontline.serverConfig", "server-config", "run from the project directory");
    }

    /** The realm file with placeholders for the SP's base URL and entity id. */
    public static Path realmTemplate() {
        Path realm = serverConfig().resolve("keycloak").resolve("frontline-realm.json");
        if (!Files.isRegularFile(realm)) {
            throw new IllegalStateException("realm template not found: " + realm.toAbsolutePath()
                    + " (set -Dfrontline.serverConfig or run from the project directory)");
        }
        return realm.toAbsolutePath();
    }

    /** The SimpleSAMLphp configuration templates ({@code config/}, {@code metadata/}). */
    public static Path simpleSamlPhpTemplates() {
        return serverConfig().resolve("simplesamlphp");
    }

    /** Debian's SimpleSAMLphp 1.19 ({@code apt-get install simplesamlphp php-xml php-mbstring}). */
    public static Path simpleSamlPhpHome() {
        return existing("simplesamlphp.home", "/usr/share/simplesamlphp",
                "install Debian's simplesamlphp, php-xml and php-mbstring (.ci/run does), or set -Dsimplesamlphp.home");
    }

    /** Root of everything the harness writes: logs, data directories, screenshots. */
    public static Path workDir() {
        return Path.of(System.getProperty("frontline.workDir", "target/it-work")).toAbsolutePath();
    }

    private static Path existing(String property, String fallback, String hint) {
        Path path = Path.of(System.getProperty(property, fallback)).toAbsolutePath();
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " does not exist (system property " + property + "): " + hint);
        }
        return path;
    }
}
