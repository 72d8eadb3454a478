package com.frontline.sso.testsupport.saml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;

import javax.xml.XMLConstants;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Random mutations of a validly signed response, for fuzzing the ACS. Four families: raw bytes of the XML,
 * attributes, elements (remove, duplicate, move, rename, wrap, change text, add comments) and encodings of the
 * message (charsets, base64 variants, DEFLATE, character references). Some mutations keep the meaning
 * (MIME line breaks, UTF-16, character references); the SP may accept those, and only those.
 */
public final class ResponseMutator {

    /** What part of the message a mutation works on. */
    public enum Family { BYTES, ATTRIBUTES, ELEMENTS, ENCODINGS }

    /** A mutated message: the SAMLResponse form value to post, and what was done to it. */
    public record Mutation(Family family, String description, String samlResponse) {
    }

    private static final String[] VALUES = {
        "", " ", "A".repeat(5000), SignatureWrapping.EVIL_EMAIL, "admin", "agent", "supervisor", "2.0", "1.1",
        "2000-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "not-a-date", "-1", "99999999999999999999",
        "https://evil.example.com/saml/acs", "https://idp.evil.example/saml", "urn:oasis:names:tc:SAML:2.0:status:Success",
        "urn:oasis:names:tc:SAML:2.0:status:Requester", "urn:oasis:names:tc:SAML:2.0:nameid-format:entity",
        "http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#sha1",
        "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments", "http://www.w3.org/TR/1999/REC-xpath-19991116",
        "#", "_", "\u202Eevil", "a&b<c>\"'", "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key"};
    private static final String[][] NAMES = {
        {SamlDom.SAML_NS, "saml2:Assertion"}, {SamlDom.SAMLP_NS, "saml2p:Response"}, {SamlDom.DSIG_NS, "ds:Signature"},
        {SamlDom.DSIG_NS, "ds:Object"}, {SamlDom.SAMLP_NS, "saml2p:Extensions"}, {SamlDom.SAML_NS, "saml2:EncryptedAssertion"},
        {SamlDom.SAML_NS, "saml2:NameID"}, {SamlDom.SAML_NS, "saml2:AttributeValue"}, {"urn:example:fuzz", "fz:Wrapper"},
        {null, "Assertion"}};

    private final Random random;

    public ResponseMutator(Random random) {
        this.random = random;
    }

    /** One random mutation of the signed response (whose DOM it may change). */
    public Mutation mutate(ForgedResponse signed) {
        Family family = Family.values()[random.nextInt(Family.values().length)];
        return switch (family) {
            case BYTES -> bytes(signed.xml());
            case ATTRIBUTES -> attributes(signed.dom());
            case ELEMENTS -> elements(signed.dom());
            case ENCODINGS -> encodings(signed.xml());
        };
    }

    // Bytes: one to three edits of the UTF-8 XML, then standard base64.

    private Mutation bytes(String xml) {
        byte[] data = xml.getBytes(StandardCharsets.UTF_8);
        List<String> edits = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0 && data.length > 1; n--) {
            int at = random.nextInt(data.length);
            int length = 1 + random.nextInt(Math.min(64, data.length - at));
            switch (random.nextInt(6)) {
                case 0 -> {
                    data[at] ^= (byte) (1 << random.nextInt(8));
                    edits.add("flip bit @" + at);
                }
                case 1 -> {
                    byte[] interesting = {0, (byte) 0xFF, '<', '>', '&', '"', '\'', '=', ' ', '/', ':', (byte) random.nextInt(256)};
                    data[at] = interesting[random.nextInt(interesting.length)];
                    edits.add("set byte @" + at);
                }
                case 2 -> {
                    byte[] inserted = new byte[1 + random.nextInt(16)];
                    random.nextBytes(inserted);
                    data = splice(data, at, 0, inserted);
                    edits.add("insert " + inserted.length + " bytes @" + at);
                }
                case 3 -> {
                    data = splice(data, at, length, new byte[0]);
                    edits.add("delete " + length + " bytes @" + at);
                }
                case 4 -> {
                    byte[] copy = java.util.Arrays.copyOfRange(data, at, at + length);
                    data = splice(data, random.nextInt(data.length), 0, copy);
                    edits.add("duplicate " + length + " bytes from @" + at);
                }
                default -> {
                    data = java.util.Arrays.copyOf(data, at);
                    edits.add("truncate @" + at);
                }
            }
        }
        return new Mutation(Family.BYTES, String.join(", ", edits), base64(data));
    }

    // Attributes: change, remove or add one attribute of a random element.

    private Mutation attributes(Element response) {
        List<Element> elements = elementsOf(response);
        Element target = pick(elements);
        NamedNodeMap attributes = target.getAttributes();
        String where = target.getLocalName();
        int choice = attributes.getLength() == 0 ? 2 : random.nextInt(3);
        String description;
        if (choice == 0) {
            Attr attribute = (Attr) attributes.item(random.nextInt(attributes.getLength()));
            String value = random.nextBoolean() ? pick(VALUES) : "#" + pick(elements).getAttribute("ID");
            description = "set " + where + "/@" + attribute.getName() + " to " + abbreviate(value);
            attribute.setValue(value);
        } else if (choice == 1) {
            Attr attribute = (Attr) attributes.item(random.nextInt(attributes.getLength()));
            description = "remove " + where + "/@" + attribute.getName();
            target.removeAttributeNode(attribute);
        } else {
            description = addAttribute(target, elements);
        }
        return new Mutation(Family.ATTRIBUTES, description, serialized(response));
    }

    private String addAttribute(Element target, List<Element> elements) {
        String where = target.getLocalName();
        switch (random.nextInt(4)) {
            case 0 -> {
                String id = pick(elements).getAttribute("ID");
                target.setAttributeNS(null, "ID", id);
                return "give " + where + " the ID " + abbreviate(id);
            }
            case 1 -> {
                String[] name = pick(NAMES);
                String prefix = name[1].contains(":") ? name[1].substring(0, name[1].indexOf(':')) : "fz";
                String namespace = random.nextBoolean() ? "urn:example:fuzz" : String.valueOf(name[0]);
                target.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, namespace);
                return "redeclare xmlns:" + prefix + " on " + where + " as " + namespace;
            }
            case 2 -> {
                target.setAttributeNS(XMLConstants.XML_NS_URI, "xml:id", pick(elements).getAttribute("ID"));
                return "add xml:id to " + where;
            }
            default -> {
                String value = pick(VALUES);
                target.setAttributeNS(null, pick(new String[] {"Id", "id", "InResponseTo", "Destination", "Recipient", "Format"}), value);
                return "add an attribute to " + where + ": " + abbreviate(value);
            }
        }
    }

    // Elements: structure and text changes on a random element.

    private Mutation elements(Element response) {
        List<Element> elements = elementsOf(response);
        Element target = pick(elements.subList(1, elements.size()));
        Document document = response.getOwnerDocument();
        String where = target.getLocalName();
        String description;
        switch (random.nextInt(7)) {
            case 0 -> {
                target.getParentNode().removeChild(target);
                description = "remove " + where;
            }
            case 1 -> {
                target.getParentNode().insertBefore(target.cloneNode(true), random.nextBoolean() ? target : target.getNextSibling());
                description = "duplicate " + where;
            }
            case 2 -> {
                Element parent = pick(elements);
                if (isInside(parent, target)) {
                    parent = response;
                }
                parent.insertBefore(target, random.nextBoolean() ? null : parent.getFirstChild());
                description = "move " + where + " into " + parent.getLocalName();
            }
            case 3 -> {
                String[] name = pick(NAMES);
                document.renameNode(target, name[0], name[1]);
                description = "rename " + where + " to " + name[1];
            }
            case 4 -> {
                String[] name = pick(NAMES);
                Element wrapper = document.createElementNS(name[0], name[1]);
                target.getParentNode().replaceChild(wrapper, target);
                wrapper.appendChild(target);
                description = "wrap " + where + " in " + name[1];
            }
            case 5 -> {
                Element leaf = pick(elements.stream().filter(ResponseMutator::hasText).toList());
                String value = pick(VALUES);
                description = "set the text of " + leaf.getLocalName() + " to " + abbreviate(value);
                leaf.setTextContent(value);
            }
            default -> {
                Node node = switch (random.nextInt(3)) {
                    case 0 -> document.createComment("");
                    case 1 -> document.createCDATASection(pick(VALUES));
                    default -> document.createProcessingInstruction("fuzz", "x");
                };
                target.insertBefore(node, random.nextBoolean() ? target.getFirstChild() : null);
                description = "insert a " + node.getNodeName() + " into " + where;
            }
        }
        return new Mutation(Family.ELEMENTS, description, serialized(response));
    }

    // Encodings: the same document, or nearly, written differently.

    private Mutation encodings(String xml) {
        return switch (random.nextInt(14)) {
            case 0 -> encoded("UTF-16BE with a byte-order mark", HostileXml.encoded(xml, StandardCharsets.UTF_16BE, "UTF-16", true));
            case 1 -> encoded("UTF-16LE without a byte-order mark", HostileXml.encoded(xml, StandardCharsets.UTF_16LE, "UTF-16LE", false));
            case 2 -> encoded("UTF-32BE", HostileXml.encoded(xml, Charset.forName("UTF-32BE"), "UTF-32", false));
            case 3 -> encoded("EBCDIC (IBM037)", HostileXml.encoded(xml, Charset.forName("IBM037"), "IBM037", false));
            case 4 -> encoded("UTF-8 bytes declared as UTF-16", HostileXml.encoded(xml, StandardCharsets.UTF_8, "UTF-16", false));
            case 5 -> new Mutation(Family.ENCODINGS, "MIME base64 with CRLF line breaks",
                    Base64.getMimeEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
            case 6 -> new Mutation(Family.ENCODINGS, "URL-safe base64 alphabet",
                    Base64.getUrlEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
            case 7 -> new Mutation(Family.ENCODINGS, "base64 twice", base64(base64(xml.getBytes(StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.US_ASCII)));
            case 8 -> new Mutation(Family.ENCODINGS, "raw XML instead of base64", xml);
            case 9 -> new Mutation(Family.ENCODINGS, "DEFLATE then base64 (HTTP-Redirect encoding)", base64(deflate(xml)));
            case 10 -> brokenBase64(base64(xml.getBytes(StandardCharsets.UTF_8)));
            case 11 -> characterReference(xml);
            case 12 -> encoded("a UTF-8 byte-order mark and whitespace before the XML",
                    ("\uFEFF \n" + xml).getBytes(StandardCharsets.UTF_8));
            default -> encoded("every '>' followed by a newline", xml.replace(">", ">\n").getBytes(StandardCharsets.UTF_8));
        };
    }

    private Mutation brokenBase64(String encoded) {
        int at = random.nextInt(encoded.length());
        return switch (random.nextInt(4)) {
            case 0 -> new Mutation(Family.ENCODINGS, "base64 truncated @" + at, encoded.substring(0, at));
            case 1 -> new Mutation(Family.ENCODINGS, "base64 without padding", encoded.replace("=", ""));
            case 2 -> new Mutation(Family.ENCODINGS, "'<' inside the base64 @" + at, encoded.substring(0, at) + "<" + encoded.substring(at));
            default -> new Mutation(Family.ENCODINGS, "'*' inside the base64 @" + at, encoded.substring(0, at) + "*" + encoded.substring(at));
        };
    }

    /** A character of a text node written as a numeric character reference: the same document once parsed. */
    private Mutation characterReference(String xml) {
        List<Integer> textPositions = new ArrayList<>();
        boolean inTag = false;
        for (int i = 0; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (c == '<' || c == '>') {
                inTag = c == '<';
            } else if (!inTag && Character.isLetterOrDigit(c)) {
                textPositions.add(i);
            }
        }
        int at = pick(textPositions);
        String referenced = xml.substring(0, at) + "&#" + (int) xml.charAt(at) + ";" + xml.substring(at + 1);
        return encoded("character reference for '" + xml.charAt(at) + "' @" + at, referenced.getBytes(StandardCharsets.UTF_8));
    }

    private static Mutation encoded(String description, byte[] xml) {
        return new Mutation(Family.ENCODINGS, description, base64(xml));
    }

    private static byte[] deflate(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    private static String serialized(Element response) {
        return base64(Saml.toXml(response).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] splice(byte[] data, int at, int removed, byte[] inserted) {
        byte[] result = new byte[data.length - removed + inserted.length];
        System.arraycopy(data, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(data, at + removed, result, at + inserted.length, data.length - at - removed);
        return result;
    }

    private static List<Element> elementsOf(Element root) {
        List<Element> elements = new ArrayList<>();
        collect(root, elements);
        return elements;
    }

    private static void collect(Element element, List<Element> into) {
        into.add(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                collect(childElement, into);
            }
        }
    }

    private static boolean hasText(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return false;
            }
        }
        return !element.getTextContent().isBlank();
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node current = node; current != null; current = current.getParentNode()) {
            if (current == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "... (" + value.length() + " chars)" : "'" + value + "'";
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }
}
