package com.frontline.sso.saml.keys;

import java.util.List;
import java.util.Optional;

import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.saml.saml2.encryption.EncryptedElementTypeEncryptedKeyResolver;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.ChainingEncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.SimpleRetrievalMethodEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;

import com.frontline.sso.config.SettingsLoader;
import com.frontline.sso.config.SsoSettings;

/**
 * The key that decrypts encrypted assertions, present only when sso.encryption.keystore.* is configured.
 * Without it nothing is ever decrypted (OpenSAML before 4.2 mishandles crafted encrypted XML).
 */
public final class EncryptionKey {

    private final BasicX509Credential credential;

    private EncryptionKey(BasicX509Credential credential) {
        this.credential = credential;
    }

    public static Optional<EncryptionKey> from(SsoSettings settings) {
        return settings.encryptionKeystore()
                .map(keystore -> new EncryptionKey(KeystoreCredential.load(keystore.path(), keystore.password(), keystore.alias(),
                        SettingsLoader.ENCRYPTION_KEYSTORE_PATH)));
    }

    public BasicX509Credential credential() {
        return credential;
    }

    public Decrypter decrypter() {
        Decrypter decrypter = new Decrypter(null, new StaticKeyInfoCredentialResolver(credential),
                new ChainingEncryptedKeyResolver(List.of(new InlineEncryptedKeyResolver(),
                        new EncryptedElementTypeEncryptedKeyResolver(), new SimpleRetrievalMethodEncryptedKeyResolver())));
        decrypter.setRootInNewDocument(true);
        return decrypter;
    }
}
