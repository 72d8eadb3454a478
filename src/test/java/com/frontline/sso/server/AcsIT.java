package com.frontline.sso.server;

import static com.frontline.sso.server.Rejections.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.frontline.sso.testsupport.saml.ForgedResponse;
import com.frontline.sso.testsupport.saml.RedirectBinding;
import com.frontline.sso.testsupport.saml.ResponseForge;
import com.frontline.sso.testsupport.saml.SpClient;
import com.frontline.sso.testsupport.saml.TestIdp;

/**
 * The SP on stock Payara Micro, driven over HTTP with responses forged and signed by a test IdP key:
 * metadata, the signed AuthnRequest, a valid login, and the bad messages of the first issue.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AcsIT {

    private static final String DEEP_LINK = "/index.html?tab=queue&filter=open";

    private SpClient browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ArquillianDeployment.builtWarWithExistingPage();
    }

    @BeforeEach
    void newBrowser() {
        browser = new SpClient(ArquillianDeployment.baseUrl());
    }

    private ResponseForge answering(RedirectBinding request) {
        return TestIdp.trusted().response(browser.spEntityId(), browser.acsUrl()).inResponseTo(request.id());
    }

    @Test
    void metadataDescribesTheSp() {
        ServiceProviderChecks.assertMetadataDescribesTheSp(browser);
    }

    @Test
    void unauthenticatedBrowserIsSentToTheIdpWithASignedAuthnRequest() {
        RedirectBinding request = browser.startLogin(DEEP_LINK);
        assertEquals("https://idp.test.frontline.invalid/saml/sso", request.endpoint());
        assertEquals("https://idp.test.frontline.invalid/saml/sso", request.message().getAttribute("Destination"));
        ServiceProviderChecks.assertSignedAuthnRequest(browser, request);
    }


    @Test
    void apiClientsGet401JsonInsteadOfARedirect() {
        ServiceProviderChecks.assertApiClientGets401Json(browser);
    }

    @Test
    void validResponseLandsOnTheDeepLinkWithASession() {
        RedirectBinding request = browser.startLogin(DEEP_LINK);
        HttpResponse<String> acs = browser.postAcs(answering(request).sign().base64());
        assertEquals(303, acs.statusCode(), acs.body());
        assertEquals(DEEP_LINK, acs.headers().firstValue("Location").map(ArquillianDeploymentUrls::path).orElse(""));
        String cookie = acs.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly") && cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), "session cookie flags: " + cookie);
        // The base URL is http here: a Secure cookie would never come back (the https case: TlsTerminatingProxyIT).
        assertTrue(!cookie.toLowerCase(java.util.Locale.ROOT).contains("secure"), "no Secure flag over http: " + cookie);

        HttpResponse<String> me = browser.get("/api/me", "application/json");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"email\":\"alice@example.com\""), me.body());
        assertTrue(me.body().contains("\"roles\":[\"agent\"]"), me.body());
        assertTrue(me.body().contains("\"name\":\"Alice Agent\""), me.body());
        assertTrue(me.body().contains("\"idp\":\"" + TestIdp.ENTITY_ID + "\""), me.body());
        assertEquals(200, browser.get(DEEP_LINK).statusCode(), "the protected page is served");
    }

    @Test
    void everyPageRefusesFramingAndOnlyProtectedPagesRefuseCaching() {
        RedirectBinding request = browser.startLogin("/index.html");
        assertEquals(303, browser.postAcs(answering(request).sign().base64()).statusCode());

        HttpResponse<String> app = browser.get("/index.html");
        assertEquals(200, app.statusCode());
        assertAntiFraming(app);
        assertTrue(app.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
                "a page with the agent's data is not stored: " + app.headers().map());

        HttpResponse<String> signedOut = browser.get("/signed-out.html");
        assertEquals(200, signedOut.statusCode());
        assertAntiFraming(signedOut);
        assertTrue(signedOut.headers().firstValue("Cache-Control").isEmpty(), "a public page stays cacheable: " + signedOut.headers().map());
        assertAntiFraming(new SpClient(ArquillianDeployment.baseUrl()).get("/login"));
    }

    @Test
    void libraryJarsAreStoredInTheWarSoAServerCopiesThemInsteadOfInflatingThem() throws IOException {
        try (ZipFile war = new ZipFile(ArquillianDeployment.builtWarFile())) {
            List<ZipEntry> jars = war.stream().filter(entry -> entry.getName().startsWith("WEB-INF/lib/")
                    && entry.getName().endsWith(".jar")).map(ZipEntry.class::cast).toList();
            assertTrue(jars.size() > 10, "library jars: " + jars);
            assertEquals(List.of(), jars.stream().filter(jar -> jar.getMethod() != ZipEntry.STORED).map(ZipEntry::getName).toList(),
                    "deflated a second time (see src/build/StoredLibraryJars.java)");
        }
    }

    @Test
    void payaraScanMarkersCoverEveryLibraryAndAnswerAsPathsThatDoNotExist() throws IOException {
        List<String> markers;
        try (ZipFile war = new ZipFile(ArquillianDeployment.builtWarFile())) {
            Set<String> entries = war.stream().map(ZipEntry::getName).collect(Collectors.toSet());
            List<String> jars = entries.stream().filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")).toList();
            markers = jars.stream().map(jar -> jar.replace("/", "__").replaceFirst("\\.jar$", "_jar")).toList();
            assertTrue(jars.size() > 10, "library jars: " + jars);
            assertTrue(entries.containsAll(markers), "a marker for every library jar (Payara then skips its class model): "
                    + markers.stream().filter(marker -> !entries.contains(marker)).toList());
        }
        String marker = "/" + markers.get(0);
        HttpResponse<String> before = browser.get(marker);
        assertEquals(302, before.statusCode(), "before login, like any page: to the IdP");
        assertEquals(idpEndpoint(browser.get("/no-such-page")), idpEndpoint(before));
        RedirectBinding request = browser.startLogin("/index.html");
        assertEquals(303, browser.postAcs(answering(request).sign().base64()).statusCode());
        HttpResponse<String> signedIn = browser.get(marker);
        assertEquals(404, signedIn.statusCode(), "signed in: " + signedIn.body());
        assertEquals(404, browser.get("/no-such-page").statusCode());
        assertEquals(200, browser.get("/index.html").statusCode());
    }

    private static String idpEndpoint(HttpResponse<String> redirect) {
        return redirect.headers().firstValue("Location").map(location -> location.split("\\?")[0]).orElse("no redirect");
    }

    private static void assertAntiFraming(HttpResponse<String> page) {
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null), "anti-framing: " + page.headers().map());
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(null), "nosniff: " + page.headers().map());
        // The base URL is http here; the https case: TlsTerminatingProxyIT.
        assertTrue(page.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over http: " + page.headers().map());
    }

    @Test
    void timestampsInWholeSecondsAreUnderstood() {
        RedirectBinding request = browser.startLogin("/");
        java.time.Instant idpSessionEnd = java.time.Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        HttpResponse<String> acs = browser.postAcs(answering(request).sessionNotOnOrAfter(idpSessionEnd).sign().base64());
        assertEquals(303, acs.statusCode(), acs.body());
        assertTrue(browser.get("/api/me", "application/json").body().contains("\"sessionExpiresAt\":\"" + idpSessionEnd + "\""));
    }

    @Test
    void existingServletCodeSeesTheAgentThroughTheServletApi() {
        RedirectBinding request = browser.startLogin("/probe/principal");
        assertEquals(303, browser.postAcs(answering(request).sign().base64()).statusCode());
        String page = browser.get("/probe/principal", "text/plain").body();
        assertTrue(page.contains("principal=alice@example.com"), page);
        assertTrue(page.contains("principalType=AgentPrincipal"), page);
        assertTrue(page.contains("remoteUser=alice@example.com"), page);
        assertTrue(page.contains("agent=true") && page.contains("supervisor=false"), page);
        assertTrue(page.contains("maxInactiveInterval=1800"), "sso.session.idle (default 30 min) is the session timeout: " + page);
    }

    @Test
    void rolesSentAsRepeatedAttributesAreMerged() {
        RedirectBinding request = browser.startLogin("/");
        HttpResponse<String> acs = browser.postAcs(answering(request).attribute("roles", "supervisor", "agent")
                .repeatedAttributes().sign().base64());
        assertEquals(303, acs.statusCode(), acs.body());
        String me = browser.get("/api/me", "application/json").body();
        assertTrue(me.contains("\"roles\":[\"supervisor\",\"agent\"]"), me);
    }

    @Test
    void userWithoutTheAgentRoleGetsA403PageAndNothingOfTheApp() {
        RedirectBinding request = browser.startLogin("/");
        browser.postAcs(answering(request).attribute("email", "bob@example.com").nameId("bob@example.com",
                "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress").attribute("roles", "supervisor").sign().base64());
        HttpResponse<String> page = browser.get("/");
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("'agent' role") && page.body().contains("role_missing"), page.body());
        assertTrue(!page.body().contains("Agent console"), "nothing of the app is served");
        HttpResponse<String> api = browser.get("/api/me", "application/json");
        assertEquals(403, api.statusCode());
        assertTrue(api.body().contains("\"error\":\"role_missing\""), api.body());
    }

    @Test
    void tamperedResponseIsRefused() {
        RedirectBinding request = browser.startLogin("/");
        String xml = answering(request).sign().xml().replace("alice@example.com", "mallory@example.com");
        assertRefused(browser, browser.postAcs(ForgedResponse.encode(xml)), 403, "invalid_signature");
    }

    @Test
    void unsignedResponseIsRefused() {
        RedirectBinding request = browser.startLogin("/");
        assertRefused(browser, browser.postAcs(answering(request).signResponse(false).signAssertion(false).sign().base64()),
                403, "missing_signature");
    }

    @Test
    void expiredResponseIsRefused() {
        RedirectBinding request = browser.startLogin("/");
        assertRefused(browser, browser.postAcs(answering(request).clockShift(Duration.ofMinutes(-20)).sign().base64()),
                403, "invalid_assertion_time");
    }

    @Test
    void wrongAudienceIsRefused() {
        RedirectBinding request = browser.startLogin("/");
        assertRefused(browser, browser.postAcs(answering(request).audience("https://other-app.example.com").sign().base64()),
                403, "invalid_audience");
    }

    @Test
    void wrongDestinationIsRefused() {
        RedirectBinding request = browser.startLogin("/");
        assertRefused(browser, browser.postAcs(answering(request).destination("https://other-app.example.com/acs").sign().base64()),
                403, "invalid_destination");
    }

    @Test
    void responseWithoutEmailIsRefusedWithAClearPage() {
        RedirectBinding request = browser.startLogin("/");
        assertRefused(browser, browser.postAcs(answering(request).withoutAttribute("email")
                .nameId("opaque-id-123", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent").sign().base64()),
                403, "missing_email");
    }

    @Test
    void replayedResponseIsRefused() {
        RedirectBinding request = browser.startLogin("/");
        String response = answering(request).sign().base64();
        assertEquals(303, browser.postAcs(response).statusCode());
        SpClient attacker = new SpClient(ArquillianDeployment.baseUrl());
        HttpResponse<String> replay = attacker.postAcs(response);
        assertRefused(attacker, replay, 403, "replayed_assertion");
    }

    @Test
    void logoutEndsTheSession() {
        RedirectBinding request = browser.startLogin("/");
        browser.postAcs(answering(request).sign().base64());
        assertTrue(browser.hasSession());
        HttpResponse<String> logout = browser.get("/logout");
        assertEquals(302, logout.statusCode(), "to the IdP's single logout service (see SloIT)");
        assertEquals(200, browser.get("/signed-out.html").statusCode());
        assertTrue(!browser.hasSession(), "after /logout the session is gone");
        assertEquals(302, browser.get("/").statusCode(), "a protected page sends the browser to the IdP again");
    }
}
