package com.frontline.sso.saml.keys;

import org.opensaml.security.SecurityException;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.credential.CredentialResolver;
import org.opensaml.security.credential.impl.StaticCredentialResolver;
import org.opensaml.xmlsec.config.impl.DefaultSecurityConfigurationBootstrap;
import org.opensaml.xmlsec.keyinfo.KeyInfoCredentialResolver;
import org.opensaml.xmlsec.keyinfo.KeyInfoGenerator;
import org.opensaml.xmlsec.keyinfo.KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.pac4j.saml.crypto.CredentialProvider;
import org.pac4j.saml.exceptions.SAMLException;

/**
 * The SP credential read from its keystore once at startup ({@link SpKey}), as pac4j's credential provider.
 * pac4j's own provider loads the PKCS12 keystore when it is built and resolves the private key again on every
 * {@code getCredential()}, {@code getKeyInfo()} and {@code getKeyInfoGenerator()}: a password-based key
 * derivation (10,000 HMAC-SHA256 rounds) each, nine per start. KeyInfos come from pac4j's KeyInfo generator
 * set-up, one per call: XML objects cannot be shared.
 */
public final class LoadedCredentialProvider implements CredentialProvider {

    private final Credential credential;
    private final CredentialResolver resolver;
    private final KeyInfoGeneratorFactory keyInfoFactory;

    public LoadedCredentialProvider(Credential credential) {
        this.credential = credential;
        this.resolver = new StaticCredentialResolver(credential);
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
        return resolver;
    }

    @Override
    public KeyInfoCredentialResolver getKeyInfoCredentialResolver() {
        return DefaultSecurityConfigurationBootstrap.buildBasicInlineKeyInfoCredentialResolver();
    }

    @Override
    public KeyInfoGenerator getKeyInfoGenerator() {
        return keyInfoFactory.newInstance();
    }
}
