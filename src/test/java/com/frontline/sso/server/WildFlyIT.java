package com.frontline.sso.server;

import static com.frontline.sso.server.Rejections.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.frontline.sso.testsupport.Dirs;
import com.frontline.sso.testsupport.FreePorts;
import com.frontline.sso.testsupport.TestEnvironment;
import com.frontline.sso.testsupport.WildFlyApp;
import com.frontline.sso.testsupport.saml.ForgedResponse;
import com.frontline.sso.testsupport.saml.LogoutForge;
import com.frontline.sso.testsupport.saml.RedirectBinding;
import com.frontline.sso.testsupport.saml.ResponseForge;
import com.frontline.sso.testsupport.saml.SpClient;
import com.frontline.sso.testsupport.saml.TestIdp;
import com.frontline.sso.testsupport.saml.TestIdpApp;

/**
 * The same WAR on stock WildFly ({@code standalone-microprofile.xml}, settings as {@code SSO_*} environment
 * variables, deployed as ROOT.war): metadata, the signed AuthnRequest, a valid login, a tampered or replayed
 * response, /api/me's JSON and Single Logout behave as on Payara. One WildFly start serves every test; WildFly has
 * no JCache, so the replay cache and the other shared state are per JVM there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WildFlyIT {

    private static final String DEEP_LINK = "/index.html?tab=queue&filter=open";
    private static final String IDP_SSO = "https://idp.test.frontline.invalid/saml/sso";
    private static final String IDP_SLO = "https://idp.test.frontline.invalid/saml/slo";

    private WildFlyApp app;
    private SpClient browser;

    @BeforeAll
    void startWildFly() {
        Path work = Dirs.recreate(TestEnvironment.workDir().resolve("WildFlyIT"));
        int port = FreePorts.pick();
        app = WildFlyApp.start(port, TestIdpApp.environment(port, work.resolve("data")), work);
        System.out.println("WildFly with the app answered " + WildFlyApp.HEALTH_PATH + " after "
                + app.startTime().toMillis() + " ms (log: " + app.logFile() + ")");
    }

    @AfterAll
    void stopWildFly() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void newBrowser() {
        browser = new SpClient(URI.create(app.baseUrl()));
    }

    private ResponseForge answering(RedirectBinding request) {
        return TestIdp.trusted().response(browser.spEntityId(), browser.acsUrl()).inResponseTo(request.id());
    }

    @Test
    void metadataDescribesTheSp() {
        ServiceProviderChecks.assertMetadataDescribesTheSp(browser);
    }

    @Test
    void protectedPageRedirectsToTheIdpWithASignedAuthnRequest() {
        RedirectBinding request = browser.startLogin(DEEP_LINK);
        assertEquals(IDP_SSO, request.endpoint());
        ServiceProviderChecks.assertSignedAuthnRequest(browser, request);
    }


    @Test
    void validResponseLogsAliceInOnTheDeepLink() {
        RedirectBinding request = browser.startLogin(DEEP_LINK);
        HttpResponse<String> acs = browser.postAcs(answering(request).sign().base64());
        assertEquals(303, acs.statusCode(), acs.body());
        assertEquals(DEEP_LINK, acs.headers().firstValue("Location").map(ArquillianDeploymentUrls::path).orElse(""));
        String cookie = acs.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly") && cookie.toLowerCase(Locale.ROOT).contains("samesite=lax"),
                "session cookie flags: " + cookie);

        HttpResponse<String> me = browser.get("/api/me", "application/json");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), me.headers().toString());
        SignedInAgent.assertSignedInAs(browser, "alice@example.com", List.of("agent"));
        assertTrue(me.body().contains("\"name\":\"Alice Agent\""), me.body());
        assertTrue(me.body().contains("\"idp\":\"" + TestIdp.ENTITY_ID + "\""), me.body());
        assertEquals(200, browser.get(DEEP_LINK).statusCode(), "the protected page is served");
        // pac4j logs through WildFly's own slf4j here, not slf4j-jdk14: LibraryLogging must still keep it quiet.
        assertFalse(app.logMatches(Pattern.compile("Constructed SAML2 credentials")), "no NameID or attributes in the server log");
    }

    @Test
    void tamperedResponseGets403WithTheHtmlErrorPage() {
        RedirectBinding request = browser.startLogin("/");
        String xml = answering(request).sign().xml().replace("alice@example.com", "mallory@example.com");
        HttpResponse<String> refused = browser.postAcs(ForgedResponse.encode(xml));
        assertRefused(browser, refused, 403, "invalid_signature");
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), refused.headers().toString());
        assertEquals(java.util.Optional.of("invalid_signature"), Rejections.code(refused), refused.body());
    }

    @Test
    void replayedResponseIsRefusedByThePerJvmReplayCache() {
        RedirectBinding request = browser.startLogin("/");
        String response = answering(request).sign().base64();
        assertEquals(303, browser.postAcs(response).statusCode());
        SpClient attacker = new SpClient(URI.create(app.baseUrl()));
        assertRefused(attacker, attacker.postAcs(response), 403, "replayed_assertion");
        assertTrue(app.logMatches(Pattern.compile("No JCache provider for 'frontline-sso-replay-cache'")),
                "WildFly has no JCache at payara/CacheManager: the startup log says the state is per JVM");
    }

    @Test
    void noServerEndpointBypassesTheFilterChain() {
        // WildFly's MicroProfile OpenAPI would serve /openapi without login; the WAR's config switches it off.
        assertEquals(302, browser.get("/openapi").statusCode(), "/openapi is a protected path of the app");
        HttpResponse<String> health = browser.get(WildFlyApp.HEALTH_PATH, "application/json");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"UP\"}", health.body(), "the app's own /health (WildFly's is on the management port)");
    }

    @Test
    void apiClientsGet401Json() {
        ServiceProviderChecks.assertApiClientGets401Json(browser);
    }

    @Test
    void apiMeIsJsonBindingAsOnPayara() {
        // WildFly's RESTEasy would pick Jackson (pac4j's jars carry Jackson annotations) and write "name":null;
        // web.xml keeps JSON-B, which leaves absent values out, as on Payara.
        RedirectBinding request = browser.startLogin("/");
        assertEquals(303, browser.postAcs(answering(request).withoutAttribute("name").sign().base64()).statusCode());
        String me = browser.get("/api/me", "application/json").body();
        assertTrue(me.contains("\"email\":\"alice@example.com\"") && !me.contains("\"name\""), me);
        assertFalse(app.logMatches(Pattern.compile("WFLYRS0018")), "RESTEasy must not switch the WAR to Jackson");
    }

    @Test
    void logoutEndsTheSessionWithASignedLogoutRequestToTheIdp() {
        RedirectBinding request = browser.startLogin("/");
        assertEquals(303, browser.postAcs(answering(request).sessionIndex("idp-session-1").sign().base64()).statusCode());
        assertTrue(browser.hasSession());
        HttpResponse<String> logout = browser.get("/logout");
        assertEquals(302, logout.statusCode(), "to the IdP's single logout service");
        RedirectBinding logoutRequest = RedirectBinding.decode(logout.headers().firstValue("Location").orElseThrow());
        assertEquals(IDP_SLO, logoutRequest.endpoint());
        assertEquals("LogoutRequest", logoutRequest.message().getLocalName());
        assertTrue(logoutRequest.signatureVerifies(browser.spSigningCertificate()), "the LogoutRequest is signed with the SP key");
        assertFalse(browser.hasSession(), "after /logout the session is gone");

        LogoutForge idp = LogoutForge.signedBy(TestIdp.trusted());
        HttpResponse<String> landed = browser.get("/saml/slo?" + idp.redirectQuery(idp.logoutResponse(sloUrl(), logoutRequest.id()), true));
        assertEquals(302, landed.statusCode(), landed.body());
        assertTrue(landed.headers().firstValue("Location").orElse("").endsWith("/signed-out.html"), landed.headers().toString());
        assertEquals(200, browser.get("/signed-out.html").statusCode());
        assertEquals(302, browser.get("/").statusCode(), "a protected page sends the browser to the IdP again");
    }

    @Test
    void idpInitiatedLogoutEndsTheSessionHeldByTheBrowser() {
        RedirectBinding request = browser.startLogin("/");
        assertEquals(303, browser.postAcs(answering(request).sessionIndex("idp-session-2").sign().base64()).statusCode());
        SpClient idpFrontChannel = new SpClient(URI.create(app.baseUrl()));
        LogoutForge idp = LogoutForge.signedBy(TestIdp.trusted());
        HttpResponse<String> answer = idpFrontChannel.get("/saml/slo?" + idp.redirectQuery(
                idp.logoutRequest(sloUrl(), "alice@example.com", "idp-session-2"), true), "text/html");
        assertEquals(302, answer.statusCode(), answer.body());
        assertEquals("LogoutResponse", RedirectBinding.decode(answer.headers().firstValue("Location").orElseThrow())
                .message().getLocalName());
        assertFalse(browser.hasSession(), "the agent's session, held by another browser, has ended");
    }

    private String sloUrl() {
        return app.baseUrl() + "/saml/slo";
    }
}
