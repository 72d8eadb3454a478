package com.frontline.sso.saml;

import org.pac4j.core.context.WebContext;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.saml.context.SAML2MessageContext;
import org.pac4j.saml.credentials.extractor.SAML2CredentialsExtractor;

/**
 * pac4j's SAML credentials extractor, except that logout messages are recognised by arriving at the
 * workspace's SLO endpoint ({@code /saml/slo}) rather than by a {@code logoutendpoint} query parameter on the ACS.
 */
final class SloCredentialsExtractor extends SAML2CredentialsExtractor {

    private final String sloPath;

    SloCredentialsExtractor(FrontlineSaml2Client client, String sloPath) {
        super(client);
        this.sloPath = sloPath;
    }

    @Override
    protected boolean isLogoutEndpointRequest(WebContext context, SAML2MessageContext samlContext) {
        var request = ((JEEContext) context).getNativeRequest();
        return request.getRequestURI().substring(request.getContextPath().length()).equals(sloPath);
    }
}
