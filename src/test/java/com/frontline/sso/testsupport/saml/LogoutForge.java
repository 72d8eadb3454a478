package com.frontline.sso.testsupport.saml;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Element;

/**
 * Single Logout messages as the test IdP sends them: a LogoutRequest (IdP-initiated logout) or a
 * LogoutResponse (answer to the SP's LogoutRequest), encoded for the HTTP-Redirect binding and signed in the
 * query string with a test key, or left unsigned.
 */
public final class LogoutForge {

    private final TestIdp signer;
    private Duration clockShift = Duration.ZERO;

    private LogoutForge(TestIdp signer) {
        this.signer = signer;
    }

    public static LogoutForge signedBy(TestIdp signer) {
        Saml.init();
        return new LogoutForge(signer);
    }

    public LogoutForge clockShift(Duration shift) {
        this.clockShift = shift;
        return this;
    }

    public Element logoutRequest(String destination, String nameId, String sessionIndex) {
        LogoutRequest request = Saml.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(Saml.newId());
        request.setVersion(SAMLVersion.VERSION_20);
        request.setIssueInstant(Instant.now().plus(clockShift));
        request.setDestination(destination);
        request.setIssuer(issuer());
        NameID name = Saml.build(NameID.DEFAULT_ELEMENT_NAME);
        name.setValue(nameId);
        name.setFormat(NameIDType.EMAIL);
        request.setNameID(name);
        if (sessionIndex != null) {
            SessionIndex index = Saml.build(SessionIndex.DEFAULT_ELEMENT_NAME);
            index.setValue(sessionIndex);
            request.getSessionIndexes().add(index);
        }
        return Saml.marshall(request);
    }

    public Element logoutResponse(String destination, String inResponseTo) {
        LogoutResponse response = Saml.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID(Saml.newId());
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(Instant.now().plus(clockShift));
        response.setDestination(destination);
        response.setInResponseTo(inResponseTo);
        response.setIssuer(issuer());
        Status status = Saml.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = Saml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(StatusCode.SUCCESS);
        status.setStatusCode(code);
        response.setStatus(status);
        return Saml.marshall(response);
    }

    /** The query string of an HTTP-Redirect message, signed per SAML bindings 3.4.4.1 (or unsigned). */
    public String redirectQuery(Element message, boolean sign) {
        String parameter = message.getLocalName().endsWith("Request") ? "SAMLRequest" : "SAMLResponse";
        String query = parameter + "=" + encode(Base64.getEncoder().encodeToString(deflate(Saml.toXml(message))));
        if (!sign) {
            return query;
        }
        query += "&SigAlg=" + encode(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signer.credential().getPrivateKey());
            signature.update(query.getBytes(StandardCharsets.UTF_8));
            return query + "&Signature=" + encode(Base64.getEncoder().encodeToString(signature.sign()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] deflate(String xml) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private Issuer issuer() {
        Issuer issuer = Saml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(signer.entityId());
        return issuer;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
