package com.frontline.sso.testsupport.saml;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import org.opensaml.security.x509.BasicX509Credential;

/**
 * The test identity provider: a key pair whose certificate is in src/test/resources/test-idp/metadata.xml.
 * {@link #rogue()} is a second key the SP does not trust, for forgery tests.
 */
public final class TestIdp {

    public static final String ENTITY_ID = "https://idp.test.frontline.invalid/saml";
    private static final String PASSWORD = "test-password";

    private final BasicX509Credential credential;
    private final String entityId;

    private TestIdp(BasicX509Credential credential, String entityId) {
        this.credential = credential;
        this.entityId = entityId;
    }

    /** Loaded once: reading a PKCS12 file (PBKDF2) costs more than forging a response. */
    private static final class Keys {
        static final TestIdp TRUSTED = new TestIdp(load("idp"), ENTITY_ID);
        static final TestIdp ROGUE = new TestIdp(load("other"), ENTITY_ID);
    }

    public static TestIdp trusted() {
        return Keys.TRUSTED;
    }

    public static TestIdp rogue() {
        return Keys.ROGUE;
    }

    public BasicX509Credential credential() {
        return credential;
    }

    public String entityId() {
        return entityId;
    }

    /** A response about {@code email} to the given SP, ready to adjust and sign. */
    public ResponseForge response(String spEntityId, String acsUrl) {
        Saml.init();
        return new ResponseForge(this, spEntityId, acsUrl);
    }

    private static BasicX509Credential load(String alias) {
        try (InputStream in = TestIdp.class.getResourceAsStream("/test-idp/" + alias + ".p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
            PrivateKey key = (PrivateKey) store.getKey(alias, PASSWORD.toCharArray());
            return new BasicX509Credential(certificate, key);
        } catch (Exception e) {
            throw new IllegalStateException("test IdP key " + alias + " not loadable", e);
        }
    }
}
