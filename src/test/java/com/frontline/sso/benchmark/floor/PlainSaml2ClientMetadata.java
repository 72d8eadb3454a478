package com.frontline.sso.benchmark.floor;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.pac4j.saml.client.SAML2Client;

/** The pac4j-saml reference WAR's {@code /saml/metadata}: proves its client started (503 if it did not). */
public class PlainSaml2ClientMetadata extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object client = getServletContext().getAttribute(PlainSaml2ClientStart.CLIENT);
        if (!(client instanceof SAML2Client saml2Client)) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the SAML2Client did not start");
            return;
        }
        response.setContentType("application/samlmetadata+xml");
        response.getWriter().write(saml2Client.getServiceProviderMetadataResolver().getMetadata());
    }
}
