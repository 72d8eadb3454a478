package com.frontline.sso.audit;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/** Audit events tied to an HTTP request: its client address and a request id shared by every line and answer. */
public final class RequestAudit {

    private static final String REQUEST_ID = RequestAudit.class.getName() + ".id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestAudit() {
    }

    /** The caller's X-Request-Id when it is a plain token (so a load balancer's id carries through), else a new one. */
    public static String requestId(HttpServletRequest request) {
        Object known = request.getAttribute(REQUEST_ID);
        if (known instanceof String id) {
            return id;
        }
        String header = request.getHeader("X-Request-Id");
        String id = header != null && SAFE_ID.matcher(header).matches() ? header : UUID.randomUUID().toString();
        request.setAttribute(REQUEST_ID, id);
        return id;
    }

    public static AuditEvent event(HttpServletRequest request, String event) {
        return AuditEvent.of(event)
                .with("client", request.getRemoteAddr())
                .with("requestId", requestId(request));
    }
}
