package com.frontline.sso.saml;

import org.opensaml.saml.metadata.resolver.MetadataResolver;
import org.opensaml.xmlsec.signature.support.SignatureTrustEngine;
import org.pac4j.saml.crypto.ExplicitSignatureTrustEngineProvider;
import org.pac4j.saml.crypto.SAML2SignatureTrustEngineProvider;
import org.pac4j.saml.metadata.SAML2MetadataResolver;

/**
 * pac4j's trust engine (keys from the IdP metadata only, never from the message), built once per IdP
 * metadata version instead of once per message: pac4j rebuilds the metadata chain and re-reads every
 * certificate on each login. A refreshed metadata document gives a new resolver, and so a new engine.
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
            built = new Built(source, delegate.build());
            current = built;
        }
        return built.engine();
    }
}
