package com.frontline.sso.saml;

import org.pac4j.saml.config.SAML2Configuration;
import org.pac4j.saml.crypto.CredentialProvider;
import org.pac4j.saml.metadata.BaseSAML2MetadataGenerator;

/**
 * pac4j's SAML configuration, except that the SP metadata names the SLO endpoint as configured
 * ({@code /saml/slo}); pac4j would append {@code ?logoutendpoint=true}, which this SP does not use; and that the
 * SP keystore is read once.
 */
final class FrontlineSaml2Configuration extends SAML2Configuration {

    private CredentialProvider credentialProvider;

    /**
     * pac4j builds a new provider, which loads the PKCS12 keystore (two password-based key derivations), on every
     * call: the client's start called it several times (decrypter, SP metadata, signing), a login redirect or a
     * logout request once each.
     */
    @Override
    public synchronized CredentialProvider getCredentialProvider() {
        if (credentialProvider == null) {
            credentialProvider = new LoadedCredentialProvider(super.getCredentialProvider());
        }
        return credentialProvider;
    }

    @Override
    protected void determineSingleSignOutServiceUrl(BaseSAML2MetadataGenerator generator) {
        generator.setSingleLogoutServiceUrl(getSingleSignOutServiceUrl());
    }
}
