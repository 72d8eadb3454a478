package com.frontline.sso.saml.metadata;

import java.io.ByteArrayInputStream;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.util.XMLObjectSupport;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.pac4j.saml.util.Configuration;
import com.frontline.sso.saml.AlgorithmPolicy;

/**
 * A parsed, checked IdP metadata document: well-formed (no DOCTYPE, by the parser pool), describing exactly one
 * SAML 2.0 IdP with an HTTP-Redirect SingleSignOnService, not expired, and, when a metadata signing certificate
 * is configured, signed with it. Also says when it wants to be fetched again (cacheDuration / validUntil).
 */
record MetadataDocument(byte[] bytes, String entityId, Optional<Instant> validUntil, Optional<Duration> cacheDuration) {

    static MetadataDocument parse(byte[] bytes, Optional<X509Certificate> signingCertificate, AlgorithmPolicy algorithms)
            throws MetadataProblem {
        XMLObject root;
        try {
            root = XMLObjectSupport.unmarshallFromInputStream(Configuration.getParserPool(), new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new MetadataProblem("it is not well-formed SAML metadata (" + e.getMessage() + ")", e);
        }
        if (signingCertificate.isPresent()) {
            verifySignature((SignableSAMLObject) root, signingCertificate.get(), algorithms);
        }
        EntityDescriptor idp = identityProvider(root);
        Optional<Instant> validUntil = Optional.ofNullable(idp.getValidUntil())
                .or(() -> root instanceof EntitiesDescriptor entities ? Optional.ofNullable(entities.getValidUntil()) : Optional.empty());
        if (validUntil.isPresent() && validUntil.get().isBefore(Instant.now())) {
            throw new MetadataProblem("it expired at " + validUntil.get() + " (validUntil)");
        }
        Optional<Duration> cacheDuration = Optional.ofNullable(idp.getCacheDuration())
                .or(() -> root instanceof EntitiesDescriptor entities ? Optional.ofNullable(entities.getCacheDuration()) : Optional.empty());
        return new MetadataDocument(bytes, idp.getEntityID(), validUntil, cacheDuration);
    }

    /** When to fetch again: the configured interval, sooner if the document's cacheDuration or validUntil asks. */
    Duration refreshAfter(Duration configured) {
        Duration wait = configured;
        if (cacheDuration.isPresent() && cacheDuration.get().compareTo(wait) < 0) {
            wait = cacheDuration.get();
        }
        if (validUntil.isPresent()) {
            Duration untilExpiry = Duration.between(Instant.now(), validUntil.get()).dividedBy(2);
            if (untilExpiry.compareTo(wait) < 0) {
                wait = untilExpiry;
            }
        }
        return wait.compareTo(Duration.ofSeconds(30)) < 0 ? Duration.ofSeconds(30) : wait;
    }

    private static EntityDescriptor identityProvider(XMLObject root) throws MetadataProblem {
        List<EntityDescriptor> candidates = new ArrayList<>();
        if (root instanceof EntityDescriptor entity) {
            candidates.add(entity);
        } else if (root instanceof EntitiesDescriptor entities) {
            candidates.addAll(entities.getEntityDescriptors());
        } else {
            throw new MetadataProblem("its root element is " + root.getElementQName().getLocalPart()
                    + ", not EntityDescriptor or EntitiesDescriptor");
        }
        List<EntityDescriptor> idps = candidates.stream().filter(MetadataDocument::hasRedirectSso).toList();
        if (idps.size() != 1) {
            throw new MetadataProblem(idps.isEmpty()
                    ? "it describes no SAML 2.0 identity provider with a SingleSignOnService for the HTTP-Redirect binding"
                    : "it describes " + idps.size() + " identity providers; give the metadata of exactly one");
        }
        return idps.get(0);
    }

    private static boolean hasRedirectSso(EntityDescriptor entity) {
        IDPSSODescriptor sso = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        return sso != null && sso.getSingleSignOnServices().stream()
                .anyMatch(service -> SAMLConstants.SAML2_REDIRECT_BINDING_URI.equals(service.getBinding()));
    }

    private static void verifySignature(SignableSAMLObject root, X509Certificate certificate, AlgorithmPolicy algorithms)
            throws MetadataProblem {
        if (!root.isSigned() || root.getSignature() == null) {
            throw new MetadataProblem("it is not signed, but a metadata signing certificate is configured");
        }
        if (!algorithms.allowsSignature(root.getSignature().getSignatureAlgorithm())) {
            throw new MetadataProblem("it is signed with " + root.getSignature().getSignatureAlgorithm() + ", which is not allowed");
        }
        try {
            new SAMLSignatureProfileValidator().validate(root.getSignature());
            SignatureValidator.validate(root.getSignature(), new BasicX509Credential(certificate));
        } catch (Exception e) {
            throw new MetadataProblem("its signature does not verify with the configured metadata signing certificate", e);
        }
    }
}
