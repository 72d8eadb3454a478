package com.frontline.sso.web;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.pac4j.core.util.Pac4jConstants;

import com.frontline.sso.audit.AuditLog;
import com.frontline.sso.identity.AgentProfile;
import com.frontline.sso.identity.SessionRevocations;

/**
 * Ends, on whichever node it arrives, a session that the IdP ended by Single Logout on any node: the
 * request then continues as unauthenticated (a browser goes back to the IdP, an API client gets 401).
 */
final class SessionRevocationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient SessionRevocations revocations;

    SessionRevocationFilter(SessionRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null && revoked(session.getAttribute(Pac4jConstants.USER_PROFILES))) {
            AuditLog.info(RequestFacts.auditEvent(request, "session_ended").with("reason", "single logout at the IdP"));
            session.invalidate();
        }
        chain.doFilter(request, response);
    }

    private boolean revoked(Object profiles) {
        Collection<?> values = profiles instanceof Map<?, ?> map ? map.values() : java.util.List.of();
        return values.stream().anyMatch(profile -> profile instanceof AgentProfile agent && revocations.isRevoked(agent.agent()));
    }
}
