package com.frontline.sso.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.frontline.sso.saml.FrontlineSaml2Client;
import com.frontline.sso.saml.SpMetadata;

/** GET /saml/metadata: the SP metadata an administrator registers at the IdP. */
@WebServlet(urlPatterns = "/saml/metadata", loadOnStartup = 1)
public class MetadataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient FrontlineSaml2Client client;

    private transient String metadata;

    @Override
    public void init() {
        metadata = SpMetadata.render(client);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/samlmetadata+xml");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "inline; filename=\"frontline-sso-metadata.xml\"");
        response.getWriter().write(metadata);
    }
}
