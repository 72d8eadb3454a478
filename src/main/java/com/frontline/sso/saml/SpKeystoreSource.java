package com.frontline.sso.saml;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pac4j.saml.metadata.keystore.SAML2KeystoreGenerator;

/**
 * Where pac4j reads the SP keystore from: the file {@link SpKeystore} resolved (and generated, on a first start)
 * before any client starts, so pac4j never generates one. pac4j's own file-system generator would do the same
 * reading, but loading its class loads BouncyCastle, whose signed jars the JVM verifies at their first use.
 */
final class SpKeystoreSource implements SAML2KeystoreGenerator {

    private final Path keystore;

    SpKeystoreSource(Path keystore) {
        this.keystore = keystore;
    }

    @Override
    public boolean shouldGenerate() {
        return false;
    }

    @Override
    public void generate() {
        throw new IllegalStateException("the SP keystore is resolved by SpKeystore before the SAML client starts: " + keystore);
    }

    @Override
    public InputStream retrieve() throws Exception {
        return Files.newInputStream(keystore);
    }
}
