package com.frontline.sso.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.frontline.sso.testsupport.Dirs;
import com.frontline.sso.testsupport.FreePorts;
import com.frontline.sso.testsupport.ListenerWarmUpLog;
import com.frontline.sso.testsupport.PayaraMicroApp;
import com.frontline.sso.testsupport.TestEnvironment;
import com.frontline.sso.testsupport.saml.LogoutForge;
import com.frontline.sso.testsupport.saml.RedirectBinding;
import com.frontline.sso.testsupport.saml.ResponseForge;
import com.frontline.sso.testsupport.saml.SpClient;
import com.frontline.sso.testsupport.saml.TestIdp;
import com.frontline.sso.testsupport.saml.TestIdpApp;

/**
 * Two Payara Micro instances forming one data grid on loopback, behind an imaginary load balancer: both
 * serve the same base URL (node A's address stands for it) and share the SP key. Sessions, the replay cache,
 * outstanding AuthnRequests and Single Logout all work across nodes, and node B serves on when A stops.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private PayaraMicroApp nodeA;
    private PayaraMicroApp nodeB;
    private URI sharedBaseUrl;

    @BeforeAll
    void startTwoNodes() {
        Path work = Dirs.recreate(TestEnvironment.workDir().resolve("ClusterIT"));
        String cluster = "frontline-cluster-" + UUID.randomUUID().toString().substring(0, 8);
        int portA = FreePorts.pick();
        int portB = FreePorts.pick();
        sharedBaseUrl = URI.create("http://localhost:" + portA);
        Map<String, String> env = TestIdpApp.environment(sharedBaseUrl.toString(), work.resolve("shared-data"), Map.of());
        // A first: it generates the SP key that B then finds in the shared data directory.
        nodeA = PayaraMicroApp.startClustered(portA, cluster, env, work.resolve("node-a"));
        nodeB = PayaraMicroApp.startClustered(portB, cluster, env, work.resolve("node-b"));
    }

    @AfterAll
    void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    private SpClient browserOn(PayaraMicroApp node) {
        return new SpClient(sharedBaseUrl).onNode(URI.create(node.baseUrl()));
    }

    private static ResponseForge answering(SpClient browser, RedirectBinding request) {
        return TestIdp.trusted().response(browser.spEntityId(), browser.acsUrl()).inResponseTo(request.id());
    }

    @Test
    @Order(0)
    void eachNodeWarmedUpItsOwnListenerBeforeItWasReady() {
        for (PayaraMicroApp node : List.of(nodeA, nodeB)) {
            ListenerWarmUpLog.assertWarmedUpBeforeReady(node.logFile(), node.port(), PayaraMicroApp.READY_LINE);
        }
    }

    @Test
    @Order(1)
    void aLoginOnNodeAIsASessionOnNodeB() {
        SpClient onA = browserOn(nodeA);
        RedirectBinding request = onA.startLogin("/");
        assertEquals(303, onA.postAcs(answering(onA, request).sign().base64()).statusCode());
        SpClient onB = onA.onNode(URI.create(nodeB.baseUrl()));
        HttpResponse<String> me = onB.get("/api/me", "application/json");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("alice@example.com"), me.body());
    }

    @Test
    @Order(2)
    void anAuthnRequestIssuedByNodeAIsAnsweredAtNodeB() {
        SpClient onA = browserOn(nodeA);
        RedirectBinding request = onA.startLogin("/index.html?from=a");
        SpClient onB = onA.onNode(URI.create(nodeB.baseUrl()));
        HttpResponse<String> acs = onB.postAcs(answering(onB, request).sign().base64());
        assertEquals(303, acs.statusCode(), acs.body());
        assertTrue(acs.headers().firstValue("Location").orElse("").endsWith("/index.html?from=a"),
                "node B knows the page node A saved with the request");
        assertTrue(onB.hasSession());
    }

    @Test
    @Order(3)
    void aResponseAcceptedByNodeAIsRefusedAsReplayAtNodeB() {
        SpClient onA = browserOn(nodeA);
        String response = answering(onA, onA.startLogin("/")).sign().base64();
        assertEquals(303, onA.postAcs(response).statusCode());
        SpClient attackerOnB = browserOn(nodeB);
        HttpResponse<String> replay = attackerOnB.postAcs(response);
        assertEquals(403, replay.statusCode());
        assertTrue(replay.body().contains("replayed_assertion"), replay.body());
        assertFalse(attackerOnB.hasSession());
    }

    @Test
    @Order(4)
    void anIdpLogoutReceivedByNodeBEndsTheSessionCreatedOnNodeA() {
        SpClient onA = browserOn(nodeA);
        RedirectBinding request = onA.startLogin("/");
        assertEquals(303, onA.postAcs(answering(onA, request).sessionIndex("cluster-session-4").sign().base64()).statusCode());
        assertTrue(onA.hasSession());

        LogoutForge idp = LogoutForge.signedBy(TestIdp.trusted());
        String query = idp.redirectQuery(idp.logoutRequest(sharedBaseUrl + "/saml/slo", "alice@example.com", "cluster-session-4"), true);
        HttpResponse<String> answer = browserOn(nodeB).get("/saml/slo?" + query, "text/html");
        assertEquals(302, answer.statusCode(), answer.body());
        assertFalse(onA.hasSession(), "node A refuses the session that the IdP ended through node B");
    }

    @Test
    @Order(5)
    void whenNodeAStopsNodeBStillServesItsSessions() {
        SpClient onA = browserOn(nodeA);
        RedirectBinding request = onA.startLogin("/");
        assertEquals(303, onA.postAcs(answering(onA, request).sign().base64()).statusCode());
        SpClient onB = onA.onNode(URI.create(nodeB.baseUrl()));
        assertTrue(onB.hasSession());
        nodeA.close();
        nodeA = null;
        HttpResponse<String> me = onB.get("/api/me", "application/json");
        assertEquals(200, me.statusCode(), "the session survives the loss of the node that created it: " + me.body());
        assertEquals(200, onB.get("/", "text/html").statusCode(), "and protected pages are still served");
    }
}
