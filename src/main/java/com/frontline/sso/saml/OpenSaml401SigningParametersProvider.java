package com.frontline.sso.saml;

import java.util.List;

import org.opensaml.xmlsec.SignatureSigningConfiguration;
import org.opensaml.xmlsec.config.impl.DefaultSecurityConfigurationBootstrap;
import org.opensaml.xmlsec.impl.BasicSignatureSigningConfiguration;
import org.pac4j.saml.config.SAML2Configuration;
import org.pac4j.saml.crypto.DefaultSignatureSigningParametersProvider;

/**
 * Bridge between pac4j-saml 5.7.7 and OpenSAML 4.0.1, the newest OpenSAML on Maven Central.
 * <p>
 * pac4j-saml 5.7.7 was compiled against OpenSAML 4.1, which renamed
 * {@code setBlacklistedAlgorithms} to {@code setExcludedAlgorithms}; its
 * {@link DefaultSignatureSigningParametersProvider} therefore throws {@link NoSuchMethodError} on 4.0.1 the
 * first time it signs (the AuthnRequest). This subclass builds the same configuration with the 4.0.1 names.
 * (The two other calls of the new name, in SAML2Configuration and the metadata generator, are skipped
 * because {@code SamlClientFactory} presets the excluded algorithms.) Delete this class when a pac4j built
 * for OpenSAML 4.0 or an OpenSAML 4.1+ on Maven Central is available.
 */
public final class OpenSaml401SigningParametersProvider extends DefaultSignatureSigningParametersProvider {

    private final SAML2Configuration configuration;

    /** @param configuration initialised; its credential provider reads the SP key once (FrontlineSaml2Configuration) */
    public OpenSaml401SigningParametersProvider(SAML2Configuration configuration) {
        super(configuration);
        this.configuration = configuration;
    }

    @Override
    protected SignatureSigningConfiguration getSignatureSigningConfiguration() {
        BasicSignatureSigningConfiguration config = DefaultSecurityConfigurationBootstrap.buildDefaultSignatureSigningConfiguration();
        if (configuration.getBlackListedSignatureSigningAlgorithms() != null) {
            config.setBlacklistedAlgorithms(configuration.getBlackListedSignatureSigningAlgorithms());
        }
        if (configuration.getSignatureAlgorithms() != null) {
            config.setSignatureAlgorithms(configuration.getSignatureAlgorithms());
        }
        if (configuration.getSignatureCanonicalizationAlgorithm() != null) {
            config.setSignatureCanonicalizationAlgorithm(configuration.getSignatureCanonicalizationAlgorithm());
        }
        if (configuration.getSignatureReferenceDigestMethods() != null) {
            config.setSignatureReferenceDigestMethods(configuration.getSignatureReferenceDigestMethods());
        }
        config.setSigningCredentials(List.of(configuration.getCredentialProvider().getCredential()));
        return config;
    }
}
