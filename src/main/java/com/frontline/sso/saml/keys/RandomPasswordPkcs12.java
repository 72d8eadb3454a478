package com.frontline.sso.saml.keys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated SP keystore's bytes: PKCS12 with one PBKDF2 iteration (the JDK writes 10,000) for its integrity MAC,
 * its key and its certificate. Iterations only slow down the guessing of a chosen password; this keystore's password
 * is 192 random bits, kept beside it in a file only its owner can read, so they protect nothing there, while reading
 * them back cost every start about 0.3 s of CPU and the C2 compilation of PBKDF2 (JFR, 2026-12-02). A keystore the
 * administrator configures is read as it is.
 *
 * <p>The JDK takes the counts of a new PKCS12 file only from the {@code keystore.pkcs12.*IterationCount} properties:
 * they are set while this one file is built and restored afterwards.
 */
final class RandomPasswordPkcs12 {

    private static final List<String> ITERATION_COUNTS = List.of("keystore.pkcs12.keyPbeIterationCount",
            "keystore.pkcs12.certPbeIterationCount", "keystore.pkcs12.macIterationCount");

    private RandomPasswordPkcs12() {
    }

    static synchronized byte[] write(String alias, PrivateKey key, Certificate certificate, char[] randomPassword)
            throws GeneralSecurityException, IOException {
        Map<String, String> previous = new HashMap<>();
        ITERATION_COUNTS.forEach(count -> previous.put(count, System.setProperty(count, "1")));
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, randomPassword, new Certificate[] {certificate});
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, randomPassword);
            return bytes.toByteArray();
        } finally {
            previous.forEach(RandomPasswordPkcs12::restore);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
