package com.frontline.sso.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.error.SsoError;
import com.frontline.sso.saml.FrontlineSaml2Client;
import com.frontline.sso.saml.SamlClients;
import com.frontline.sso.saml.SpMetadata;

/**
 * GET /saml/metadata (single IdP) or /saml/metadata/{workspace}: the SP metadata an administrator
 * registers at the IdP.
 */
@WebServlet(urlPatterns = {"/saml/metadata", "/saml/metadata/*"}, loadOnStartup = 1)
public class MetadataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SsoSettings settings;
    @Inject
    transient SamlClients clients;

    private final transient Map<String, String> documents = new ConcurrentHashMap<>();

    /** Rendered at startup, so the first administrator's request does not pay for it. */
    @Override
    public void init() {
        clients.all().forEach(client -> documents.put(client.getName(), SpMetadata.render(client)));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pathInfo = request.getPathInfo();
        boolean unnamed = pathInfo == null || pathInfo.equals("/");
        String workspace = unnamed ? settings.primary().id() : pathInfo.substring(1);
        var client = unnamed && !settings.singleWorkspace() ? java.util.Optional.<FrontlineSaml2Client>empty()
                : clients.client(workspace);
        if (client.isEmpty()) {
            ErrorResponse.send(request, response, SsoError.UNKNOWN_WORKSPACE, unnamed
                    ? "several workspaces are configured: use /saml/metadata/<workspace>" : "no workspace '" + workspace + "'");
            return;
        }
        response.setContentType("application/samlmetadata+xml");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "inline; filename=\"frontline-sso-" + workspace + "-metadata.xml\"");
        response.getWriter().write(documents.computeIfAbsent(workspace, id -> SpMetadata.render(client.get())));
    }

}
