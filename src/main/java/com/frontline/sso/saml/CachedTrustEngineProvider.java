package com.frontline.sso.saml;

import java.security.cert.X509Certificate;
import java.util.List;

import org.opensaml.saml.metadata.resolver.MetadataResolver;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.credential.impl.StaticCredentialResolver;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoCredentialResolver;
import org.opensaml.xmlsec.signature.support.SignatureTrustEngine;
import org.opensaml.xmlsec.signature.support.impl.ExplicitKeySignatureTrustEngine;
import org.pac4j.saml.crypto.SAML2SignatureTrustEngineProvider;
import org.pac4j.saml.metadata.SAML2MetadataResolver;

import net.shibboleth.utilities.java.support.resolver.CriteriaSet;
import com.frontline.sso.saml.metadata.IdpSigningCertificates;

/**
 * The trust engine: the IdP's signing keys from its metadata, never a key from the message, resolved once per
 * metadata version instead of once per signature. pac4j's engine rebuilds the metadata chain on each login and,
 * for each of a response's two signatures, reads the certificates of the metadata again and the one in the
 * signature's KeyInfo (which it may use only after matching it to a metadata key anyway): 6% of a login's CPU.
 * This engine verifies each signature with the IdP's signing certificates ({@link IdpSigningCertificates})
 * directly, so a KeyInfo is not read at all. A refreshed metadata document gives a new resolver, and so new keys.
 */
final class CachedTrustEngineProvider implements SAML2SignatureTrustEngineProvider {

    private record Built(MetadataResolver source, SignatureTrustEngine engine) {
    }

    private final SAML2MetadataResolver idpMetadata;
    private volatile Built current;

    CachedTrustEngineProvider(SAML2MetadataResolver idpMetadata) {
        this.idpMetadata = idpMetadata;
    }

    @Override
    public SignatureTrustEngine build() {
        MetadataResolver source = idpMetadata.resolve();
        Built built = current;
        if (built == null || built.source() != source) {
            built = new Built(source, withMetadataKeys());
            current = built;
        }
        return built.engine();
    }

    private SignatureTrustEngine withMetadataKeys() {
        List<Credential> keys = IdpSigningCertificates.of(idpMetadata).stream().map(this::signingKey).toList();
        return new ExplicitKeySignatureTrustEngine(new StaticCredentialResolver(keys), new NoKeyInfoCredentials());
    }

    private Credential signingKey(X509Certificate certificate) {
        BasicX509Credential key = new BasicX509Credential(certificate);
        key.setEntityId(idpMetadata.getEntityId());
        key.setUsageType(UsageType.SIGNING);
        return key;
    }

    /** Resolves no credential from a signature's KeyInfo: only the metadata's keys verify a signature. */
    private static final class NoKeyInfoCredentials implements KeyInfoCredentialResolver {

        @Override
        public Iterable<Credential> resolve(CriteriaSet criteria) {
            return List.of();
        }

        @Override
        public Credential resolveSingle(CriteriaSet criteria) {
            return null;
        }
    }
}
