package com.frontline.sso.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.frontline.sso.audit.AuditLog;
import com.frontline.sso.error.RejectionClassifier.Rejection;
import com.frontline.sso.error.SsoError;
import com.frontline.sso.saml.PreDecodedPostDecoder;

/**
 * Checks what reaches a SAML endpoint before any XML parser sees it: the binding (HTTP-POST at the ACS;
 * HTTP-POST or HTTP-Redirect at the SLO endpoint), size within sso.max-message-bytes (413 without parsing;
 * a DEFLATE-encoded message is inflated at most to that limit), valid base64, and no DOCTYPE or ENTITY
 * declaration (so no entity expansion or external entities, whatever the parser's settings).
 */
final class SamlMessageGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String[] DECLARATIONS = {"DOCTYPE", "ENTITY"};
    /** Room for the other form fields (RelayState, SigAlg, Signature) and URL-encoding around the message. */
    private static final int FORM_OVERHEAD = 8 * 1024;
    private static final String[] MESSAGE_PARAMETERS = {"SAMLResponse", "SAMLRequest"};
    /** '<' or a byte-order mark in the four UCS-4 byte orders, and "<?xm" in EBCDIC. */
    private static final Set<Integer> UCS4_OR_EBCDIC_STARTS = Set.of(0x0000003C, 0x3C000000, 0x00003C00, 0x003C0000,
            0x0000FEFF, 0xFFFE0000, 0x0000FFFE, 0xFEFF0000, 0x4C6FA794);

    private final int maxMessageBytes;
    private final boolean redirectBinding;

    /** @param redirectBinding whether GET (HTTP-Redirect, DEFLATE-encoded) is accepted, as at the SLO endpoint */
    SamlMessageGuardFilter(int maxMessageBytes, boolean redirectBinding) {
        this.maxMessageBytes = maxMessageBytes;
        this.redirectBinding = redirectBinding;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Rejection rejection = inspectRequestLine(request);
        if (rejection == null) {
            Optional<HttpServletRequest> read = FormPostRequest.read(request, bodyLimit());
            rejection = read.isEmpty() ? tooLarge("the request body is larger than the limit allows") : inspectMessage(read.get());
            if (rejection == null) {
                chain.doFilter(read.get(), response);
                return;
            }
        }
        AuditLog.warning(SamlCallbackLogic.rejected(request, rejection));
        ErrorResponse.send(request, response, rejection.error(), rejection.detail());
    }

    /** The binding's method, and the declared length and query string within the limit, before the body is read. */
    private Rejection inspectRequestLine(HttpServletRequest request) {
        boolean get = "GET".equals(request.getMethod());
        if (!"POST".equals(request.getMethod()) && !(get && redirectBinding)) {
            return new Rejection(SsoError.MALFORMED_MESSAGE, redirectBinding
                    ? "this endpoint accepts SAML messages by HTTP-Redirect (GET) or HTTP-POST only"
                    : "the ACS accepts SAML responses by HTTP POST only");
        }
        long limit = bodyLimit();
        if (request.getContentLengthLong() > limit || (request.getQueryString() != null && request.getQueryString().length() > limit)) {
            return tooLarge("the request is larger than the limit allows");
        }
        return null;
    }

    private long maxEncoded() {
        return (maxMessageBytes + 2L) / 3 * 4;
    }

    /** The base64 message, URL-encoded at worst three characters a byte, and the other form fields. */
    private long bodyLimit() {
        return maxEncoded() * 3 + FORM_OVERHEAD;
    }

    private Rejection inspectMessage(HttpServletRequest request) {
        boolean get = "GET".equals(request.getMethod());
        String encoded = message(request);
        if (encoded == null || encoded.isBlank()) {
            return new Rejection(SsoError.MALFORMED_MESSAGE, "the request carries no SAMLResponse or SAMLRequest");
        }
        if (encoded.length() > maxEncoded() + encoded.length() / 64 * 2 + 4) {
            return tooLarge(encoded.length() + " characters of base64");
        }
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return new Rejection(SsoError.MALFORMED_MESSAGE, "the SAML message is not valid base64");
        }
        if (get) {
            return inspectDeflated(decoded);
        }
        Rejection rejection = inspectXml(decoded);
        if (rejection == null) {
            request.setAttribute(PreDecodedPostDecoder.DECODED_MESSAGE, decoded);
        }
        return rejection;
    }

    private static String message(HttpServletRequest request) {
        for (String name : MESSAGE_PARAMETERS) {
            String value = request.getParameter(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Inflates at most one byte past the limit, so a DEFLATE bomb costs no more than the limit. */
    private Rejection inspectDeflated(byte[] deflated) {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated), new Inflater(true))) {
            byte[] xml = in.readNBytes(maxMessageBytes + 1);
            return inspectXml(xml);
        } catch (IOException e) {
            return new Rejection(SsoError.MALFORMED_MESSAGE, "the HTTP-Redirect message is not valid DEFLATE data");
        }
    }

    private Rejection inspectXml(byte[] xml) {
        if (xml.length > maxMessageBytes) {
            return tooLarge("more than " + maxMessageBytes + " bytes of XML");
        }
        if (ucs4OrEbcdic(xml)) {
            return new Rejection(SsoError.MALFORMED_MESSAGE, "the message is encoded in UCS-4 or EBCDIC; only UTF-8 and UTF-16 are accepted");
        }
        if (containsDeclaration(asText(xml))) {
            return new Rejection(SsoError.MALFORMED_MESSAGE, "the message contains a DOCTYPE or ENTITY declaration, which is never allowed");
        }
        return null;
    }

    private Rejection tooLarge(String what) {
        return new Rejection(SsoError.MESSAGE_TOO_LARGE, what + "; the limit is " + maxMessageBytes + " bytes (sso.max-message-bytes)");
    }

    /**
     * Whether the first four bytes announce UCS-4 or EBCDIC (XML 1.0, appendix F). The parser reads both, but the
     * DOCTYPE check below reads only ASCII-compatible encodings and UTF-16, and no IdP sends anything else.
     */
    private static boolean ucs4OrEbcdic(byte[] xml) {
        if (xml.length < 4) {
            return false;
        }
        int first = (xml[0] & 0xFF) << 24 | (xml[1] & 0xFF) << 16 | (xml[2] & 0xFF) << 8 | xml[3] & 0xFF;
        return UCS4_OR_EBCDIC_STARTS.contains(first);
    }

    /**
     * Whether the text has {@code <!} followed (after optional whitespace) by DOCTYPE or ENTITY, in any case. A
     * plain scan: a case-insensitive regular expression over every 10 KB message cost 4% of a login's CPU.
     */
    static boolean containsDeclaration(String text) {
        for (int at = text.indexOf("<!"); at >= 0; at = text.indexOf("<!", at + 2)) {
            int name = at + 2;
            while (name < text.length() && Character.isWhitespace(text.charAt(name))) {
                name++;
            }
            for (String declaration : DECLARATIONS) {
                if (text.regionMatches(true, name, declaration, 0, declaration.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Reads UTF-16 when a byte-order mark or zero bytes say so, so a declaration cannot hide behind an encoding. */
    private static String asText(byte[] xml) {
        if (xml.length >= 2 && ((xml[0] == (byte) 0xFE && xml[1] == (byte) 0xFF) || (xml[0] == (byte) 0xFF && xml[1] == (byte) 0xFE))) {
            return new String(xml, StandardCharsets.UTF_16);
        }
        if (xml.length >= 2 && (xml[0] == 0 || xml[1] == 0)) {
            return new String(xml, xml[0] == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
        }
        return new String(xml, StandardCharsets.ISO_8859_1);
    }
}
