package com.frontline.sso.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.function.Function;
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
        HttpServletRequest inspected;
        try {
            inspected = inspect(request);
        } catch (Refusal refusal) {
            AuditLog.warning(SamlCallbackLogic.rejected(request, refusal.rejection));
            ErrorResponse.send(request, response, refusal.rejection.error(), refusal.rejection.detail());
            return;
        }
        chain.doFilter(inspected, response);
    }

    /** @return the request to pass on: for a form POST, one whose form this filter has read */
    private HttpServletRequest inspect(HttpServletRequest request) throws Refusal {
        boolean get = "GET".equals(request.getMethod());
        if (!"POST".equals(request.getMethod()) && !(get && redirectBinding)) {
            throw new Refusal(SsoError.MALFORMED_MESSAGE, redirectBinding
                    ? "this endpoint accepts SAML messages by HTTP-Redirect (GET) or HTTP-POST only"
                    : "the ACS accepts SAML responses by HTTP POST only");
        }
        long maxEncoded = (maxMessageBytes + 2L) / 3 * 4;
        int limit = (int) Math.min(Integer.MAX_VALUE - 1, maxEncoded * 3 + FORM_OVERHEAD);
        if (request.getContentLengthLong() > limit || (request.getQueryString() != null && request.getQueryString().length() > limit)) {
            throw tooLarge("the request is larger than the limit allows");
        }
        if (get) {
            inspectXml(inflate(base64(message(parameterBytes(request)), maxEncoded)));
            return request;
        }
        HttpServletRequest passed = request;
        Function<String, byte[]> parameters = parameterBytes(request);
        if (isUrlEncodedForm(request)) {
            UrlEncodedForm form = readForm(request, limit);
            passed = new FormParameterRequest(request, form);
            parameters = form::bytes;
        }
        byte[] xml = base64(message(parameters), maxEncoded);
        inspectXml(xml);
        // Accepted as it is: pac4j parses these bytes instead of decoding the parameter again (PreDecodedPostDecoder).
        passed.setAttribute(PreDecodedPostDecoder.DECODED_MESSAGE, xml);
        return passed;
    }

    /** Reads the form itself: the container's parameter parsing copies the 10 KB message into chars and a String. */
    private static UrlEncodedForm readForm(HttpServletRequest request, int limit) throws Refusal {
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(limit + 1);
        } catch (IOException e) {
            throw new Refusal(SsoError.MALFORMED_MESSAGE, "the request body could not be read");
        }
        if (body.length > limit) {
            throw new Refusal(SsoError.MESSAGE_TOO_LARGE, "the request is larger than the limit allows");
        }
        try {
            return UrlEncodedForm.parse(body, charset(request));
        } catch (IllegalArgumentException e) {
            throw new Refusal(SsoError.MALFORMED_MESSAGE, "the form is not valid URL encoding: " + e.getMessage());
        }
    }

    private static Function<String, byte[]> parameterBytes(HttpServletRequest request) {
        return name -> {
            String value = request.getParameter(name);
            return value == null ? null : value.getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    private static byte[] message(Function<String, byte[]> parameters) throws Refusal {
        for (String name : MESSAGE_PARAMETERS) {
            byte[] value = parameters.apply(name);
            if (value != null && !isBlank(value)) {
                return value;
            }
        }
        throw new Refusal(SsoError.MALFORMED_MESSAGE, "the request carries no SAMLResponse or SAMLRequest");
    }

    private byte[] base64(byte[] encoded, long maxEncoded) throws Refusal {
        if (encoded.length > maxEncoded + encoded.length / 64 * 2 + 4) {
            throw tooLarge(encoded.length + " characters of base64");
        }
        try {
            return Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new Refusal(SsoError.MALFORMED_MESSAGE, "the SAML message is not valid base64");
        }
    }

    /** Inflates at most one byte past the limit, so a DEFLATE bomb costs no more than the limit. */
    private byte[] inflate(byte[] deflated) throws Refusal {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated), new Inflater(true))) {
            return in.readNBytes(maxMessageBytes + 1);
        } catch (IOException e) {
            throw new Refusal(SsoError.MALFORMED_MESSAGE, "the HTTP-Redirect message is not valid DEFLATE data");
        }
    }

    private void inspectXml(byte[] xml) throws Refusal {
        if (xml.length > maxMessageBytes) {
            throw tooLarge("more than " + maxMessageBytes + " bytes of XML");
        }
        if (ucs4OrEbcdic(xml)) {
            throw new Refusal(SsoError.MALFORMED_MESSAGE, "the message is encoded in UCS-4 or EBCDIC; only UTF-8 and UTF-16 are accepted");
        }
        if (containsDeclaration(asText(xml))) {
            throw new Refusal(SsoError.MALFORMED_MESSAGE, "the message contains a DOCTYPE or ENTITY declaration, which is never allowed");
        }
    }

    private Refusal tooLarge(String what) {
        return new Refusal(SsoError.MESSAGE_TOO_LARGE, what + "; the limit is " + maxMessageBytes + " bytes (sso.max-message-bytes)");
    }

    private static boolean isUrlEncodedForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, "application/x-www-form-urlencoded", 0, 33);
    }

    private static Charset charset(HttpServletRequest request) {
        String name = request.getCharacterEncoding();
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static boolean isBlank(byte[] value) {
        for (byte b : value) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** Why a message is refused; thrown by the checks, answered once in doFilter. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Rejection rejection;

        Refusal(SsoError error, String detail) {
            super(detail, null, false, false);
            this.rejection = new Rejection(error, detail);
        }
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
