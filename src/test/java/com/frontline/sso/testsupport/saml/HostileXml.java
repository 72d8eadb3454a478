package com.frontline.sso.testsupport.saml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;

/** Messages that attack the parser or the decoder rather than the signature: DTDs, entity expansion, compression bombs. */
public final class HostileXml {

    /** An external entity reading a local file into the NameID, the classic XXE. */
    public static final String XXE_DOCTYPE = "<!DOCTYPE samlp:Response [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
    /** Ten levels of ten references: a billion "lol"s, some 3 GB, if a parser expanded them. */
    public static final String BILLION_LAUGHS_DOCTYPE = billionLaughs();

    private HostileXml() {
    }

    /** The XML with a DOCTYPE inserted before the root element (after the XML declaration, if any). */
    public static String withDoctype(String xml, String doctype) {
        int root = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        return xml.substring(0, root) + doctype + xml.substring(root);
    }

    /**
     * The XML re-encoded: a declaration naming {@code declaredAs} replaces any it had, and the bytes are in
     * {@code charset}, after a byte-order mark if asked for.
     */
    public static byte[] encoded(String xml, Charset charset, String declaredAs, boolean byteOrderMark) {
        String body = xml.startsWith("<?xml") ? xml.substring(xml.indexOf("?>") + 2) : xml;
        String declared = "<?xml version=\"1.0\" encoding=\"" + declaredAs + "\"?>" + body;
        return ((byteOrderMark ? "\uFEFF" : "") + declared).getBytes(charset);
    }

    /** The signed response with its NameID's text replaced by a reference to the entity {@code name}. */
    public static String referencingEntity(String xml, String nameId, String name) {
        return xml.replace(">" + nameId + "</", ">&" + name + ";</");
    }

    /**
     * A DEFLATE bomb in the form of the HTTP-Redirect binding (raw DEFLATE, then base64): the start of a SAML
     * Response followed by {@code inflatedBytes} of padding, which compresses about a thousand to one.
     */
    public static String deflateBomb(int inflatedBytes) {
        byte[] head = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">".getBytes(StandardCharsets.US_ASCII);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            deflater.setInput(head);
            drain(deflater, out, buffer);
            byte[] padding = new byte[64 * 1024];
            java.util.Arrays.fill(padding, (byte) ' ');
            for (int written = 0; written < inflatedBytes; written += padding.length) {
                deflater.setInput(padding, 0, Math.min(padding.length, inflatedBytes - written));
                drain(deflater, out, buffer);
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    private static void drain(Deflater deflater, ByteArrayOutputStream out, byte[] buffer) {
        while (!deflater.needsInput()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
    }

    private static String billionLaughs() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE samlp:Response [<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 9; level++) {
            doctype.append("<!ENTITY lol").append(level).append(" \"");
            doctype.append(("&lol" + (level - 1) + ";").repeat(10));
            doctype.append("\">");
        }
        return doctype.append("]>").toString();
    }
}
