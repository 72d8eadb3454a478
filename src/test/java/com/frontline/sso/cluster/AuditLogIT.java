package com.frontline.sso.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
import com.frontline.sso.testsupport.saml.ForgedResponse;
import com.frontline.sso.testsupport.saml.SpClient;
import com.frontline.sso.testsupport.saml.TestIdp;
import com.frontline.sso.testsupport.saml.TestIdpApp;

/**
 * What an administrator reads in the server log: exactly one JSON audit line per login and per refusal, with
 * the error code, the detail, the issuer and NameID the message claimed, the client and the request id that
 * the error page shows as its reference.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogIT {

    private static final Pattern AUDIT_LINE = Pattern.compile("\\{\"time\":\"[^}]*\\}");

    private PayaraMicroApp app;

    @BeforeAll
    void start() {
        Path work = Dirs.recreate(TestEnvironment.workDir().resolve("AuditLogIT"));
        int port = FreePorts.pick();
        app = PayaraMicroApp.start(port, TestIdpApp.environment(port, work.resolve("data")), List.of(), work);
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

    @Test
    void everyRefusalIsExactlyOneAuditLineWithItsCodeAndReference() throws Exception {
        SpClient browser = browser();
        String requestId = "audit-" + UUID.randomUUID();
        String forged = TestIdp.trusted().response(browser.spEntityId(), browser.acsUrl())
                .inResponseTo(browser.startLogin("/").id()).audience("https://other-app.example.com").sign().base64();
        var answer = browser.postAcsWithRequestId(forged, requestId);
        assertEquals(403, answer.statusCode());
        assertTrue(answer.body().contains(requestId), "the error page shows the reference: " + answer.body());

        List<String> lines = awaitAuditLines(requestId, 1);
        String line = lines.get(0);
        assertTrue(line.contains("\"event\":\"saml_rejected\""), line);
        assertTrue(line.contains("\"code\":\"invalid_audience\""), line);
        assertTrue(line.contains("\"detail\":\""), line);
        assertTrue(line.contains("\"issuer\":\"" + TestIdp.ENTITY_ID + "\""), line);
        assertTrue(line.contains("\"nameId\":\"alice@example.com\""), line);
        assertTrue(line.contains("\"client\":\"127.0.0.1\""), line);
        assertFalse(app.logMatches(Pattern.compile("SAMLAssertionAudienceException|continue with the next one")),
                "the audit line is the refusal's only record: no library stack trace in the server log");
    }

    @Test
    void malformedInputIsAuditedToo() throws Exception {
        String requestId = "audit-" + UUID.randomUUID();
        var answer = browser().postAcsWithRequestId(ForgedResponse.encode("<not-saml/>"), requestId);
        assertEquals(400, answer.statusCode());
        assertTrue(awaitAuditLines(requestId, 1).get(0).contains("\"code\":\"malformed_message\""));
    }

    @Test
    void aLoginIsExactlyOneAuditLine() throws Exception {
        SpClient browser = browser();
        String requestId = "audit-" + UUID.randomUUID();
        String response = TestIdp.trusted().response(browser.spEntityId(), browser.acsUrl())
                .inResponseTo(browser.startLogin("/").id()).sign().base64();
        assertEquals(303, browser.postAcsWithRequestId(response, requestId).statusCode());
        String line = awaitAuditLines(requestId, 1).get(0);
        assertTrue(line.contains("\"event\":\"login\"") && line.contains("\"email\":\"alice@example.com\""), line);
    }

    /** The audit lines of one request id, once the expected number appeared (the log is written asynchronously). */
    private List<String> awaitAuditLines(String requestId, int expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> found;
        do {
            Thread.sleep(200);
            found = auditLines(requestId);
        } while (found.size() < expected && System.nanoTime() < deadline);
        Thread.sleep(500);
        found = auditLines(requestId);
        assertEquals(expected, found.size(), "exactly " + expected + " audit line(s) for request " + requestId + ": " + found);
        return found;
    }

    private List<String> auditLines(String requestId) throws IOException {
        String log = Files.readString(app.logFile());
        Matcher matcher = AUDIT_LINE.matcher(log);
        List<String> lines = new java.util.ArrayList<>();
        while (matcher.find()) {
            if (matcher.group().contains("\"requestId\":\"" + requestId + "\"")) {
                lines.add(matcher.group());
            }
        }
        return lines;
    }
}
