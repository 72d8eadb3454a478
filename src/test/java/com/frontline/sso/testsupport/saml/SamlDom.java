package com.frontline.sso.testsupport.saml;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Finding and changing the parts of a signed response's DOM that attacks aim at, after it was signed. */
public final class SamlDom {

    public static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String SAML_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String SAMLP_NS = "urn:oasis:names:tc:SAML:2.0:protocol";

    private SamlDom() {
    }

    public static Element assertionOf(Element response) {
        return directChild(response, SAML_NS, "Assertion");
    }

    /** The Signature that is a direct child of the Response or Assertion given. */
    public static Element signatureOf(Element signedElement) {
        return directChild(signedElement, DSIG_NS, "Signature");
    }

    public static void removeSignature(Element signedElement) {
        signedElement.removeChild(signatureOf(signedElement));
    }

    /** An element of the Signature of the Response or Assertion given, such as SignatureValue or X509Certificate. */
    public static Element signaturePart(Element signedElement, String localName) {
        return first(signatureOf(signedElement), DSIG_NS, localName);
    }

    /** Changes one character of the signature's base64 SignatureValue, so the value no longer verifies. */
    public static void corruptSignatureValue(Element signedElement) {
        Element value = signaturePart(signedElement, "SignatureValue");
        String text = value.getTextContent().trim();
        char changed = text.charAt(10) == 'A' ? 'B' : 'A';
        value.setTextContent(text.substring(0, 10) + changed + text.substring(11));
    }

    /** The AttributeValue elements of the assertion's attribute with this Name. */
    public static List<Element> attributeValues(Element response, String attributeName) {
        List<Element> values = new ArrayList<>();
        NodeList attributes = assertionOf(response).getElementsByTagNameNS(SAML_NS, "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element attribute = (Element) attributes.item(i);
            if (attributeName.equals(attribute.getAttribute("Name"))) {
                NodeList children = attribute.getElementsByTagNameNS(SAML_NS, "AttributeValue");
                for (int j = 0; j < children.getLength(); j++) {
                    values.add((Element) children.item(j));
                }
            }
        }
        if (values.isEmpty()) {
            throw new IllegalStateException("the assertion has no value for the attribute " + attributeName);
        }
        return values;
    }

    /** Adds a value to the attribute, after the others, as an attacker editing the signed XML would. */
    public static void addAttributeValue(Element response, String attributeName, String value) {
        Element last = attributeValues(response, attributeName).stream().reduce((first, second) -> second).orElseThrow();
        Element added = (Element) last.cloneNode(true);
        added.setTextContent(value);
        last.getParentNode().appendChild(added);
    }

    /** The first element with this name inside {@code root}, at any depth. */
    public static Element first(Element root, String namespace, String localName) {
        NodeList found = root.getElementsByTagNameNS(namespace, localName);
        if (found.getLength() == 0) {
            throw new IllegalStateException("no " + localName + " inside " + root.getLocalName());
        }
        return (Element) found.item(0);
    }

    /** A new element in the document of {@code near}, with the prefix {@code near} uses. */
    public static Element newElement(Element near, String namespace, String localName) {
        String prefix = near.getPrefix();
        return near.getOwnerDocument().createElementNS(namespace, prefix == null ? localName : prefix + ":" + localName);
    }

    public static Element directChild(Element parent, String namespace, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        throw new IllegalStateException("no " + localName + " directly inside " + parent.getLocalName());
    }
}
