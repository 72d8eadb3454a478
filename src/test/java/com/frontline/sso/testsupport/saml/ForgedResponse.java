package com.frontline.sso.testsupport.saml;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.w3c.dom.Element;

/** A signed (or deliberately broken) SAML Response, as XML text and as the SAMLResponse form value. */
public final class ForgedResponse {

    private final Element dom;
    private final String assertionId;

    ForgedResponse(Element dom, String assertionId) {
        this.dom = dom;
        this.assertionId = assertionId;
    }

    public Element dom() {
        return dom;
    }

    public String assertionId() {
        return assertionId;
    }

    public String xml() {
        return Saml.toXml(dom);
    }

    public String base64() {
        return encode(xml());
    }

    public static String encode(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }
}
