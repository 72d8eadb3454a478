package com.frontline.sso.testsupport.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;

/**
 * A cookie-keeping HTTP client in front of the SP, standing in for a browser in server tests: it starts
 * logins, posts (forged) responses to the ACS and asks whether a session exists. Redirects are not followed,
 * so every hop can be asserted.
 */
public class SpClient {

    private final URI baseUrl;
    private final HttpClient http;

    public SpClient(URI baseUrl) {
        this(baseUrl, HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build());
    }

    private SpClient(URI baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /**
     * The same browser (same cookies) talking to another server instance, as a load balancer would send it:
     * the SP URLs stay those of the shared base URL, only the requests go to {@code node}.
     */
    public SpClient onNode(URI node) {
        return new SpClient(node, http) {
            @Override
            public String acsUrl() {
                return SpClient.this.acsUrl();
            }

            @Override
            public String spEntityId() {
                return SpClient.this.spEntityId();
            }
        };
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String acsUrl() {
        return baseUrl + "/saml/acs";
    }

    public String spEntityId() {
        return baseUrl + "/saml/metadata";
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(baseUrl.resolve(path)).header("Accept", accept).GET().build());
    }

    public HttpResponse<String> get(String path) {
        return get(path, "text/html");
    }

    /** Opens a protected page, which must redirect to the IdP, and returns the AuthnRequest it carries. */
    public RedirectBinding startLogin(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 302) {
            throw new AssertionError("expected a redirect to the IdP from " + path + ", got " + response.statusCode());
        }
        return RedirectBinding.decode(response.headers().firstValue("Location").orElseThrow());
    }

    public HttpResponse<String> postAcs(String samlResponse, String relayState) {
        return postForm(baseUrl + "/saml/acs", "SAMLResponse=" + URLEncoder.encode(samlResponse, StandardCharsets.UTF_8)
                + (relayState == null ? "" : "&RelayState=" + URLEncoder.encode(relayState, StandardCharsets.UTF_8)), "text/html");
    }

    public HttpResponse<String> postAcs(String samlResponse) {
        return postAcs(samlResponse, null);
    }

    /** Posts to the ACS with an X-Request-Id, as a load balancer would add, to find the audit line it causes. */
    public HttpResponse<String> postAcsWithRequestId(String samlResponse, String requestId) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/saml/acs"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString("SAMLResponse=" + URLEncoder.encode(samlResponse, StandardCharsets.UTF_8)))
                .build());
    }

    public HttpResponse<String> postForm(String url, String body, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** True when /api/me answers 200, i.e. this client holds an authenticated session. */
    public boolean hasSession() {
        return get("/api/me", "application/json").statusCode() == 200;
    }

    /** The signing certificate the SP publishes in its metadata. */
    public X509Certificate spSigningCertificate() {
        String metadata = get("/saml/metadata", "application/samlmetadata+xml").body();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(metadata.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            String base64 = root.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate").item(0)
                    .getTextContent();
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("SP metadata has no readable signing certificate", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
