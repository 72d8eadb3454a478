package com.frontline.sso.testsupport.saml;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.SignatureSigningParameters;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureSupport;

/**
 * IdP metadata as an IdP or a federation publishes it: the test IdP's entity ID and SSO URL, one or several
 * signing certificates (several during a key rollover), cacheDuration and validUntil, and optionally an
 * enveloped signature over the EntityDescriptor, as a federation operator signs the documents it publishes.
 */
public final class IdpMetadataForge {

    public static final String SSO_URL = "https://idp.test.frontline.invalid/saml/sso";

    private final List<X509Certificate> signingCertificates = new ArrayList<>();
    private String entityId = TestIdp.ENTITY_ID;
    private Instant validUntil;
    private Duration cacheDuration;
    private TestIdp metadataSigner;

    private IdpMetadataForge() {
    }

    /** Metadata listing the certificate of each of these keys as a signing key of the test IdP. */
    public static IdpMetadataForge withSigningKeys(TestIdp... keys) {
        Saml.init();
        IdpMetadataForge forge = new IdpMetadataForge();
        for (TestIdp key : keys) {
            forge.signingCertificates.add(key.credential().getEntityCertificate());
        }
        return forge;
    }

    public IdpMetadataForge entityId(String value) { this.entityId = value; return this; }
    public IdpMetadataForge validUntil(Instant value) { this.validUntil = value; return this; }
    public IdpMetadataForge cacheDuration(Duration value) { this.cacheDuration = value; return this; }
    /** Signs the whole EntityDescriptor with this key (RSA-SHA256, exclusive c14n). */
    public IdpMetadataForge signedBy(TestIdp value) { this.metadataSigner = value; return this; }

    public String xml() {
        EntityDescriptor entity = Saml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setID(Saml.newId());
        entity.setEntityID(entityId);
        entity.setValidUntil(validUntil);
        entity.setCacheDuration(cacheDuration);
        entity.getRoleDescriptors().add(idpDescriptor());
        if (metadataSigner == null) {
            return Saml.toXml(Saml.marshall(entity));
        }
        try {
            // Marshals and signs in one go; the signature references the EntityDescriptor's ID.
            SignatureSupport.signObject(entity, signingParameters(metadataSigner.credential()));
        } catch (Exception e) {
            throw new IllegalStateException("signing the test metadata failed", e);
        }
        return Saml.toXml(entity.getDOM());
    }

    public byte[] bytes() {
        return xml().getBytes(StandardCharsets.UTF_8);
    }

    private IDPSSODescriptor idpDescriptor() {
        IDPSSODescriptor idp = Saml.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME);
        idp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        idp.setWantAuthnRequestsSigned(true);
        for (X509Certificate certificate : signingCertificates) {
            idp.getKeyDescriptors().add(signingKey(certificate));
        }
        SingleSignOnService sso = Saml.build(SingleSignOnService.DEFAULT_ELEMENT_NAME);
        sso.setBinding(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        sso.setLocation(SSO_URL);
        idp.getSingleSignOnServices().add(sso);
        return idp;
    }

    private static KeyDescriptor signingKey(X509Certificate certificate) {
        KeyDescriptor key = Saml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        key.setUse(UsageType.SIGNING);
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        try {
            key.setKeyInfo(keyInfo.newInstance().generate(new BasicX509Credential(certificate)));
        } catch (org.opensaml.security.SecurityException e) {
            throw new IllegalStateException(e);
        }
        return key;
    }

    private static SignatureSigningParameters signingParameters(BasicX509Credential credential) {
        SignatureSigningParameters parameters = new SignatureSigningParameters();
        parameters.setSigningCredential(credential);
        parameters.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
        parameters.setSignatureReferenceDigestMethod(SignatureConstants.ALGO_ID_DIGEST_SHA256);
        parameters.setSignatureCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        return parameters;
    }
}
