package com.frontline.sso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.frontline.sso.testsupport.Dirs;
import com.frontline.sso.testsupport.FreePorts;
import com.frontline.sso.testsupport.PayaraMicroApp;
import com.frontline.sso.testsupport.TestEnvironment;
import com.frontline.sso.testsupport.saml.RedirectBinding;
import com.frontline.sso.testsupport.saml.SpClient;
import com.frontline.sso.testsupport.saml.TestIdp;
import com.frontline.sso.testsupport.saml.TestIdpApp;

/**
 * Behind a load balancer that terminates TLS, the usual production set-up: the base URL is https, the server itself
 * receives plain http. The SP still asks the IdP to answer at its https ACS, the session cookie it sets is
 * {@code Secure}, so a browser never sends it over plain http, and every page carries HSTS (both follow the base
 * URL, not the scheme the server sees).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTerminatingProxyIT {

    private static final URI PUBLIC_URL = URI.create("https://agents.frontline.test");

    private PayaraMicroApp app;

    @BeforeAll
    void start() {
        Path work = Dirs.recreate(TestEnvironment.workDir().resolve("TlsTerminatingProxyIT"));
        app = PayaraMicroApp.start(FreePorts.pick(), TestIdpApp.environment(PUBLIC_URL.toString(), work.resolve("data"), Map.of()),
                List.of(), work);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** A browser on the public https URL; the load balancer forwards its requests to the server's http port. */
    private SpClient browser() {
        return new SpClient(PUBLIC_URL).onNode(URI.create(app.baseUrl()));
    }

    @Test
    void theLoginAsksForTheHttpsAcsAndSetsASecureSessionCookie() {
        SpClient browser = browser();
        RedirectBinding request = browser.startLogin("/index.html");
        assertEquals(PUBLIC_URL + "/saml/acs", request.message().getAttribute("AssertionConsumerServiceURL"));

        HttpResponse<String> acs = browser.postAcs(TestIdp.trusted().response(browser.spEntityId(), browser.acsUrl())
                .inResponseTo(request.id()).sign().base64());

        assertEquals(303, acs.statusCode(), acs.body());
        String location = acs.headers().firstValue("Location").orElse("");
        assertTrue(location.equals("/index.html") || location.equals(PUBLIC_URL + "/index.html"),
                "back to the page asked for, never to the server's own address: " + location);
        String cookie = acs.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
        List<String> attributes = List.of(cookie.toLowerCase(Locale.ROOT).split(";\\s*"));
        assertTrue(attributes.contains("secure") && attributes.contains("httponly") && attributes.contains("samesite=lax"),
                "session cookie behind TLS: " + cookie);
    }

    @Test
    void everyPageTellsTheBrowserToUseHttpsOnly() {
        SpClient browser = browser();
        for (String path : List.of("/signed-out.html", "/index.html", "/login")) {
            HttpResponse<String> page = browser.get(path);
            assertTrue(page.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="),
                    path + " (" + page.statusCode() + "): " + page.headers().map());
        }
    }

    @Test
    void theSpMetadataAdvertisesTheHttpsEndpoints() {
        HttpResponse<String> metadata = browser().get("/saml/metadata", "application/samlmetadata+xml");
        assertEquals(200, metadata.statusCode());
        assertTrue(metadata.body().contains("Location=\"" + PUBLIC_URL + "/saml/acs\""), metadata.body());
        assertTrue(metadata.body().contains("entityID=\"" + PUBLIC_URL + "/saml/metadata\""), metadata.body());
        assertTrue(!metadata.body().contains("http://"  + URI.create(app.baseUrl()).getAuthority()), "no server address leaks: " + metadata.body());
    }
}
