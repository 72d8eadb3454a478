package com.frontline.sso.saml.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpKeystoreTest {

    @TempDir
    Path temp;

    @Test
    void generatedKeyIsOwnerOnlyAndReusedAfterRestart() throws Exception {
        Path dataDir = temp.resolve("data");
        SpKeystore first = SpKeystore.generatedIn(dataDir, "https://agents.example.com/saml/metadata");
        byte[] keystore = Files.readAllBytes(first.path());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.path())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("sp-signing.p12.password"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));

        SpKeystore second = SpKeystore.generatedIn(dataDir, "https://agents.example.com/saml/metadata");
        assertEquals(first.password(), second.password());
        assertTrue(java.util.Arrays.equals(keystore, Files.readAllBytes(second.path())), "the key is not regenerated");
        try (var files = Files.list(dataDir)) {
            assertTrue(files.noneMatch(file -> file.toString().endsWith(".pem")), "no plain PEM key is written");
        }
    }

    @Test
    void generatingTheKeyLeavesTheJvmsPkcs12SettingsAsTheyWere() {
        System.setProperty("keystore.pkcs12.macIterationCount", "20000");
        try {
            SpKeystore.generatedIn(temp.resolve("data"), "https://agents.example.com/saml/metadata");
            assertEquals("20000", System.getProperty("keystore.pkcs12.macIterationCount"));
            assertNull(System.getProperty("keystore.pkcs12.keyPbeIterationCount"));
            assertNull(System.getProperty("keystore.pkcs12.certPbeIterationCount"));
        } finally {
            System.clearProperty("keystore.pkcs12.macIterationCount");
        }
    }

    @Test
    void generatedCertificateIsSelfSignedForTheEntityHostAndValidTenYears() throws Exception {
        SpKeystore generated = SpKeystore.generatedIn(temp.resolve("data"), "https://agents.example.com/saml/metadata");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(generated.path())) {
            store.load(in, generated.password().toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate("frontline-sp");
        PrivateKey key = (PrivateKey) store.getKey("frontline-sp", generated.password().toCharArray());

        certificate.verify(certificate.getPublicKey()); // self-signed
        assertEquals(3, certificate.getVersion());
        assertEquals("SHA256withRSA", certificate.getSigAlgName());
        assertEquals("O=frontline-sso,CN=agents.example.com", certificate.getSubjectX500Principal().getName());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals(1, certificate.getSerialNumber().signum());
        certificate.checkValidity();
        long days = Duration.between(Instant.now(), certificate.getNotAfter().toInstant()).toDays();
        assertTrue(days >= 3649 && days <= 3650, "valid for ten years: " + days + " days left");
        assertTrue(certificate.getNotBefore().toInstant().isBefore(Instant.now().minus(Duration.ofHours(23))),
                "valid from a day ago, for IdPs whose clock runs behind");

        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(new byte[] {1, 2, 3});
        byte[] signed = signature.sign();
        signature.initVerify(certificate);
        signature.update(new byte[] {1, 2, 3});
        assertTrue(signature.verify(signed), "the certificate holds the key's public half");
    }

    @Test
    void certificateValidBeyond2049UsesGeneralizedTime() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        X509Certificate certificate = SelfSignedCertificate.create(generator.generateKeyPair(), "http://localhost:8080/",
                Duration.ofDays(365 * 40));
        certificate.verify(certificate.getPublicKey());
        assertTrue(certificate.getNotAfter().toInstant().isAfter(Instant.parse("2060-01-01T00:00:00Z")));
        assertEquals("O=frontline-sso,CN=localhost", certificate.getSubjectX500Principal().getName());
    }
}
