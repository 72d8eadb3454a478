package com.frontline.sso.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import com.frontline.sso.audit.AuditEvent;

/** Facts about an HTTP request that answers and audit lines share: its id, its client, whether it is an API call. */
public final class RequestFacts {

    private static final String REQUEST_ID = RequestFacts.class.getName() + ".id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestFacts() {
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

    /** API clients get JSON and 401s instead of pages and redirects: /api/*, or JSON accepted but not HTML. */
    public static boolean isApiClient(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.equals("/api")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("html");
    }

    public static AuditEvent auditEvent(HttpServletRequest request, String event) {
        return AuditEvent.of(event)
                .with("client", request.getRemoteAddr())
                .with("requestId", requestId(request));
    }
}
