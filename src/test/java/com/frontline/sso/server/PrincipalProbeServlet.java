package com.frontline.sso.server;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An "existing page" added to the WAR by the test deployment only: plain servlet code that knows nothing of
 * SAML and reads the user through the standard servlet API, as the application's own pages do.
 */
@WebServlet("/probe/principal")
public class PrincipalProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("principal=" + request.getUserPrincipal().getName()
                + "\nprincipalType=" + request.getUserPrincipal().getClass().getSimpleName()
                + "\nremoteUser=" + request.getRemoteUser()
                + "\nagent=" + request.isUserInRole("agent")
                + "\nsupervisor=" + request.isUserInRole("supervisor")
                + "\nmaxInactiveInterval=" + request.getSession().getMaxInactiveInterval() + "\n");
    }
}
