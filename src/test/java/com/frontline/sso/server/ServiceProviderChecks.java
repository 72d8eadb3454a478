package com.frontline.sso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.w3c.dom.Element;

import com.frontline.sso.testsupport.saml.RedirectBinding;
import com.frontline.sso.testsupport.saml.SpClient;

/** What every server the SP runs on must show the same way: its metadata, its AuthnRequest, its 401 for API clients. */
final class ServiceProviderChecks {

    private ServiceProviderChecks() {
    }

    static void assertMetadataDescribesTheSp(SpClient browser) {
        HttpResponse<String> response = browser.get("/saml/metadata", "*/*");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/samlmetadata+xml"));
        String xml = response.body();
        assertTrue(xml.contains("entityID=\"" + browser.spEntityId() + "\""), xml);
        assertTrue(xml.contains("AuthnRequestsSigned=\"true\""), xml);
        assertTrue(xml.contains("WantAssertionsSigned=\"true\""), xml);
        assertTrue(xml.contains("Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"" + browser.acsUrl() + "\""), xml);
        assertTrue(xml.contains("<md:KeyDescriptor use=\"signing\">"), xml);
        assertTrue(!xml.contains("use=\"encryption\""), "no encryption key is advertised: " + xml);
    }

    /** The AuthnRequest names our ACS and entity ID, and is signed RSA-SHA256 with the key of our own metadata. */
    static void assertSignedAuthnRequest(SpClient browser, RedirectBinding request) {
        Element authnRequest = request.message();
        assertEquals("AuthnRequest", authnRequest.getLocalName());
        assertEquals(browser.acsUrl(), authnRequest.getAttribute("AssertionConsumerServiceURL"));
        assertEquals(browser.spEntityId(), authnRequest.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Issuer")
                .item(0).getTextContent());
        assertEquals("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", request.parameter("SigAlg"));
        assertTrue(request.signatureVerifies(browser.spSigningCertificate()),
                "the AuthnRequest's signature must verify with the certificate of our own metadata");
    }

    static void assertApiClientGets401Json(SpClient browser) {
        HttpResponse<String> response = browser.get("/api/me", "application/json");
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("\"error\":\"unauthenticated\""), response.body());
    }
}
