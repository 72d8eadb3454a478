package com.frontline.sso.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.frontline.sso.audit.AuditLog;
import com.frontline.sso.error.RejectionClassifier.Rejection;
import com.frontline.sso.error.SsoError;

/**
 * Checks what reaches the ACS before any XML parser sees it: POST only, size within sso.max-message-bytes
 * (413 without parsing), valid base64, and no DOCTYPE (so no entity expansion or external entities, whatever
 * the parser's settings).
 */
final class AcsGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern DOCTYPE = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);
    /** Room for the other form fields (RelayState) and URL-encoding around the base64 message. */
    private static final int FORM_OVERHEAD = 8 * 1024;

    private final int maxMessageBytes;

    AcsGuardFilter(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Rejection rejection = inspect(request);
        if (rejection == null) {
            chain.doFilter(request, response);
            return;
        }
        AuditLog.warning(AcsCallbackLogic.rejected(request, rejection));
        ErrorResponse.send(request, response, rejection.error(), rejection.detail());
    }

    private Rejection inspect(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return new Rejection(SsoError.MALFORMED_MESSAGE, "the ACS accepts SAML responses by HTTP POST only");
        }
        long maxEncoded = base64Length(maxMessageBytes);
        if (request.getContentLengthLong() > maxEncoded * 3 + FORM_OVERHEAD) {
            return tooLarge(request.getContentLengthLong() + " bytes posted");
        }
        String encoded = request.getParameter("SAMLResponse");
        if (encoded == null || encoded.isBlank()) {
            return new Rejection(SsoError.MALFORMED_MESSAGE, "the POST carries no SAMLResponse");
        }
        if (encoded.length() > maxEncoded + encoded.length() / 64 * 2 + 4) {
            return tooLarge(encoded.length() + " characters of base64");
        }
        byte[] xml;
        try {
            xml = Base64.getMimeDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return new Rejection(SsoError.MALFORMED_MESSAGE, "SAMLResponse is not valid base64");
        }
        if (xml.length > maxMessageBytes) {
            return tooLarge(xml.length + " bytes of XML");
        }
        if (DOCTYPE.matcher(asText(xml)).find()) {
            return new Rejection(SsoError.MALFORMED_MESSAGE, "the message contains a DOCTYPE or ENTITY declaration, which is never allowed");
        }
        return null;
    }

    private Rejection tooLarge(String what) {
        return new Rejection(SsoError.MESSAGE_TOO_LARGE, what + "; the limit is " + maxMessageBytes + " bytes (sso.max-message-bytes)");
    }

    private static long base64Length(long bytes) {
        return (bytes + 2) / 3 * 4;
    }

    /** Reads UTF-16 when a byte-order mark says so, so a declaration cannot hide behind an encoding. */
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
