package com.frontline.sso.saml.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.opensaml.security.x509.BasicX509Credential;

import com.frontline.sso.config.InvalidSettingsException;
import com.frontline.sso.config.Setting;

/** Loads a key and certificate from a PKCS12 keystore at startup, failing with the setting's name. */
final class KeystoreCredential {

    private KeystoreCredential() {
    }

    /** @param pathSetting the setting an administrator fixes when the keystore cannot be read */
    static BasicX509Credential load(Path path, String password, Optional<String> wantedAlias, Setting pathSetting) {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            String alias = wantedAlias.orElseGet(() -> firstKeyAlias(store));
            if (alias == null || !store.isKeyEntry(alias)) {
                throw new GeneralSecurityException("no private key entry" + wantedAlias.map(a -> " named '" + a + "'").orElse(""));
            }
            PrivateKey key = (PrivateKey) store.getKey(alias, password.toCharArray());
            return new BasicX509Credential((X509Certificate) store.getCertificate(alias), key);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new InvalidSettingsException(List.of(pathSetting.label() + " '" + path
                    + "' is not a readable PKCS12 keystore with that password and a private key (" + e.getMessage()
                    + "). Fix the path, the password or the alias."));
        }
    }

    private static String firstKeyAlias(KeyStore store) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return alias;
                }
            }
            return null;
        } catch (GeneralSecurityException e) {
            return null;
        }
    }
}
