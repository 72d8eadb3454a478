package com.frontline.sso.saml;

import org.opensaml.security.SecurityException;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.credential.CredentialResolver;
import org.opensaml.xmlsec.config.impl.DefaultSecurityConfigurationBootstrap;
import org.opensaml.xmlsec.keyinfo.KeyInfoCredentialResolver;
import org.opensaml.xmlsec.keyinfo.KeyInfoGenerator;
import org.opensaml.xmlsec.keyinfo.KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.pac4j.saml.crypto.CredentialProvider;
import org.pac4j.saml.exceptions.SAMLException;

/**
 * pac4j's keystore credential provider with the SP credential taken from it once. pac4j resolves the private key
 * from the PKCS12 keystore on every {@code getCredential()}, which derives the key's password-based encryption key
 * again (10,000 HMAC-SHA256 rounds), and its {@code getKeyInfo()} and {@code getKeyInfoGenerator()} do so too (the
 * SP metadata takes four): here they use the credential taken once, with pac4j's KeyInfo generator set-up. A
 * KeyInfo is still built per call: XML objects cannot be shared.
 */
final class LoadedCredentialProvider implements CredentialProvider {

    private final CredentialProvider keystore;
    private final Credential credential;
    private final KeyInfoGeneratorFactory keyInfoFactory;

    LoadedCredentialProvider(CredentialProvider keystore) {
        this.keystore = keystore;
        this.credential = keystore.getCredential();
        this.keyInfoFactory = DefaultSecurityConfigurationBootstrap.buildBasicKeyInfoGeneratorManager()
                .getDefaultManager().getFactory(credential);
    }

    @Override
    public Credential getCredential() {
        return credential;
    }

    @Override
    public KeyInfo getKeyInfo() {
        try {
            return getKeyInfoGenerator().generate(credential);
        } catch (SecurityException e) {
            throw new SAMLException("Unable to generate keyInfo from given credential", e);
        }
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
        return keyInfoFactory.newInstance();
    }
}
