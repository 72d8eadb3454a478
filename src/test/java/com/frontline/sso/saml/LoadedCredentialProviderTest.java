package com.frontline.sso.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.credential.CredentialResolver;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoCredentialResolver;
import org.opensaml.xmlsec.keyinfo.KeyInfoGenerator;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.pac4j.saml.crypto.CredentialProvider;

import com.frontline.sso.config.SettingsLoader;
import com.frontline.sso.config.SsoSettings.KeystoreSetting;

/** The SP key is taken from the keystore once: KeyInfos for the metadata and for signing come from that one credential. */
class LoadedCredentialProviderTest {

    @TempDir
    static Path dataDir;

    private static BasicX509Credential spKey;

    @BeforeAll
    static void generateKey() {
        OpenSamlBootstrap.await();
        SpKeystore keystore = SpKeystore.generatedIn(dataDir, "http://localhost:8080/");
        spKey = KeystoreCredential.load(new KeystoreSetting(keystore.path(), keystore.password(), keystore.alias()),
                SettingsLoader.KEYSTORE_PATH);
    }

    @Test
    void keyInfosCarryTheCertificateWithoutGoingBackToTheKeystore() throws Exception {
        CountingKeystore keystore = new CountingKeystore(spKey);
        LoadedCredentialProvider provider = new LoadedCredentialProvider(keystore);
        // what pac4j's metadata generator and metadata signer ask for
        KeyInfo signing = provider.getKeyInfo();
        KeyInfo encryption = provider.getKeyInfo();
        provider.getKeyInfoGenerator().generate(provider.getCredential());

        assertEquals(1, keystore.keyResolutions, "the private key is resolved (a PBKDF2 derivation) once");
        assertSame(spKey, provider.getCredential());
        assertNotSame(signing, encryption, "a KeyInfo (an XML object) per use");
        assertEquals(List.of(spKey.getEntityCertificate()), certificates(signing));
        assertEquals(List.of(spKey.getEntityCertificate()), certificates(encryption));
    }

    private static List<X509Certificate> certificates(KeyInfo keyInfo) throws Exception {
        return KeyInfoSupport.getCertificates(keyInfo);
    }

    /** pac4j's keystore provider as LoadedCredentialProvider sees it: each getCredential() is a key resolution. */
    private static final class CountingKeystore implements CredentialProvider {
        private final Credential credential;
        private int keyResolutions;

        CountingKeystore(Credential credential) {
            this.credential = credential;
        }

        @Override
        public Credential getCredential() {
            keyResolutions++;
            return credential;
        }

        @Override
        public KeyInfo getKeyInfo() {
            throw new AssertionError("pac4j's getKeyInfo() resolves the private key again");
        }

        @Override
        public KeyInfoGenerator getKeyInfoGenerator() {
            throw new AssertionError("pac4j's getKeyInfoGenerator() resolves the private key again");
        }

        @Override
        public CredentialResolver getCredentialResolver() {
            throw new AssertionError("not used by pac4j's SAML client");
        }

        @Override
        public KeyInfoCredentialResolver getKeyInfoCredentialResolver() {
            throw new AssertionError("not used by pac4j's SAML client");
        }
    }
}
