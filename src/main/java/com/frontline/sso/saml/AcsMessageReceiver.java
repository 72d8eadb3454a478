package com.frontline.sso.saml;

import java.util.Optional;

import org.opensaml.saml.saml2.core.StatusResponseType;
import org.pac4j.core.context.WebContext;
import org.opensaml.saml.saml2.metadata.Endpoint;
import org.pac4j.saml.config.SAML2Configuration;
import org.pac4j.saml.context.SAML2MessageContext;
import org.pac4j.saml.exceptions.SAMLException;
import org.pac4j.saml.profile.api.SAML2ResponseValidator;
import org.pac4j.saml.sso.impl.SAML2WebSSOMessageReceiver;
import org.pac4j.saml.transport.AbstractPac4jDecoder;
import org.pac4j.saml.util.Configuration;

import com.frontline.sso.error.SsoError;
import com.frontline.sso.error.SsoRejection;

/**
 * pac4j's HTTP-POST receiver, except that a Destination naming another endpoint is refused as
 * {@code invalid_destination} (pac4j looks the endpoint up before validation and fails generically), and that
 * the message the ACS guard decoded is not decoded again.
 */
final class AcsMessageReceiver extends SAML2WebSSOMessageReceiver {

    private final String acsUrl;

    AcsMessageReceiver(SAML2ResponseValidator validator, SAML2Configuration configuration, String acsUrl) {
        super(validator, configuration);
        this.acsUrl = acsUrl;
    }

    @Override
    protected AbstractPac4jDecoder getDecoder(WebContext context) {
        PreDecodedPostDecoder decoder = new PreDecodedPostDecoder(context);
        try {
            decoder.setParserPool(Configuration.getParserPool());
            decoder.initialize();
            decoder.decode();
        } catch (Exception e) {
            throw new SAMLException("Error decoding SAML message", e);
        }
        return decoder;
    }

    @Override
    protected Optional<Endpoint> getEndpoint(SAML2MessageContext context, StatusResponseType response) {
        try {
            return super.getEndpoint(context, response);
        } catch (SAMLException e) {
            throw new SsoRejection(SsoError.INVALID_DESTINATION,
                    "Destination " + response.getDestination() + " is not this SP's ACS " + acsUrl);
        }
    }
}
