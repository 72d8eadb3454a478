package com.frontline.sso.server;

import static com.frontline.sso.server.Rejections.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Base64;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

import com.frontline.sso.testsupport.saml.LogoutForge;
import com.frontline.sso.testsupport.saml.RedirectBinding;
import com.frontline.sso.testsupport.saml.Saml;
import com.frontline.sso.testsupport.saml.SpClient;
import com.frontline.sso.testsupport.saml.TestIdp;

/** Single Logout on Payara Micro: SP-initiated and IdP-initiated, and every forged, unsigned or replayed logout refused. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SloIT {

    private static final String IDP_SLO = "https://idp.test.frontline.invalid/saml/slo";

    private SpClient agent;
    private SpClient idpFrontChannel;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ArquillianDeployment.builtWar();
    }

    @BeforeEach
    void clients() {
        agent = new SpClient(ArquillianDeployment.baseUrl());
        idpFrontChannel = new SpClient(ArquillianDeployment.baseUrl());
    }

    private String sloUrl() {
        return agent.baseUrl() + "/saml/slo";
    }

    /** Signs alice in with the given IdP SessionIndex. */
    private void signIn(SpClient client, String sessionIndex) {
        RedirectBinding request = client.startLogin("/");
        HttpResponse<String> acs = client.postAcs(TestIdp.trusted().response(client.spEntityId(), client.acsUrl())
                .inResponseTo(request.id()).sessionIndex(sessionIndex).sign().base64());
        assertEquals(303, acs.statusCode(), acs.body());
        assertTrue(client.hasSession());
    }

    private HttpResponse<String> getSlo(SpClient client, String query) {
        return client.get("/saml/slo?" + query, "text/html");
    }

    @Test
    void spInitiatedLogoutSendsASignedLogoutRequestAndLandsOnTheSignedOutPage() {
        signIn(agent, "idp-session-1");
        HttpResponse<String> logout = agent.get("/logout");
        assertEquals(302, logout.statusCode());
        RedirectBinding request = RedirectBinding.decode(logout.headers().firstValue("Location").orElseThrow());
        assertEquals(IDP_SLO, request.endpoint());
        Element logoutRequest = request.message();
        assertEquals("LogoutRequest", logoutRequest.getLocalName());
        assertEquals("alice@example.com", text(logoutRequest, "NameID"));
        assertEquals("idp-session-1", text(logoutRequest, "SessionIndex"));
        assertTrue(request.signatureVerifies(agent.spSigningCertificate()), "the LogoutRequest is signed with the SP key");
        assertFalse(agent.hasSession(), "the local session ends at once");

        String answer = LogoutForge.signedBy(TestIdp.trusted()).redirectQuery(
                LogoutForge.signedBy(TestIdp.trusted()).logoutResponse(sloUrl(), request.id()), true);
        HttpResponse<String> landed = getSlo(agent, answer);
        assertEquals(302, landed.statusCode(), landed.body());
        assertTrue(landed.headers().firstValue("Location").orElse("").endsWith("/signed-out.html"));
        assertRefused(agent, getSlo(agent, answer), 403, "replayed_assertion");
    }

    @Test
    void unsignedLogoutResponseIsRefused() {
        signIn(agent, "idp-session-2");
        RedirectBinding request = RedirectBinding.decode(agent.get("/logout").headers().firstValue("Location").orElseThrow());
        LogoutForge idp = LogoutForge.signedBy(TestIdp.trusted());
        assertRefused(agent, getSlo(agent, idp.redirectQuery(idp.logoutResponse(sloUrl(), request.id()), false)), 403,
                "missing_signature");
    }

    @Test
    void logoutResponseToNoRequestOfOursIsRefused() {
        LogoutForge idp = LogoutForge.signedBy(TestIdp.trusted());
        assertRefused(agent, getSlo(agent, idp.redirectQuery(idp.logoutResponse(sloUrl(), "_never-sent"), true)), 403,
                "invalid_in_response_to");
    }

    @Test
    void idpInitiatedLogoutEndsTheSessionAndIsAnsweredWithASignedLogoutResponse() {
        signIn(agent, "idp-session-3");
        LogoutForge idp = LogoutForge.signedBy(TestIdp.trusted());
        Element logoutRequest = idp.logoutRequest(sloUrl(), "alice@example.com", "idp-session-3");
        HttpResponse<String> answer = getSlo(idpFrontChannel, idp.redirectQuery(logoutRequest, true));
        assertEquals(302, answer.statusCode(), answer.body());
        RedirectBinding response = RedirectBinding.decode(answer.headers().firstValue("Location").orElseThrow());
        assertEquals(IDP_SLO, response.endpoint());
        assertEquals("LogoutResponse", response.message().getLocalName());
        assertEquals(logoutRequest.getAttribute("ID"), response.message().getAttribute("InResponseTo"));
        assertTrue(response.signatureVerifies(agent.spSigningCertificate()), "the LogoutResponse is signed with the SP key");
        assertFalse(agent.hasSession(), "the agent's session, held by another browser, has ended");
        assertEquals(401, agent.get("/api/me", "application/json").statusCode());
    }

    @Test
    void logoutRequestWithoutSessionIndexEndsEverySessionOfTheNameId() {
        signIn(agent, "idp-session-4");
        LogoutForge idp = LogoutForge.signedBy(TestIdp.trusted());
        assertEquals(302, getSlo(idpFrontChannel, idp.redirectQuery(idp.logoutRequest(sloUrl(), "alice@example.com", null), true))
                .statusCode());
        assertFalse(agent.hasSession());
    }

    @Test
    void forgedLogoutRequestIsRefusedAndEndsNothing() {
        signIn(agent, "idp-session-5");
        LogoutForge rogue = LogoutForge.signedBy(TestIdp.rogue());
        assertRefused(idpFrontChannel, getSlo(idpFrontChannel,
                rogue.redirectQuery(rogue.logoutRequest(sloUrl(), "alice@example.com", "idp-session-5"), true)), 403,
                "invalid_signature");
        assertTrue(agent.hasSession(), "a forged logout ends no session");
    }

    @Test
    void unsignedLogoutRequestIsRefused() {
        signIn(agent, "idp-session-6");
        LogoutForge idp = LogoutForge.signedBy(TestIdp.trusted());
        assertRefused(idpFrontChannel, getSlo(idpFrontChannel,
                idp.redirectQuery(idp.logoutRequest(sloUrl(), "alice@example.com", "idp-session-6"), false)), 403,
                "missing_signature");
        assertTrue(agent.hasSession());
    }

    @Test
    void unsignedLogoutRequestByPostIsRefused() {
        LogoutForge idp = LogoutForge.signedBy(TestIdp.trusted());
        String xml = Saml.toXml(idp.logoutRequest(sloUrl(), "alice@example.com", "x"));
        HttpResponse<String> response = idpFrontChannel.postForm(sloUrl(), "SAMLRequest="
                + java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(xml.getBytes()), java.nio.charset.StandardCharsets.UTF_8),
                "text/html");
        assertRefused(idpFrontChannel, response, 403, "missing_signature");
    }

    @Test
    void replayedLogoutRequestIsRefused() {
        LogoutForge idp = LogoutForge.signedBy(TestIdp.trusted());
        String query = idp.redirectQuery(idp.logoutRequest(sloUrl(), "nobody@example.com", "s"), true);
        assertEquals(302, getSlo(idpFrontChannel, query).statusCode());
        assertRefused(idpFrontChannel, getSlo(idpFrontChannel, query), 403, "replayed_assertion");
    }

    @Test
    void logoutRequestForAnotherEndpointIsRefused() {
        LogoutForge idp = LogoutForge.signedBy(TestIdp.trusted());
        assertRefused(idpFrontChannel, getSlo(idpFrontChannel,
                idp.redirectQuery(idp.logoutRequest("https://other.example.com/slo", "alice@example.com", "s"), true)), 403,
                "invalid_destination");
    }

    @Test
    void deflateBombIsRefusedWithoutInflatingIt() {
        String bomb = "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">" + " ".repeat(2 * 1024 * 1024)
                + "</samlp:LogoutRequest>";
        String query = "SAMLRequest=" + java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(LogoutForge.deflate(bomb)),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(query.length() < 64 * 1024, "the bomb itself is small: " + query.length());
        assertRefused(idpFrontChannel, getSlo(idpFrontChannel, query), 413, "message_too_large");
    }

    private static String text(Element root, String localName) {
        var nodes = root.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
