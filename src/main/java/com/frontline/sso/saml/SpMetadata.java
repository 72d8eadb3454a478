package com.frontline.sso.saml;

import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.security.credential.UsageType;
import org.pac4j.saml.metadata.SAML2MetadataGenerator;

/**
 * The SP metadata document served to administrators: pac4j's, without the encryption key descriptor,
 * because this SP does not decrypt assertions unless an encryption key is configured; advertising one would
 * invite IdPs to encrypt.
 */
public final class SpMetadata {

    private SpMetadata() {
    }

    public static String render(FrontlineSaml2Client client) {
        try {
            SAML2MetadataGenerator generator = client.getConfiguration().toMetadataGenerator();
            EntityDescriptor entity = generator.buildEntityDescriptor();
            SPSSODescriptor sp = entity.getSPSSODescriptor(org.opensaml.saml.common.xml.SAMLConstants.SAML20P_NS);
            sp.getKeyDescriptors().removeIf(key -> key.getUse() == UsageType.ENCRYPTION);
            return generator.getMetadata(entity);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot render the SP metadata: " + e.getMessage(), e);
        }
    }
}
