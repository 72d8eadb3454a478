package com.frontline.sso.web;

import jakarta.servlet.http.HttpServletRequest;

import com.frontline.sso.audit.AuditEvent;
import com.frontline.sso.audit.RequestAudit;

/** Facts about an HTTP request that answers and audit lines share: its id, its client, whether it is an API call. */
public final class RequestFacts {

    private RequestFacts() {
    }

    public static String requestId(HttpServletRequest request) {
        return RequestAudit.requestId(request);
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
        return RequestAudit.event(request, event);
    }
}
