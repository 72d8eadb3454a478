package com.frontline.sso.testsupport.saml;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnContext;
import org.opensaml.saml.saml2.core.AuthnContextClassRef;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;

/**
 * Builds a SAML Response the way an IdP would, with every field adjustable for negative tests, and signs it
 * with a test key. Defaults describe alice, an agent, answering no request (set {@link #inResponseTo}).
 */
public final class ResponseForge {

    private final TestIdp idp;
    private TestIdp signer;
    private String inResponseTo;
    private String destination;
    private String recipient;
    private String audience;
    private String issuer;
    private String issuerFormat;
    private String nameId = "alice@example.com";
    private String nameIdFormat = NameIDType.EMAIL;
    private final Map<String, List<String>> attributes = new LinkedHashMap<>();
    private boolean repeatedAttributes;
    private String attributeNameFormat = Attribute.BASIC;
    private QName attributeValueType = XSString.TYPE_NAME;
    private final Map<String, String> friendlyNames = new LinkedHashMap<>();
    private Duration clockShift = Duration.ZERO;
    private Duration lifetime = Duration.ofMinutes(5);
    private Duration authnAge = Duration.ofSeconds(10);
    private Instant sessionNotOnOrAfter;
    private String sessionIndex = Saml.newId();
    private String statusCode = StatusCode.SUCCESS;
    private boolean signResponse = true;
    private boolean signAssertion = true;
    private boolean embedCertificate = true;
    private String signatureAlgorithm = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
    private String digestAlgorithm = SignatureConstants.ALGO_ID_DIGEST_SHA256;
    private String assertionId = Saml.newId();
    private java.security.cert.X509Certificate encryptFor;

    ResponseForge(TestIdp idp, String spEntityId, String acsUrl) {
        this.idp = idp;
        this.signer = idp;
        this.destination = acsUrl;
        this.recipient = acsUrl;
        this.audience = spEntityId;
        this.issuer = idp.entityId();
        attributes.put("email", List.of("alice@example.com"));
        attributes.put("roles", List.of("agent"));
        attributes.put("name", List.of("Alice Agent"));
    }

    public ResponseForge inResponseTo(String requestId) { this.inResponseTo = requestId; return this; }
    public ResponseForge destination(String value) { this.destination = value; return this; }
    public ResponseForge recipient(String value) { this.recipient = value; return this; }
    public ResponseForge audience(String value) { this.audience = value; return this; }
    public ResponseForge issuer(String value) { this.issuer = value; return this; }
    public ResponseForge nameId(String value, String format) { this.nameId = value; this.nameIdFormat = format; return this; }
    public ResponseForge attribute(String name, String... values) { attributes.put(name, List.of(values)); return this; }
    public ResponseForge withoutAttribute(String name) { attributes.remove(name); return this; }
    /** Drops the default attributes (email, roles, name), to describe an IdP's claims from scratch. */
    public ResponseForge withoutAttributes() { attributes.clear(); return this; }
    /** The NameFormat of every Attribute (default basic); null leaves it out, as Entra ID and Google do. */
    public ResponseForge attributeNameFormat(String value) { this.attributeNameFormat = value; return this; }
    /** The FriendlyName of one attribute, e.g. {@code mail} for {@code urn:oid:0.9.2342.19200300.100.1.3}. */
    public ResponseForge friendlyName(String name, String friendlyName) { friendlyNames.put(name, friendlyName); return this; }
    /** The xsi:type of every AttributeValue (default xs:string); null sends untyped values, as Entra ID and ADFS do. */
    public ResponseForge attributeValueType(QName type) { this.attributeValueType = type; return this; }
    /** The Format of the Issuer elements (default none); Okta and SimpleSAMLphp send the entity format. */
    public ResponseForge issuerFormat(String value) { this.issuerFormat = value; return this; }
    /** Each value in its own Attribute element (ADFS style) instead of one multi-valued Attribute. */
    public ResponseForge repeatedAttributes() { this.repeatedAttributes = true; return this; }
    /** Moves every timestamp, as if the IdP's clock were off by this much. */
    public ResponseForge clockShift(Duration shift) { this.clockShift = shift; return this; }
    public ResponseForge lifetime(Duration value) { this.lifetime = value; return this; }
    public ResponseForge authnAge(Duration value) { this.authnAge = value; return this; }
    public ResponseForge sessionNotOnOrAfter(Instant value) { this.sessionNotOnOrAfter = value; return this; }
    public ResponseForge status(String code) { this.statusCode = code; return this; }
    public ResponseForge signResponse(boolean value) { this.signResponse = value; return this; }
    public ResponseForge signAssertion(boolean value) { this.signAssertion = value; return this; }
    public ResponseForge signedBy(TestIdp value) { this.signer = value; return this; }
    public ResponseForge embedCertificate(boolean value) { this.embedCertificate = value; return this; }
    public ResponseForge algorithms(String signature, String digest) { this.signatureAlgorithm = signature; this.digestAlgorithm = digest; return this; }
    public ResponseForge assertionId(String value) { this.assertionId = value; return this; }
    /** Encrypts the (signed) assertion for this certificate, as IdPs do when the SP publishes an encryption key. */
    public ResponseForge encryptFor(java.security.cert.X509Certificate certificate) { this.encryptFor = certificate; return this; }

    public String assertionId() {
        return assertionId;
    }

    public ResponseForge sessionIndex(String value) { this.sessionIndex = value; return this; }

    public String sessionIndex() {
        return sessionIndex;
    }

    /** Builds the response, signs what was asked, and returns it marshalled. */
    public ForgedResponse sign() {
        Instant now = Instant.now().plus(clockShift);
        Response response = Saml.build(Response.DEFAULT_ELEMENT_NAME);
        response.setID(Saml.newId());
        response.setVersion(SAMLVersion.VERSION_20);
        response.setIssueInstant(now);
        response.setDestination(destination);
        response.setInResponseTo(inResponseTo);
        response.setIssuer(issuer());
        response.setStatus(status());
        Assertion assertion = assertion(now);
        try {
            Signature assertionSignature = signAssertion ? attachSignature(assertion) : null;
            Saml.marshall(assertion);
            if (assertionSignature != null) {
                Signer.signObject(assertionSignature);
            }
            if (encryptFor != null) {
                response.getEncryptedAssertions().add(AssertionEncryption.encrypt(assertion, encryptFor));
            } else {
                response.getAssertions().add(assertion);
            }
            Signature responseSignature = signResponse ? attachSignature(response) : null;
            Saml.marshall(response);
            if (responseSignature != null) {
                Signer.signObject(responseSignature);
            }
        } catch (Exception e) {
            throw new IllegalStateException("signing the test response failed", e);
        }
        return new ForgedResponse(response.getDOM(), assertionId);
    }

    private Assertion assertion(Instant now) {
        Assertion assertion = Saml.build(Assertion.DEFAULT_ELEMENT_NAME);
        assertion.setID(assertionId);
        assertion.setVersion(SAMLVersion.VERSION_20);
        assertion.setIssueInstant(now);
        assertion.setIssuer(issuer());
        assertion.setSubject(subject(now));
        assertion.setConditions(conditions(now));
        assertion.getAuthnStatements().add(authnStatement(now));
        if (!attributes.isEmpty()) {
            assertion.getAttributeStatements().add(attributeStatement());
        }
        return assertion;
    }

    private Issuer issuer() {
        Issuer value = Saml.build(Issuer.DEFAULT_ELEMENT_NAME);
        value.setValue(issuer);
        value.setFormat(issuerFormat);
        return value;
    }

    private Status status() {
        Status status = Saml.build(Status.DEFAULT_ELEMENT_NAME);
        StatusCode code = Saml.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(statusCode);
        status.setStatusCode(code);
        return status;
    }

    private Subject subject(Instant now) {
        Subject subject = Saml.build(Subject.DEFAULT_ELEMENT_NAME);
        NameID name = Saml.build(NameID.DEFAULT_ELEMENT_NAME);
        name.setValue(nameId);
        name.setFormat(nameIdFormat);
        subject.setNameID(name);
        SubjectConfirmation confirmation = Saml.build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
        confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
        SubjectConfirmationData data = Saml.build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
        data.setNotOnOrAfter(now.plus(lifetime));
        data.setRecipient(recipient);
        data.setInResponseTo(inResponseTo);
        confirmation.setSubjectConfirmationData(data);
        subject.getSubjectConfirmations().add(confirmation);
        return subject;
    }

    private Conditions conditions(Instant now) {
        Conditions conditions = Saml.build(Conditions.DEFAULT_ELEMENT_NAME);
        conditions.setNotBefore(now.minusSeconds(30));
        conditions.setNotOnOrAfter(now.plus(lifetime));
        AudienceRestriction restriction = Saml.build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
        Audience value = Saml.build(Audience.DEFAULT_ELEMENT_NAME);
        value.setURI(audience);
        restriction.getAudiences().add(value);
        conditions.getAudienceRestrictions().add(restriction);
        return conditions;
    }

    private AuthnStatement authnStatement(Instant now) {
        AuthnStatement statement = Saml.build(AuthnStatement.DEFAULT_ELEMENT_NAME);
        statement.setAuthnInstant(now.minus(authnAge));
        statement.setSessionIndex(sessionIndex);
        statement.setSessionNotOnOrAfter(sessionNotOnOrAfter);
        AuthnContext context = Saml.build(AuthnContext.DEFAULT_ELEMENT_NAME);
        AuthnContextClassRef classRef = Saml.build(AuthnContextClassRef.DEFAULT_ELEMENT_NAME);
        classRef.setURI(AuthnContext.PPT_AUTHN_CTX);
        context.setAuthnContextClassRef(classRef);
        statement.setAuthnContext(context);
        return statement;
    }

    private AttributeStatement attributeStatement() {
        AttributeStatement statement = Saml.build(AttributeStatement.DEFAULT_ELEMENT_NAME);
        attributes.forEach((name, values) -> {
            if (repeatedAttributes) {
                values.forEach(value -> statement.getAttributes().add(attribute(name, List.of(value))));
            } else {
                statement.getAttributes().add(attribute(name, values));
            }
        });
        return statement;
    }

    private Attribute attribute(String name, List<String> values) {
        Attribute attribute = Saml.build(Attribute.DEFAULT_ELEMENT_NAME);
        attribute.setName(name);
        attribute.setNameFormat(attributeNameFormat);
        attribute.setFriendlyName(friendlyNames.get(name));
        List<org.opensaml.core.xml.XMLObject> xmlValues = new ArrayList<>();
        for (String value : values) {
            xmlValues.add(attributeValue(value));
        }
        attribute.getAttributeValues().addAll(xmlValues);
        return attribute;
    }

    private org.opensaml.core.xml.XMLObject attributeValue(String value) {
        var builders = org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport.getBuilderFactory();
        if (XSString.TYPE_NAME.equals(attributeValueType)) {
            XSString text = (XSString) builders.getBuilderOrThrow(XSString.TYPE_NAME)
                    .buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
            text.setValue(value);
            return text;
        }
        // Any other type (or none): the value as plain text content, with xsi:type only when one is given.
        XSAny any = (XSAny) builders.getBuilderOrThrow(XSAny.TYPE_NAME).buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, attributeValueType);
        any.setTextContent(value);
        return any;
    }

    private Signature attachSignature(org.opensaml.saml.common.SignableSAMLObject target) throws Exception {
        BasicX509Credential credential = signer.credential();
        Signature signature = Saml.build(Signature.DEFAULT_ELEMENT_NAME);
        signature.setSigningCredential(credential);
        signature.setSignatureAlgorithm(signatureAlgorithm);
        signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        if (embedCertificate) {
            X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
            keyInfo.setEmitEntityCertificate(true);
            signature.setKeyInfo(keyInfo.newInstance().generate(credential));
        }
        target.setSignature(signature);
        ((SAMLObjectContentReference) signature.getContentReferences().get(0)).setDigestAlgorithm(digestAlgorithm);
        return signature;
    }

    TestIdp idp() {
        return idp;
    }
}
