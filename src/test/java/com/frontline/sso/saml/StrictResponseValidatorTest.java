package com.frontline.sso.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import com.frontline.sso.testsupport.saml.ResponseForge;
import com.frontline.sso.testsupport.saml.TestIdp;

/** Validation rules and their explicit loosenings, through the real client without a server. */
class StrictResponseValidatorTest {

    @TempDir
    Path dataDir;

    private InProcessAcs acs(Map<String, String> settings) {
        return InProcessAcs.withTestIdp(dataDir, settings);
    }

    private static ResponseForge response(InProcessAcs acs) {
        return TestIdp.trusted().response(acs.settings().primary().spEntityId(), acs.settings().primary().acsUrl())
                .inResponseTo(acs.issueRequest("/"));
    }

    @Test
    void acceptsResponseSignedOnlyAssertionSignedOnlyAndBoth() {
        InProcessAcs acs = acs(Map.of());
        assertEquals("accepted", acs.post(response(acs).signAssertion(false).sign().base64()).code(), "Google style");
        assertEquals("accepted", acs.post(response(acs).signResponse(false).sign().base64()).code(), "Entra style");
        assertEquals("accepted", acs.post(response(acs).sign().base64()).code(), "Okta/Keycloak style");
    }

    @Test
    void acceptedResponseBecomesTheAgent() {
        InProcessAcs acs = acs(Map.of());
        var agent = acs.post(response(acs).sign().base64()).profile().orElseThrow().agent();
        assertEquals("alice@example.com", agent.email());
        assertEquals(java.util.List.of("agent"), agent.roles());
        assertEquals(TestIdp.ENTITY_ID, agent.idp());
    }

    @Test
    void requireSignedAssertionsRefusesResponseOnlySignatures() {
        InProcessAcs acs = acs(Map.of("sso.require-signed-assertions", "true"));
        assertEquals("missing_signature", acs.post(response(acs).signAssertion(false).sign().base64()).code());
        assertEquals("accepted", acs.post(response(acs).signResponse(false).sign().base64()).code());
    }

    @Test
    void sha1IsRefusedUnlessExplicitlyAllowed() {
        InProcessAcs strict = acs(Map.of());
        assertEquals("weak_algorithm", strict.post(sha1(response(strict)).sign().base64()).code());
        InProcessAcs legacy = InProcessAcs.withTestIdp(dataDir.resolve("legacy"), Map.of("sso.allow-sha1", "true"));
        assertEquals("accepted", legacy.post(sha1(response(legacy)).sign().base64()).code());
    }

    private static ResponseForge sha1(ResponseForge forge) {
        return forge.algorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, SignatureConstants.ALGO_ID_DIGEST_SHA1);
    }

    @Test
    void unsolicitedResponsesOnlyWhenIdpInitiatedLoginIsEnabled() {
        InProcessAcs strict = acs(Map.of());
        ResponseForge unsolicited = TestIdp.trusted().response(strict.settings().primary().spEntityId(), strict.settings().primary().acsUrl());
        assertEquals("unsolicited_response", strict.post(unsolicited.sign().base64()).code());
        InProcessAcs open = InProcessAcs.withTestIdp(dataDir.resolve("open"), Map.of("sso.idp-initiated.enabled", "true"));
        assertEquals("accepted", open.post(TestIdp.trusted().response(open.settings().primary().spEntityId(), open.settings().primary().acsUrl())
                .sign().base64()).code());
    }

    @Test
    void aRequestIsAnsweredOnlyOnce() {
        InProcessAcs acs = acs(Map.of());
        String requestId = acs.issueRequest("/");
        ResponseForge forge = TestIdp.trusted().response(acs.settings().primary().spEntityId(), acs.settings().primary().acsUrl()).inResponseTo(requestId);
        assertEquals("accepted", acs.post(forge.sign().base64()).code());
        ResponseForge second = TestIdp.trusted().response(acs.settings().primary().spEntityId(), acs.settings().primary().acsUrl()).inResponseTo(requestId);
        assertEquals("invalid_in_response_to", acs.post(second.sign().base64()).code());
    }

    @Test
    void aForgedResponseCannotUseUpTheRequestOrTheAssertionId() {
        InProcessAcs acs = acs(Map.of());
        String requestId = acs.issueRequest("/");
        ResponseForge forged = TestIdp.trusted().response(acs.settings().primary().spEntityId(), acs.settings().primary().acsUrl())
                .inResponseTo(requestId).signResponse(false).signedBy(TestIdp.rogue());
        assertEquals("invalid_signature", acs.post(forged.sign().base64()).code());
        ResponseForge genuine = TestIdp.trusted().response(acs.settings().primary().spEntityId(), acs.settings().primary().acsUrl())
                .inResponseTo(requestId).signResponse(false).assertionId(forged.assertionId());
        assertEquals("accepted", acs.post(genuine.sign().base64()).code(),
                "the forged attempt consumed neither the AuthnRequest nor the assertion ID");
        assertEquals("replayed_assertion", acs.post(genuine.sign().base64()).code());
    }

    @Test
    void encryptedAssertionsAreRefusedWhenNoDecryptionKeyIsConfigured() {
        InProcessAcs acs = acs(Map.of());
        assertEquals("encryption_not_configured", acs.post(response(acs).encryptFor(encryptionCertificate()).sign().base64()).code());
    }

    @Test
    void encryptedAssertionsAreDecryptedWithTheConfiguredKey() {
        InProcessAcs acs = acs(encryptionSettings());
        var outcome = acs.post(response(acs).encryptFor(encryptionCertificate()).sign().base64());
        assertEquals("accepted", outcome.code());
        assertEquals("alice@example.com", outcome.profile().orElseThrow().agent().email());
    }

    @Test
    void assertionEncryptedForAnotherKeyIsADecryptionFailure() {
        InProcessAcs acs = acs(encryptionSettings());
        X509Certificate other = TestIdp.rogue().credential().getEntityCertificate();
        assertEquals("decryption_failed", acs.post(response(acs).encryptFor(other).sign().base64()).code());
    }

    private static Map<String, String> encryptionSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("sso.encryption.keystore.path", Path.of("src/test/resources/test-idp/sp-encryption.p12").toAbsolutePath().toString());
        settings.put("sso.encryption.keystore.password", "test-password");
        return settings;
    }

    private static X509Certificate encryptionCertificate() {
        try (InputStream in = StrictResponseValidatorTest.class.getResourceAsStream("/test-idp/sp-encryption.p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, "test-password".toCharArray());
            return (X509Certificate) store.getCertificate("sp-encryption");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
