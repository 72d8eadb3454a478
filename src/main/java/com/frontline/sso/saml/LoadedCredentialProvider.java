package com.frontline.sso.saml;

import org.opensaml.security.credential.Credential;
import org.opensaml.security.credential.CredentialResolver;
import org.opensaml.xmlsec.keyinfo.KeyInfoCredentialResolver;
import org.opensaml.xmlsec.keyinfo.KeyInfoGenerator;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.pac4j.saml.crypto.CredentialProvider;

/**
 * pac4j's keystore credential provider with the SP credential taken from it once. pac4j resolves the private key
 * from the PKCS12 keystore on every {@code getCredential()}, which derives the key's password-based encryption key
 * again (10,000 HMAC-SHA256 rounds). A KeyInfo is still built per call: XML objects cannot be shared.
 */
final class LoadedCredentialProvider implements CredentialProvider {

    private final CredentialProvider keystore;
    private final Credential credential;

    LoadedCredentialProvider(CredentialProvider keystore) {
        this.keystore = keystore;
        this.credential = keystore.getCredential();
    }

    @Override
    public Credential getCredential() {
        return credential;
    }

    @Override
    public KeyInfo getKeyInfo() {
        return keystore.getKeyInfo();
    }

    @Override
    public CredentialResolver getCredentialResolver() {
        return keystore.getCredentialResolver();
    }

    @Override
    public KeyInfoCredentialResolver getKeyInfoCredentialResolver() {
        return keystore.getKeyInfoCredentialResolver();
    }

    @Override
    public KeyInfoGenerator getKeyInfoGenerator() {
        return keystore.getKeyInfoGenerator();
    }
}
