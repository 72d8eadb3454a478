package com.frontline.sso.saml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.opensaml.saml.common.xml.SAMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.frontline.sso.error.SsoError;
import com.frontline.sso.error.SsoRejection;

/**
 * Structural rules checked on the parsed DOM before any signature is looked at. They close the doors that
 * XML Signature Wrapping uses ("On Breaking SAML", 2012): exactly one assertion, directly under the Response;
 * unique IDs; signatures only on the Response or the Assertion, each referencing its own parent by ID with
 * only the enveloped and exclusive-c14n transforms; allowed algorithms only. Once this holds, the element a
 * signature covers is the element the SP reads.
 */
final class ResponseStructureCheck {

    private static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String XENC_NS = "http://www.w3.org/2001/04/xmlenc#";
    private static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    private static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private static final String EXC_C14N_WITH_COMMENTS = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";

    private final AlgorithmPolicy algorithms;
    private final boolean decryptionEnabled;

    ResponseStructureCheck(AlgorithmPolicy algorithms, boolean decryptionEnabled) {
        this.algorithms = algorithms;
        this.decryptionEnabled = decryptionEnabled;
    }

    void verify(Element response) {
        if (!SAMLConstants.SAML20P_NS.equals(response.getNamespaceURI()) || !"Response".equals(response.getLocalName())) {
            throw new SsoRejection(SsoError.MALFORMED_MESSAGE, "the message is not a SAML 2.0 Response");
        }
        if (!decryptionEnabled) {
            rejectEncryptedContent(response);
        }
        verifyUniqueIds(response);
        verifySignatures(response, response, singleAssertion(response));
    }

    /** The same rules for an assertion that was encrypted, once decrypted: its signature may only cover itself. */
    void verifyDecrypted(Element assertion) {
        verifyUniqueIds(assertion);
        verifySignatures(assertion, assertion, assertion);
    }

    private void verifySignatures(Element scope, Element response, Element assertion) {
        NodeList signatures = scope.getElementsByTagNameNS(DSIG_NS, "Signature");
        for (int i = 0; i < signatures.getLength(); i++) {
            verifySignatureElement((Element) signatures.item(i), response, assertion);
        }
    }

    private static void rejectEncryptedContent(Element response) {
        if (response.getElementsByTagNameNS(XENC_NS, "EncryptedData").getLength() > 0
                || response.getElementsByTagNameNS(SAMLConstants.SAML20_NS, "EncryptedAssertion").getLength() > 0) {
            throw new SsoRejection(SsoError.ENCRYPTION_NOT_CONFIGURED,
                    "the response contains encrypted content, and this SP has no decryption key configured");
        }
    }

    private static void verifyUniqueIds(Element response) {
        Set<String> seen = new HashSet<>();
        List<Element> elements = new ArrayList<>();
        collectElements(response, elements);
        for (Element element : elements) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                if (attribute.getNamespaceURI() == null && name.equalsIgnoreCase("id") && !seen.add(attribute.getValue())) {
                    throw new SsoRejection(SsoError.INVALID_STRUCTURE, "duplicate ID '" + attribute.getValue() + "'");
                }
            }
        }
    }

    /** The one Assertion (or, with decryption configured, EncryptedAssertion) of the response. */
    private static Element singleAssertion(Element response) {
        NodeList assertions = response.getElementsByTagNameNS(SAMLConstants.SAML20_NS, "Assertion");
        NodeList encrypted = response.getElementsByTagNameNS(SAMLConstants.SAML20_NS, "EncryptedAssertion");
        int count = assertions.getLength() + encrypted.getLength();
        if (count != 1) {
            throw new SsoRejection(SsoError.INVALID_STRUCTURE, "expected exactly one assertion in the response, found " + count);
        }
        Element assertion = (Element) (assertions.getLength() == 1 ? assertions.item(0) : encrypted.item(0));
        if (assertion.getParentNode() != response) {
            throw new SsoRejection(SsoError.INVALID_STRUCTURE, "the Assertion is not a direct child of the Response");
        }
        return assertion;
    }

    private void verifySignatureElement(Element signature, Element response, Element assertion) {
        Node parent = signature.getParentNode();
        if (parent != response && parent != assertion) {
            throw new SsoRejection(SsoError.INVALID_STRUCTURE,
                    "a Signature sits inside " + ((Element) parent).getLocalName() + "; only the Response and the Assertion may be signed");
        }
        Element signedInfo = onlyChild(signature, "SignedInfo");
        verifyCanonicalization(onlyChild(signedInfo, "CanonicalizationMethod").getAttribute("Algorithm"));
        String signatureMethod = onlyChild(signedInfo, "SignatureMethod").getAttribute("Algorithm");
        if (!algorithms.allowsSignature(signatureMethod)) {
            throw new SsoRejection(SsoError.WEAK_ALGORITHM, "signature algorithm " + signatureMethod + " is not allowed");
        }
        Element reference = onlyChild(signedInfo, "Reference");
        String expectedUri = "#" + ((Element) parent).getAttribute("ID");
        if (!expectedUri.equals(reference.getAttribute("URI"))) {
            throw new SsoRejection(SsoError.INVALID_STRUCTURE, "a Signature references '" + reference.getAttribute("URI")
                    + "' instead of its own " + ((Element) parent).getLocalName() + " " + expectedUri);
        }
        verifyTransforms(reference);
        String digest = onlyChild(reference, "DigestMethod").getAttribute("Algorithm");
        if (!algorithms.allowsDigest(digest)) {
            throw new SsoRejection(SsoError.WEAK_ALGORITHM, "digest algorithm " + digest + " is not allowed");
        }
    }

    private static void verifyCanonicalization(String algorithm) {
        if (!EXC_C14N.equals(algorithm) && !EXC_C14N_WITH_COMMENTS.equals(algorithm)) {
            throw new SsoRejection(SsoError.INVALID_STRUCTURE, "canonicalization " + algorithm + " is not exclusive c14n");
        }
    }

    private static void verifyTransforms(Element reference) {
        List<Element> transforms = childElements(reference, "Transforms");
        if (transforms.size() > 1) {
            throw new SsoRejection(SsoError.INVALID_STRUCTURE, "a Reference has several Transforms elements");
        }
        if (transforms.isEmpty()) {
            return;
        }
        for (Element transform : childElements(transforms.get(0), "Transform")) {
            String algorithm = transform.getAttribute("Algorithm");
            if (!ENVELOPED.equals(algorithm) && !EXC_C14N.equals(algorithm)) {
                throw new SsoRejection(SsoError.INVALID_STRUCTURE, "transform " + algorithm + " is not allowed");
            }
        }
    }

    private static Element onlyChild(Element parent, String localName) {
        List<Element> children = childElements(parent, localName);
        if (children.size() != 1) {
            throw new SsoRejection(SsoError.INVALID_STRUCTURE,
                    parent.getLocalName() + " must have exactly one " + localName + ", has " + children.size());
        }
        return children.get(0);
    }

    private static List<Element> childElements(Element parent, String localName) {
        List<Element> result = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && DSIG_NS.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                result.add(element);
            }
        }
        return result;
    }

    private static void collectElements(Element element, List<Element> into) {
        into.add(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                collectElements(childElement, into);
            }
        }
    }
}
