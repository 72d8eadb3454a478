package com.frontline.sso.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Debian's SimpleSAMLphp 1.19 as a SAML 2.0 IdP under {@code php -S} on 127.0.0.1, with the users of
 * the Keycloak realm ({@code server-config/simplesamlphp/config/authsources.php}).
 *
 * <p>Everything it reads or writes is private to the run ({@link SimpleSamlPhpConfig} under
 * {@code <workDir>/simplesamlphp/}). The IdP's metadata is served from the start; service providers
 * are registered afterwards ({@link #registerServiceProvider}), because an SP's signing certificate
 * exists only once the app has started with this IdP's metadata. SimpleSAMLphp reads its metadata
 * files on every request, so a registration needs no restart.
 */
public final class SimpleSamlPhpServer extends StartedServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern START_FAILURE = Pattern.compile("Failed to listen on|Could not open input file|PHP Fatal error");

    private final SimpleSamlPhpConfig config;

    private SimpleSamlPhpServer(int port, SimpleSamlPhpConfig config, ManagedProcess process, Duration startTime) {
        super(port, process, startTime);
        this.config = config;
    }

    /** Starts the IdP on 127.0.0.1:{@code port}; returns once it serves its metadata. */
    public static SimpleSamlPhpServer start(int port, Path workDir) {
        Path www = TestEnvironment.simpleSamlPhpHome().resolve("www");
        Path home = Dirs.recreate(workDir.resolve("simplesamlphp"));
        String baseUrl = "http://127.0.0.1:" + port;
        SimpleSamlPhpConfig config = SimpleSamlPhpConfig.write(home, baseUrl);
        // The built-in server maps URL paths to files: /simplesaml/... is SimpleSAMLphp's www directory.
        Path docroot = Dirs.create(home.resolve("docroot"));
        try {
            Files.createSymbolicLink(docroot.resolve("simplesaml"), www);
        } catch (IOException e) {
            throw new UncheckedIOException("could not link " + docroot.resolve("simplesaml") + " to " + www, e);
        }

        List<String> command = List.of(System.getProperty("php.binary", "php"),
                "-d", "opcache.enable_cli=0",
                "-S", "127.0.0.1:" + port,
                "-t", docroot.toString());
        Map<String, String> env = Map.of(
                "SIMPLESAMLPHP_CONFIG_DIR", config.configDir().toString(),
                // Several workers: Chromium loads the login page's assets in parallel.
                "PHP_CLI_SERVER_WORKERS", "4");
        ManagedProcess process = startPhp(command, env, docroot, workDir);
        URI metadata = SimpleSamlPhpConfig.metadataUrl(baseUrl);
        Duration took = process.awaitReady(started -> {
            Duration answered = started.awaitHttp(metadata, 200, START_FAILURE, START_TIMEOUT);
            requireIdpMetadata(metadata, started);
            return answered;
        });
        return new SimpleSamlPhpServer(port, config, process, took);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The IdP's entity ID, which is also its metadata URL. */
    public String entityId() {
        return idpMetadataUrl().toString();
    }

    /** The IdP's SAML 2.0 metadata, for the app's {@code SSO_IDP_METADATA}. */
    public URI idpMetadataUrl() {
        return SimpleSamlPhpConfig.metadataUrl(baseUrl());
    }

    /** Opening this starts an IdP-initiated login that posts an unsolicited response to {@code sp}'s ACS. */
    public URI idpInitiatedLoginUrl(ServiceProvider sp) {
        return URI.create(baseUrl() + "/simplesaml/saml2/idp/SSOService.php?spentityid="
                + URLEncoder.encode(sp.entityId(), StandardCharsets.UTF_8));
    }

    /**
     * Registers (or updates) the SP in {@code saml20-sp-remote} with the certificate (base64 DER, as in
     * the SP's metadata) its AuthnRequests and LogoutRequests are signed with. Effective with the next request.
     */
    public void registerServiceProvider(ServiceProvider sp, String signingCertificate) {
        config.registerServiceProvider(sp, signingCertificate);
    }

    private static ManagedProcess startPhp(List<String> command, Map<String, String> env, Path docroot, Path workDir) {
        try {
            return ManagedProcess.start("simplesamlphp", command, env, docroot, workDir);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("could not run " + command.get(0) + ": install Debian's php-cli (with "
                    + "simplesamlphp, php-xml and php-mbstring; .ci/run does) or set -Dphp.binary", e);
        }
    }

    /** Without php-xml, SimpleSAMLphp answers every page with an HTTP 200 error page, not metadata. */
    private static void requireIdpMetadata(URI url, ManagedProcess process) {
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (!body.contains("IDPSSODescriptor")) {
                throw new IllegalStateException("SimpleSAMLphp serves no IdP metadata at " + url + " (are php-xml and "
                        + "php-mbstring installed?); it answered:" + System.lineSeparator()
                        + body.substring(0, Math.min(2000, body.length())) + System.lineSeparator()
                        + "--- " + process.logFile() + " ---" + System.lineSeparator() + process.logTail(30));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
