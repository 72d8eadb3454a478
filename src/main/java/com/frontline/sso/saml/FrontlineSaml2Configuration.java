package com.frontline.sso.saml;

import org.pac4j.saml.config.SAML2Configuration;
import org.pac4j.saml.metadata.BaseSAML2MetadataGenerator;

/**
 * pac4j's SAML configuration, except that the SP metadata names the SLO endpoint as configured
 * ({@code /saml/slo}); pac4j would append {@code ?logoutendpoint=true}, which this SP does not use.
 */
final class FrontlineSaml2Configuration extends SAML2Configuration {

    @Override
    protected void determineSingleSignOutServiceUrl(BaseSAML2MetadataGenerator generator) {
        generator.setSingleLogoutServiceUrl(getSingleSignOutServiceUrl());
    }
}
