package com.frontline.sso.saml.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.frontline.sso.config.InvalidSettingsException;
import com.frontline.sso.config.Workspace;
import com.frontline.sso.testsupport.saml.IdpMetadataForge;
import com.frontline.sso.testsupport.saml.TestIdp;
import com.sun.net.httpserver.HttpServer;
import com.frontline.sso.saml.InProcessAcs;
import com.frontline.sso.saml.TestSettings;

/**
 * IdP metadata from a URL, a file or the three manual settings: loading, refresh (key rollover reaches the
 * SAML client), keeping the last good copy, the refresh schedule, signed metadata, and the startup failures
 * that name the setting. {@link TestIdp#rogue()} plays the IdP's next signing key, and also the federation's
 * metadata signing key.
 */
class IdpMetadataTest {

    private static final String METADATA_SETTING = "sso.idp.metadata (SSO_IDP_METADATA)";
    private static final String SIGNING_CERT_SETTING = "sso.idp.metadata-signing-cert (SSO_IDP_METADATA_SIGNING_CERT)";

    @TempDir
    Path dataDir;

    private MetadataServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = MetadataServer.start();
        server.serve(200, IdpMetadataForge.withSigningKeys(TestIdp.trusted()).bytes());
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void loadsMetadataFromTheUrl() {
        IdpMetadata metadata = IdpMetadata.load(workspace(Map.of("sso.idp.metadata-refresh", "15m")));
        assertEquals(TestIdp.ENTITY_ID, metadata.entityId());
        assertTrue(metadata.refreshable());
        assertEquals(Duration.ofMinutes(15), metadata.nextRefreshDelay());
    }

    @Test
    void keyRolloverReachesTheClientAtTheNextRefresh() {
        InProcessAcs acs = acsFromServer(Map.of());
        TestIdp current = TestIdp.trusted();
        TestIdp next = TestIdp.rogue();
        assertEquals("invalid_signature", post(acs, next), "the next key is not trusted before it is published");

        server.serve(200, IdpMetadataForge.withSigningKeys(current, next).bytes());
        assertTrue(acs.metadata().refresh());
        assertEquals("accepted", post(acs, next), "the new key, once published");
        assertEquals("accepted", post(acs, current), "the old key, while both are published");

        server.serve(200, IdpMetadataForge.withSigningKeys(next).bytes());
        assertTrue(acs.metadata().refresh());
        assertEquals("invalid_signature", post(acs, current), "the retired key");
        assertEquals("accepted", post(acs, next));
    }

    @Test
    void anUnreadableSigningCertificateLeavesTheOtherKeysTrusted() throws Exception {
        String xml = IdpMetadataForge.withSigningKeys(TestIdp.rogue(), TestIdp.trusted()).xml();
        // the first KeyDescriptor's certificate (the rogue key's) becomes base64 of something that is no certificate
        String broken = xml.replaceFirst("(<ds:X509Certificate>)[^<]+(</ds:X509Certificate>)", "$1bm90IGEgY2VydGlmaWNhdGU=$2");
        assertNotEquals(xml, broken);
        server.serve(200, broken.getBytes(StandardCharsets.UTF_8));

        InProcessAcs acs = acsFromServer(Map.of());
        assertEquals("accepted", post(acs, TestIdp.trusted()), "the readable key still verifies");
        assertEquals("invalid_signature", post(acs, TestIdp.rogue()), "the unreadable one trusts nothing");
    }

    static Stream<Arguments> badCopies() {
        String good = IdpMetadataForge.withSigningKeys(TestIdp.rogue()).xml();
        return Stream.of(
                Arguments.of("HTTP 500", 500, "<html><body>Internal Server Error</body></html>"),
                Arguments.of("garbage", 200, "<md:EntityDescriptor this is not XML"),
                Arguments.of("a DOCTYPE", 200, "<!DOCTYPE md:EntityDescriptor [<!ENTITY x \"y\">]>"
                        + good.substring(good.indexOf("<md:EntityDescriptor"))),
                Arguments.of("another entity ID", 200, IdpMetadataForge.withSigningKeys(TestIdp.rogue())
                        .entityId("https://other-idp.example.com/saml").xml()),
                Arguments.of("an expired validUntil", 200, IdpMetadataForge.withSigningKeys(TestIdp.rogue())
                        .validUntil(Instant.now().minus(Duration.ofHours(1))).xml()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCopies")
    void aBadRefreshKeepsTheLastGoodCopy(String what, int status, String body) throws IOException {
        InProcessAcs acs = acsFromServer(Map.of());
        IdpMetadata metadata = acs.metadata();
        byte[] before = metadata.resource().getInputStream().readAllBytes();
        long version = metadata.resource().lastModified();

        server.serve(status, body.getBytes(StandardCharsets.UTF_8));
        assertFalse(metadata.refresh(), what);
        assertEquals(TestIdp.ENTITY_ID, metadata.entityId());
        assertArrayEquals(before, metadata.resource().getInputStream().readAllBytes());
        assertEquals(version, metadata.resource().lastModified(), "pac4j must not re-read anything");
        assertEquals("accepted", post(acs, TestIdp.trusted()), "the key of the last good copy is still trusted");
    }

    @Test
    void cacheDurationAndValidUntilShortenTheRefreshDelay() {
        IdpMetadata metadata = IdpMetadata.load(workspace(Map.of()));
        assertEquals(Duration.ofHours(1), metadata.nextRefreshDelay(), "the configured interval");

        refreshWith(metadata, IdpMetadataForge.withSigningKeys(TestIdp.trusted()).cacheDuration(Duration.ofMinutes(5)));
        assertEquals(Duration.ofMinutes(5), metadata.nextRefreshDelay(), "cacheDuration");

        refreshWith(metadata, IdpMetadataForge.withSigningKeys(TestIdp.trusted()).validUntil(Instant.now().plus(Duration.ofMinutes(20))));
        Duration halfway = metadata.nextRefreshDelay();
        assertTrue(halfway.compareTo(Duration.ofMinutes(9)) > 0 && halfway.compareTo(Duration.ofMinutes(10)) <= 0,
                "half the time left before validUntil, was " + halfway);

        refreshWith(metadata, IdpMetadataForge.withSigningKeys(TestIdp.trusted()).cacheDuration(Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(30), metadata.nextRefreshDelay(), "never more often than every 30 s");
    }

    private void refreshWith(IdpMetadata metadata, IdpMetadataForge document) {
        server.serve(200, document.bytes());
        assertTrue(metadata.refresh());
    }

    /** Metadata the federation did not sign, or not with its key, or changed after signing. */
    static Stream<Arguments> wronglySignedMetadata() {
        String signed = federationSigned().xml();
        return Stream.of(
                Arguments.of("unsigned", IdpMetadataForge.withSigningKeys(TestIdp.trusted()).xml()),
                Arguments.of("signed with the IdP's key instead", IdpMetadataForge.withSigningKeys(TestIdp.trusted())
                        .signedBy(TestIdp.trusted()).xml()),
                Arguments.of("altered after signing", signed.replace(IdpMetadataForge.SSO_URL, "https://evil.example.com/sso")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wronglySignedMetadata")
    void metadataNotSignedByTheConfiguredKeyIsRefusedAtStartup(String what, String document) {
        server.serve(200, document.getBytes(StandardCharsets.UTF_8));
        InvalidSettingsException refused = assertThrows(InvalidSettingsException.class,
                () -> IdpMetadata.load(workspace(federationSettings())), what);
        assertTrue(refused.getMessage().contains(METADATA_SETTING), refused.getMessage());
        assertTrue(refused.getMessage().contains("metadata signing certificate"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Its signature must verify with " + SIGNING_CERT_SETTING), refused.getMessage());
    }

    @Test
    void aMetadataSigningCertThatIsNoCertificateStopsStartupNamingIt() {
        InvalidSettingsException refused = assertThrows(InvalidSettingsException.class,
                () -> IdpMetadata.load(workspace(Map.of("sso.idp.metadata-signing-cert", "MIIBogus"))));
        assertTrue(refused.getMessage().contains(SIGNING_CERT_SETTING + " it is not an X.509 certificate"), refused.getMessage());
        assertFalse(refused.getMessage().contains("point it to the IdP's SAML metadata"), "the fix is for a certificate: "
                + refused.getMessage());
    }

    @Test
    void metadataSignedByTheConfiguredKeyIsTrustedAndStaysSigned() {
        server.serve(200, federationSigned().bytes());
        InProcessAcs acs = acsFromServer(federationSettings());
        assertEquals("accepted", post(acs, TestIdp.trusted()));

        server.serve(200, IdpMetadataForge.withSigningKeys(TestIdp.trusted(), TestIdp.rogue()).bytes());
        assertFalse(acs.metadata().refresh(), "an unsigned refresh is refused like an unsigned first copy");
        assertEquals("invalid_signature", post(acs, TestIdp.rogue()), "the key the unsigned copy added is not trusted");
    }

    private static IdpMetadataForge federationSigned() {
        return IdpMetadataForge.withSigningKeys(TestIdp.trusted()).signedBy(TestIdp.rogue());
    }

    private static Map<String, String> federationSettings() {
        return Map.of("sso.idp.metadata-signing-cert", CertificateForm.PEM_TEXT.value(certificate(TestIdp.rogue()), null));
    }

    /** The ways the README lets an administrator give the IdP's certificate. */
    enum CertificateForm {
        PEM_TEXT, BASE64_DER, PEM_FILE, DER_FILE;

        String value(X509Certificate certificate, Path dir) {
            byte[] der = der(certificate);
            String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
            return switch (this) {
                case PEM_TEXT -> pem;
                case BASE64_DER -> Base64.getEncoder().encodeToString(der);
                case PEM_FILE -> write(dir.resolve("idp.pem"), pem.getBytes(StandardCharsets.US_ASCII));
                case DER_FILE -> write(dir.resolve("idp.cer"), der);
            };
        }

        private static String write(Path file, byte[] content) {
            try {
                return Files.write(file, content).toString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CertificateForm.class)
    void manualConfigurationTrustsTheGivenCertificate(CertificateForm form) {
        Map<String, String> manual = new HashMap<>();
        manual.put("sso.idp.metadata", ""); // TestSettings sets the test IdP's metadata file; blank means not set
        manual.put("sso.idp.entity-id", TestIdp.ENTITY_ID);
        manual.put("sso.idp.sso-url", IdpMetadataForge.SSO_URL);
        manual.put("sso.idp.certificate", form.value(certificate(TestIdp.trusted()), dataDir));
        InProcessAcs acs = InProcessAcs.withTestIdp(dataDir, manual);
        assertEquals(TestIdp.ENTITY_ID, acs.metadata().entityId());
        assertFalse(acs.metadata().refreshable());
        assertEquals("accepted", post(acs, TestIdp.trusted()));
        assertEquals("invalid_signature", post(acs, TestIdp.rogue()), "only the configured certificate is trusted");
    }

    @Test
    void unusableMetadataStopsStartupNamingTheSetting() throws IOException {
        assertStartupFails(dataDir.resolve("missing-metadata.xml").toString(), "a missing file");
        assertStartupFails(Files.createDirectory(dataDir.resolve("a-directory")).toString(), "an unreadable file");
        assertStartupFails(spMetadataFile().toString(), "the SP's own metadata");
        server.serve(200, "<!doctype html><html><body>Sign in</body></html>".getBytes(StandardCharsets.UTF_8));
        assertStartupFails(server.url(), "a login page at the metadata URL");
        server.serve(404, "Not Found".getBytes(StandardCharsets.UTF_8));
        assertStartupFails(server.url(), "HTTP 404");
    }

    private void assertStartupFails(String location, String what) {
        InvalidSettingsException refused = assertThrows(InvalidSettingsException.class,
                () -> IdpMetadata.load(workspace(Map.of("sso.idp.metadata", location))), what);
        assertTrue(refused.getMessage().contains(METADATA_SETTING + " (" + location + ")"), refused.getMessage());
    }

    /** SP metadata, a classic wrong value for the IdP's: the document this SP generated for its own entity. */
    private Path spMetadataFile() {
        InProcessAcs.withTestIdp(dataDir.resolve("sp"), Map.of());
        return dataDir.resolve("sp").resolve("sp-metadata-" + Workspace.DEFAULT_ID + ".xml");
    }

    private Workspace workspace(Map<String, String> extra) {
        return TestSettings.with(dataDir, withServer(extra)).primary();
    }

    private InProcessAcs acsFromServer(Map<String, String> extra) {
        return InProcessAcs.withTestIdp(dataDir, withServer(extra));
    }

    private Map<String, String> withServer(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("sso.idp.metadata", server.url()));
        settings.putAll(extra);
        return settings;
    }

    private static String post(InProcessAcs acs, TestIdp signer) {
        return acs.post(TestIdp.trusted().response(acs.settings().primary().spEntityId(), acs.settings().primary().acsUrl())
                .inResponseTo(acs.issueRequest("/")).signedBy(signer).sign().base64()).code();
    }

    private static X509Certificate certificate(TestIdp idp) {
        return idp.credential().getEntityCertificate();
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves whatever the test says the IdP's metadata URL answers now, on 127.0.0.1. */
    private static final class MetadataServer {

        private final HttpServer http;
        private volatile int status;
        private volatile byte[] body = new byte[0];

        private MetadataServer(HttpServer http) {
            this.http = http;
        }

        static MetadataServer start() throws IOException {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            MetadataServer server = new MetadataServer(http);
            http.createContext("/metadata", exchange -> {
                byte[] answer = server.body;
                exchange.getResponseHeaders().set("Content-Type", "application/samlmetadata+xml");
                exchange.sendResponseHeaders(server.status, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            http.start();
            return server;
        }

        void serve(int newStatus, byte[] newBody) {
            this.body = newBody;
            this.status = newStatus;
        }

        String url() {
            return "http://127.0.0.1:" + http.getAddress().getPort() + "/metadata";
        }

        void stop() {
            http.stop(0);
        }
    }
}
