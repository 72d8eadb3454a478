package com.frontline.sso.saml;

import java.util.Optional;

import org.opensaml.messaging.decoder.MessageDecodingException;
import org.pac4j.core.context.WebContext;
import org.pac4j.saml.transport.Pac4jHTTPPostDecoder;

/**
 * pac4j's HTTP-POST decoder, given the message bytes that the ACS guard already base64-decoded and checked
 * (so a login decodes its 10 KB message once, not twice). Without them (a request that did not pass the guard)
 * it decodes the form parameter itself, as pac4j does.
 */
public final class PreDecodedPostDecoder extends Pac4jHTTPPostDecoder {

    /** The request attribute under which the guard leaves the decoded message. */
    public static final String DECODED_MESSAGE = PreDecodedPostDecoder.class.getName() + ".message";

    public PreDecodedPostDecoder(WebContext context) {
        super(context);
    }

    @Override
    protected byte[] getBase64DecodedMessage() throws MessageDecodingException {
        Optional<Object> decoded = context.getRequestAttribute(DECODED_MESSAGE);
        if (decoded.isPresent() && decoded.get() instanceof byte[] bytes) {
            return bytes;
        }
        return super.getBase64DecodedMessage();
    }
}
