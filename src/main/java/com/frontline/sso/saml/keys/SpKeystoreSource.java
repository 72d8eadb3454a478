package com.frontline.sso.saml.keys;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pac4j.saml.metadata.keystore.SAML2KeystoreGenerator;

/**
 * pac4j's keystore generator for the file {@link SpKeystore} resolved (and generated, on a first start) before any
 * client starts: it never generates one. pac4j asks it only whether to generate, at the client's start (the key
 * itself reaches pac4j through {@link LoadedCredentialProvider}; {@link #retrieve()} would serve pac4j's own
 * keystore provider, which is not built). Without it pac4j creates its file-system generator, whose class loads
 * BouncyCastle, whose signed jars the JVM verifies at their first use.
 */
public final class SpKeystoreSource implements SAML2KeystoreGenerator {

    private final Path keystore;

    public SpKeystoreSource(Path keystore) {
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
