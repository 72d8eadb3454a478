package com.frontline.sso.server;

import static com.frontline.sso.server.Rejections.assertRefused;
import static com.frontline.sso.testsupport.saml.SamlDom.assertionOf;
import static com.frontline.sso.testsupport.saml.SamlDom.removeSignature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Element;

import com.frontline.sso.testsupport.saml.ForgedResponse;
import com.frontline.sso.testsupport.saml.HostileXml;
import com.frontline.sso.testsupport.saml.IdpStyle;
import com.frontline.sso.testsupport.saml.ResponseForge;
import com.frontline.sso.testsupport.saml.Saml;
import com.frontline.sso.testsupport.saml.SamlDom;
import com.frontline.sso.testsupport.saml.SignatureWrapping;
import com.frontline.sso.testsupport.saml.SignatureWrapping.Variant;
import com.frontline.sso.testsupport.saml.SpClient;
import com.frontline.sso.testsupport.saml.TestIdp;

/**
 * The attack suite: messages forged with OpenSAML and posted to the SP running on Payara Micro, one test per
 * attack. Every refusal is checked the same way ({@link Rejections#assertRefused}): the status, the error code
 * on the page, no session afterwards, and the server still serving. Unless a test says otherwise, each message
 * answers a fresh AuthnRequest of the browser, so it is refused for the attack and not for being unsolicited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AttackSuiteIT {

    private static final String DEEP_LINK = "/index.html?tab=queue";
    private static final String OTHER_APP = "https://other-app.example.com";
    /** What the structure check says of a second assertion, a duplicate ID, or a signature over another element. */
    private static final String WRAPPED = "invalid_structure";
    /**
     * A Signature holding anything but ds:Object after its KeyInfo is no XML Signature: OpenSAML (Santuario) cannot
     * even unmarshal the message, so it is refused before the structure check.
     */
    private static final String UNREADABLE_SIGNATURE = "malformed_message";

    private SpClient browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ArquillianDeployment.builtWar();
    }

    @BeforeEach
    void newBrowser() {
        browser = new SpClient(ArquillianDeployment.baseUrl());
    }

    // XML Signature Wrapping: the SP must read its user from the element the signature covers, or refuse.

    @Test
    void xsw1EvilResponseWrapsTheSignedOriginalInsideItsSignature() {
        assertWrappingRefused(Variant.XSW1, UNREADABLE_SIGNATURE);
    }

    @Test
    void xsw2EvilResponseCarriesTheSignedOriginalBeforeItsSignature() {
        assertWrappingRefused(Variant.XSW2, WRAPPED);
    }

    @Test
    void xsw3EvilAssertionInsertedBeforeTheSignedOne() {
        assertWrappingRefused(Variant.XSW3, WRAPPED);
    }

    @Test
    void xsw4EvilAssertionContainsTheSignedOne() {
        assertWrappingRefused(Variant.XSW4, WRAPPED);
    }

    @Test
    void xsw5SignedAssertionTurnedEvilWithTheOriginalAppended() {
        assertWrappingRefused(Variant.XSW5, WRAPPED);
    }

    @Test
    void xsw6SignedAssertionTurnedEvilWithTheOriginalInsideItsSignature() {
        assertWrappingRefused(Variant.XSW6, UNREADABLE_SIGNATURE);
    }

    @Test
    void xsw7EvilAssertionInAnExtensionsElement() {
        assertWrappingRefused(Variant.XSW7, WRAPPED);
    }

    @Test
    void xsw8SignedAssertionTurnedEvilWithTheOriginalInADsigObject() {
        assertWrappingRefused(Variant.XSW8, WRAPPED);
    }

    // Signatures: present, trusted, intact, over what the SP reads, with a strong algorithm.

    @Test
    void signatureRemoved() {
        ForgedResponse signed = IdpStyle.OKTA.shape(answer()).sign();
        removeSignature(assertionOf(signed.dom()));
        removeSignature(signed.dom());
        assertXmlRefused(signed.xml(), 403, "missing_signature");
    }

    @Test
    void assertionSignatureRemovedWhileTheResponseIsUnsigned() {
        ForgedResponse signed = IdpStyle.ENTRA.shape(answer()).sign();
        removeSignature(assertionOf(signed.dom()));
        assertXmlRefused(signed.xml(), 403, "missing_signature");
    }

    @Test
    void signedByAnUnknownKeyWithItsCertificateEmbedded() {
        assertRefused(browser, browser.postAcs(answer().signedBy(TestIdp.rogue()).embedCertificate(true).sign().base64()),
                403, "invalid_signature");
    }

    @Test
    void corruptedSignatureValue() {
        ForgedResponse signed = IdpStyle.GOOGLE.shape(answer()).sign();
        SamlDom.corruptSignatureValue(signed.dom());
        assertXmlRefused(signed.xml(), 403, "invalid_signature");
    }

    /** Found by the fuzz test: OpenSAML let the base64 error escape its trust engine, answered as authentication_failed. */
    @Test
    void signatureValueThatIsNotBase64() {
        ForgedResponse signed = IdpStyle.GOOGLE.shape(answer()).sign();
        SamlDom.signaturePart(signed.dom(), "SignatureValue").setTextContent("AAAAA");
        assertXmlRefused(signed.xml(), 403, "invalid_signature");
    }

    /**
     * Found by the fuzz test: an embedded certificate that is not DER broke pac4j's trust engine (authentication_failed).
     * The KeyInfo is outside what the IdP signed, and only the metadata's keys verify a signature, so the SP does not
     * read it: the response the IdP signed is accepted, as the agent it names.
     */
    @Test
    void embeddedCertificateThatIsNotDerIsNotRead() {
        ForgedResponse signed = IdpStyle.GOOGLE.shape(answer()).sign();
        SamlDom.signaturePart(signed.dom(), "X509Certificate").setTextContent("MIIB");
        HttpResponse<String> acs = browser.postAcs(ForgedResponse.encode(signed.xml()));
        assertEquals(303, acs.statusCode(), acs.body());
        assertTrue(browser.hasSession());
    }

    /** A message cannot make its own key trusted by naming the IdP's certificate in its KeyInfo. */
    @Test
    void signedByAnUnknownKeyThatEmbedsTheIdpCertificate() throws Exception {
        ForgedResponse signed = answer().signedBy(TestIdp.rogue()).embedCertificate(true).sign();
        String idpCertificate = Base64.getEncoder().encodeToString(TestIdp.trusted().credential().getEntityCertificate().getEncoded());
        SamlDom.signaturePart(signed.dom(), "X509Certificate").setTextContent(idpCertificate);
        assertXmlRefused(signed.xml(), 403, "invalid_signature");
    }

    @Test
    void emailChangedAfterSigning() {
        ForgedResponse signed = answer().signResponse(false).sign();
        SamlDom.attributeValues(signed.dom(), "email").get(0).setTextContent(SignatureWrapping.EVIL_EMAIL);
        assertXmlRefused(signed.xml(), 403, "invalid_signature");
    }

    @Test
    void agentRoleAddedAfterSigning() {
        ForgedResponse signed = answer().signAssertion(false).attribute("roles", "supervisor").sign();
        SamlDom.addAttributeValue(signed.dom(), "roles", "agent");
        assertXmlRefused(signed.xml(), 403, "invalid_signature");
    }

    /**
     * The IdP signs {@code alice@example.com.evil.com}; the attacker adds a comment after {@code alice@example.com}.
     * Exclusive c14n without comments drops the comment, so the signature still verifies. What happens: the SP's
     * parser ignores comments and joins the text, so the session is alice@example.com.evil.com, the value the IdP
     * signed, never the shortened alice@example.com.
     */
    @Test
    void commentInjectionCannotShortenTheEmail() {
        String signedEmail = "alice@example.com.evil.com";
        String xml = answer().nameId(signedEmail, NameIDType.EMAIL).attribute("email", signedEmail).sign().xml();
        String injected = xml.replace(">" + signedEmail + "<", ">alice@example.com<!---->.evil.com<");
        assertTrue(injected.contains("<!---->"), "the comment is injected");

        HttpResponse<String> acs = browser.postAcs(ForgedResponse.encode(injected));

        assertEquals(303, acs.statusCode(), acs.body());
        SignedInAgent.assertSignedInAs(browser, signedEmail, List.of("agent"));
    }

    @Test
    void rsaSha1Signature() {
        assertRefused(browser, browser.postAcs(answer().algorithms(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1,
                SignatureConstants.ALGO_ID_DIGEST_SHA1).sign().base64()), 403, "weak_algorithm");
    }

    // Conditions: time, audience, addresses, issuer.

    @Test
    void expired() {
        assertSignedRefused(answer().lifetime(Duration.ofMinutes(-2)), 403, "invalid_assertion_time");
    }

    @Test
    void notYetValid() {
        assertSignedRefused(answer().clockShift(Duration.ofMinutes(10)), 403, "invalid_assertion_time");
    }

    @Test
    void wrongAudience() {
        assertSignedRefused(answer().audience(OTHER_APP + "/saml/metadata"), 403, "invalid_audience");
    }

    @Test
    void wrongRecipient() {
        assertSignedRefused(answer().recipient(OTHER_APP + "/saml/acs"), 403, "invalid_destination");
    }

    @Test
    void wrongDestination() {
        assertSignedRefused(answer().destination(OTHER_APP + "/saml/acs"), 403, "invalid_destination");
    }

    @Test
    void wrongIssuer() {
        assertSignedRefused(answer().issuer("https://idp.evil.example/saml"), 403, "invalid_issuer");
    }

    // Request and response pairing.

    @Test
    void unknownInResponseTo() {
        assertSignedRefused(unsolicited().inResponseTo(Saml.newId()), 403, "invalid_in_response_to");
    }

    @Test
    void unsolicitedWhileIdpInitiatedLoginIsDisabled() {
        assertSignedRefused(unsolicited(), 403, "unsolicited_response");
    }

    @Test
    void replayAfterLogout() {
        String response = answer().sign().base64();
        assertEquals(303, browser.postAcs(response).statusCode());
        assertEquals(302, browser.get("/logout").statusCode());
        assertRefused(browser, browser.postAcs(response), 403, "replayed_assertion");
    }

    @Test
    void failedStatusWithAnAssertion() {
        assertSignedRefused(answer().status(StatusCode.RESPONDER), 403, "invalid_status");
    }

    /** Found by the fuzz test: pac4j dereferenced the missing AuthnContext before checking the assertion's signature. */
    @Test
    void authnStatementWithoutAuthnContext() {
        ForgedResponse signed = answer().signResponse(false).sign();
        Element authnContext = SamlDom.first(signed.dom(), SamlDom.SAML_NS, "AuthnContext");
        authnContext.getParentNode().removeChild(authnContext);
        assertXmlRefused(signed.xml(), 400, "invalid_structure");
    }

    @Test
    void appendedUnsignedAssertion() {
        assertXmlRefused(SignatureWrapping.appendEvilAssertion(answer().sign()), 400, "invalid_structure");
    }

    // Parser and decoder attacks: refused before any XML parser or inflater sees the message.

    @Test
    void xxe() {
        HttpResponse<String> response = browser.postAcs(ForgedResponse.encode(withXxe(answer())));
        assertRefusedBeforeParsing(response);
        assertFalse(response.body().contains("root:"), "no file content is echoed");
    }

    /** The DOCTYPE check reads the bytes before any parser: a declaration in another encoding the parser reads is refused too. */
    @Test
    void xxeInAnotherEncoding() {
        String xml = withXxe(answer());
        for (byte[] encoded : List.of(HostileXml.encoded(xml, StandardCharsets.UTF_16BE, "UTF-16", true),
                HostileXml.encoded(xml, StandardCharsets.UTF_16LE, "UTF-16", false),
                HostileXml.encoded(xml, Charset.forName("UTF-32BE"), "UTF-32", false),
                HostileXml.encoded(xml, Charset.forName("IBM037"), "IBM037", false))) {
            assertRefusedBeforeParsing(browser.postAcs(Base64.getEncoder().encodeToString(encoded)));
        }
    }

    @Test
    void billionLaughs() {
        String xml = HostileXml.referencingEntity(answer().sign().xml(), IdpStyle.EMAIL, "lol9");
        assertRefusedBeforeParsing(browser.postAcs(ForgedResponse.encode(HostileXml.withDoctype(xml, HostileXml.BILLION_LAUGHS_DOCTYPE))));
    }

    @Test
    void oversizedResponse() {
        assertSignedRefused(answer().attribute("name", "A".repeat(300 * 1024)), 413, "message_too_large");
    }

    /**
     * The ACS takes the HTTP-POST binding only, so a deflated message is never inflated: by GET (HTTP-Redirect
     * binding) it is refused outright, and posted it is base64 of binary, which is not XML.
     */
    @Test
    void deflateBomb() {
        long start = System.nanoTime();
        String smallBomb = HostileXml.deflateBomb(4 * 1024 * 1024);
        assertRefused(browser, browser.get("/saml/acs?SAMLResponse=" + URLEncoder.encode(smallBomb, StandardCharsets.UTF_8)),
                400, "malformed_message");
        assertRefused(browser, browser.postAcs(HostileXml.deflateBomb(150 * 1024 * 1024)), 400, "malformed_message");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(elapsed.compareTo(Duration.ofSeconds(20)) < 0, "refused without inflating, in " + elapsed);
    }

    /** For SP-initiated login the landing page travels with the AuthnRequest; a RelayState naming another site is ignored. */
    @Test
    void externalRelayStateIsNotFollowed() {
        String requestId = browser.startLogin(DEEP_LINK).id();
        HttpResponse<String> acs = browser.postAcs(forge().inResponseTo(requestId).sign().base64(), "https://evil.example.com/");
        assertEquals(303, acs.statusCode(), acs.body());
        String location = acs.headers().firstValue("Location").orElse("");
        assertFalse(location.contains("evil.example.com"), location);
        assertEquals(DEEP_LINK, ArquillianDeploymentUrls.path(location));
        assertTrue(browser.hasSession());
    }

    private ResponseForge forge() {
        return TestIdp.trusted().response(browser.spEntityId(), browser.acsUrl());
    }

    /** A response from the trusted IdP answering a fresh AuthnRequest of the browser. */
    private ResponseForge answer() {
        return forge().inResponseTo(browser.startLogin("/").id());
    }

    /** A response from the trusted IdP answering no request. */
    private ResponseForge unsolicited() {
        return forge();
    }

    private void assertWrappingRefused(Variant variant, String code) {
        ResponseForge forge = answer();
        ForgedResponse signed = (variant.attacksResponseSignature() ? forge.signAssertion(false) : forge.signResponse(false)).sign();
        String wrapped = SignatureWrapping.wrap(variant, signed);
        assertTrue(wrapped.contains(SignatureWrapping.EVIL_EMAIL), "the wrapping names the attacker: " + wrapped);
        assertXmlRefused(wrapped, 400, code);
    }

    /** A signed response whose NameID is an external entity reading /etc/passwd. */
    private static String withXxe(ResponseForge forge) {
        return HostileXml.withDoctype(HostileXml.referencingEntity(forge.sign().xml(), IdpStyle.EMAIL, "xxe"), HostileXml.XXE_DOCTYPE);
    }

    /** Refused by the guard in front of the ACS, which names the DOCTYPE (or the encoding), not by the XML parser. */
    private void assertRefusedBeforeParsing(HttpResponse<String> response) {
        assertRefused(browser, response, 400, "malformed_message");
        String detail = Rejections.detail(response).orElse("");
        assertTrue(detail.contains("DOCTYPE") || detail.contains("encoded in"), () -> "refused by the guard, before parsing: " + detail);
    }

    private void assertSignedRefused(ResponseForge forge, int status, String code) {
        assertRefused(browser, browser.postAcs(forge.sign().base64()), status, code);
    }

    private void assertXmlRefused(String xml, int status, String code) {
        assertRefused(browser, browser.postAcs(ForgedResponse.encode(xml)), status, code);
    }
}
