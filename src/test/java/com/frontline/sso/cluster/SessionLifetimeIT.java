package com.frontline.sso.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.frontline.sso.testsupport.Dirs;
import com.frontline.sso.testsupport.FreePorts;
import com.frontline.sso.testsupport.PayaraMicroApp;
import com.frontline.sso.testsupport.TestEnvironment;
import com.frontline.sso.testsupport.saml.RedirectBinding;
import com.frontline.sso.testsupport.saml.ResponseForge;
import com.frontline.sso.testsupport.saml.SpClient;
import com.frontline.sso.testsupport.saml.TestIdp;
import com.frontline.sso.testsupport.saml.TestIdpApp;

/**
 * Sessions end when they should: at sso.session.max (here 8 s) or earlier at the IdP's SessionNotOnOrAfter;
 * then a browser is sent to the IdP and back to the page it asked for, an API client gets 401. Every login
 * issues a new session ID.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionLifetimeIT {

    private static final Duration MAX_SESSION = Duration.ofSeconds(8);
    private static final Pattern EXPIRES = Pattern.compile("\"sessionExpiresAt\":\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    private PayaraMicroApp app;

    @BeforeAll
    void start() {
        Path work = Dirs.recreate(TestEnvironment.workDir().resolve("SessionLifetimeIT"));
        int port = FreePorts.pick();
        app = PayaraMicroApp.start(port, TestIdpApp.environment("http://localhost:" + port, work.resolve("data"),
                Map.of("SSO_SESSION_MAX", MAX_SESSION.toSeconds() + "s")), java.util.List.of(), work);
        // The first login of a fresh JVM (here and in the server) takes seconds; keep that out of the timed windows.
        SpClient warmUp = browser();
        login(warmUp, warmUp.startLogin("/"), alice(warmUp));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private SpClient browser() {
        return new SpClient(URI.create(app.baseUrl()));
    }

    private static HttpResponse<String> login(SpClient browser, RedirectBinding request, ResponseForge forge) {
        HttpResponse<String> acs = browser.postAcs(forge.inResponseTo(request.id()).sign().base64());
        assertEquals(303, acs.statusCode(), acs.body());
        return acs;
    }

    private static ResponseForge alice(SpClient browser) {
        return TestIdp.trusted().response(browser.spEntityId(), browser.acsUrl());
    }

    private static Instant sessionExpiresAt(SpClient browser) {
        String me = browser.get("/api/me", "application/json").body();
        Matcher matcher = EXPIRES.matcher(me);
        assertTrue(matcher.find(), me);
        return Instant.parse(matcher.group(1));
    }

    private static void sleepUntilAfter(Instant instant) throws InterruptedException {
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), instant).toMillis()) + 1500);
    }

    @Test
    void theSessionEndsAtTheMaximumAndTheBrowserReturnsToItsPageAfterLoggingInAgain() throws InterruptedException {
        SpClient browser = browser();
        Instant before = Instant.now();
        login(browser, browser.startLogin("/"), alice(browser));
        Instant expires = sessionExpiresAt(browser);
        assertTrue(!expires.isBefore(before.plus(MAX_SESSION)) && expires.isBefore(Instant.now().plus(MAX_SESSION)),
                "sessionExpiresAt is login time + sso.session.max: " + expires);

        sleepUntilAfter(expires);
        assertEquals(401, browser.get("/api/me", "application/json").statusCode(), "an API client gets 401");
        RedirectBinding again = browser.startLogin("/index.html?tab=queue");
        HttpResponse<String> acs = login(browser, again, alice(browser));
        assertTrue(acs.headers().firstValue("Location").orElse("").endsWith("/index.html?tab=queue"), "back to the page asked for");
    }

    @Test
    void theIdpsSessionNotOnOrAfterEndsTheSessionEarlier() throws InterruptedException {
        SpClient browser = browser();
        RedirectBinding request = browser.startLogin("/");
        Instant idpLimit = Instant.now().plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        login(browser, request, alice(browser).sessionNotOnOrAfter(idpLimit));
        assertEquals(idpLimit, sessionExpiresAt(browser));
        sleepUntilAfter(idpLimit);
        assertEquals(302, browser.get("/").statusCode(), "a browser is sent to the IdP again");
    }

    @Test
    void everyLoginIssuesANewSessionId() {
        SpClient browser = browser();
        String first = sessionId(login(browser, browser.startLogin("/"), alice(browser)));
        // A second login in the same browser (answering a request that another tab started).
        RedirectBinding otherTab = browser().startLogin("/");
        String second = sessionId(login(browser, otherTab, alice(browser)));
        assertNotEquals(first, second, "no session fixation: the session ID changes at login");
    }

    private static String sessionId(HttpResponse<String> response) {
        String cookies = String.join(";", response.headers().allValues("Set-Cookie"));
        Matcher matcher = SESSION_COOKIE.matcher(cookies);
        assertTrue(matcher.find(), "the login sets a session cookie: " + cookies);
        return matcher.group(1);
    }
}
