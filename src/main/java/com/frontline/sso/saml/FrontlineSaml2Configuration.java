package com.frontline.sso.saml;

import org.opensaml.security.x509.BasicX509Credential;
import org.pac4j.saml.config.SAML2Configuration;
import org.pac4j.saml.crypto.CredentialProvider;
import org.pac4j.saml.metadata.BaseSAML2MetadataGenerator;
import com.frontline.sso.saml.keys.LoadedCredentialProvider;

/**
 * pac4j's SAML configuration, except that the SP metadata names the SLO endpoint as configured
 * ({@code /saml/slo}); pac4j would append {@code ?logoutendpoint=true}, which this SP does not use; and that the
 * SP key is the one read from its keystore at startup ({@link SpKey}).
 */
final class FrontlineSaml2Configuration extends SAML2Configuration {

    private final CredentialProvider credentialProvider;

    FrontlineSaml2Configuration(BasicX509Credential spKey) {
        this.credentialProvider = new LoadedCredentialProvider(spKey);
    }

    /**
     * pac4j builds a new provider, which loads the PKCS12 keystore (three password-based key derivations), on every
     * call: the client's start called it several times (decrypter, SP metadata, signing), a login redirect or a
     * logout request once each.
     */
    @Override
    public CredentialProvider getCredentialProvider() {
        return credentialProvider;
    }

    @Override
    protected void determineSingleSignOutServiceUrl(BaseSAML2MetadataGenerator generator) {
        generator.setSingleLogoutServiceUrl(getSingleSignOutServiceUrl());
    }
}
