package com.frontline.sso.saml.keys;

import org.opensaml.security.x509.BasicX509Credential;

import com.frontline.sso.config.SettingsLoader;
import com.frontline.sso.config.SsoSettings;

/**
 * The SP's signing key of every workspace: its keystore (for pac4j's settings) and the key and certificate, read
 * from it once. Reading a PKCS12 keystore costs three password-based key derivations (10,000 HMAC-SHA256 rounds
 * each, slow in a JVM that has just started); it needs no OpenSAML, so it overlaps OpenSAML's initialisation.
 */
public record SpKey(SpKeystore keystore, BasicX509Credential credential) {

    /** The administrator's keystore (checked: readable, with a private key), or the generated one in the data directory. */
    public static SpKey resolve(SsoSettings settings) {
        SpKeystore keystore = SpKeystore.resolve(settings);
        BasicX509Credential credential = KeystoreCredential.load(keystore.path(), keystore.password(), keystore.alias(),
                settings.keystore().isPresent() ? SettingsLoader.KEYSTORE_PATH : SettingsLoader.DATA_DIR);
        return new SpKey(keystore, credential);
    }
}
