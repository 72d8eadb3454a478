package com.frontline.sso.saml;

import java.util.ArrayList;
import java.util.List;

import org.opensaml.core.criterion.EntityIdCriterion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.criterion.EntityRoleCriterion;
import org.opensaml.saml.criterion.ProtocolCriterion;
import org.opensaml.saml.metadata.resolver.MetadataResolver;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.security.credential.Credential;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.credential.impl.StaticCredentialResolver;
import org.opensaml.security.criteria.UsageCriterion;
import org.opensaml.xmlsec.keyinfo.KeyInfoCredentialResolver;
import org.opensaml.xmlsec.signature.support.SignatureTrustEngine;
import org.opensaml.xmlsec.signature.support.impl.ExplicitKeySignatureTrustEngine;
import org.pac4j.saml.crypto.ExplicitSignatureTrustEngineProvider;
import org.pac4j.saml.crypto.SAML2SignatureTrustEngineProvider;
import org.pac4j.saml.exceptions.SAMLException;
import org.pac4j.saml.metadata.SAML2MetadataResolver;

import net.shibboleth.utilities.java.support.resolver.CriteriaSet;
import net.shibboleth.utilities.java.support.resolver.ResolverException;

/**
 * The trust engine: the IdP's signing keys from its metadata, never a key from the message, resolved once per
 * metadata version instead of once per signature. pac4j's engine rebuilds the metadata chain on each login and,
 * for each of a response's two signatures, reads the certificates of the metadata again and the one in the
 * signature's KeyInfo (which it may use only after matching it to a metadata key anyway): 6% of a login's CPU.
 * This engine verifies each signature with the IdP's keys directly, so a KeyInfo is not read at all. A refreshed
 * metadata document gives a new resolver, and so new keys.
 */
final class CachedTrustEngineProvider implements SAML2SignatureTrustEngineProvider {

    private record Built(MetadataResolver source, SignatureTrustEngine engine) {
    }

    private final SAML2MetadataResolver idpMetadata;
    private final ExplicitSignatureTrustEngineProvider delegate;
    private volatile Built current;

    CachedTrustEngineProvider(SAML2MetadataResolver idpMetadata, SAML2MetadataResolver spMetadata) {
        this.idpMetadata = idpMetadata;
        this.delegate = new ExplicitSignatureTrustEngineProvider(idpMetadata, spMetadata);
    }

    @Override
    public SignatureTrustEngine build() {
        MetadataResolver source = idpMetadata.resolve();
        Built built = current;
        if (built == null || built.source() != source) {
            built = new Built(source, withKeysResolvedOnce((ExplicitKeySignatureTrustEngine) delegate.build()));
            current = built;
        }
        return built.engine();
    }

    private SignatureTrustEngine withKeysResolvedOnce(ExplicitKeySignatureTrustEngine fromMetadata) {
        CriteriaSet idpSigningKeys = new CriteriaSet(new EntityIdCriterion(idpMetadata.getEntityId()),
                new EntityRoleCriterion(IDPSSODescriptor.DEFAULT_ELEMENT_NAME), new ProtocolCriterion(SAMLConstants.SAML20P_NS),
                new UsageCriterion(UsageType.SIGNING));
        List<Credential> keys = new ArrayList<>();
        try {
            fromMetadata.getCredentialResolver().resolve(idpSigningKeys).forEach(keys::add);
        } catch (ResolverException e) {
            throw new SAMLException("the IdP metadata's signing keys cannot be read", e);
        }
        return new ExplicitKeySignatureTrustEngine(new StaticCredentialResolver(keys), new NoKeyInfoCredentials());
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
