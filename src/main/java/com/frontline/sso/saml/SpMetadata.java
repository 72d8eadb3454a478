package com.frontline.sso.saml;

import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;
import org.pac4j.saml.metadata.SAML2MetadataGenerator;
import com.frontline.sso.saml.keys.EncryptionKey;

/**
 * The SP metadata document served to administrators: pac4j's, with the encryption key descriptor naming the
 * configured encryption key, or absent when none is configured (advertising one would invite IdPs to
 * encrypt for a key this SP will not use).
 */
public final class SpMetadata {

    private SpMetadata() {
    }

    public static String render(FrontlineSaml2Client client) {
        try {
            SAML2MetadataGenerator generator = client.getConfiguration().toMetadataGenerator();
            EntityDescriptor entity = generator.buildEntityDescriptor();
            SPSSODescriptor sp = entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
            sp.getKeyDescriptors().removeIf(key -> key.getUse() == UsageType.ENCRYPTION);
            if (client.encryptionKey().isPresent()) {
                sp.getKeyDescriptors().add(encryptionKeyDescriptor(client.encryptionKey().get()));
            }
            return generator.getMetadata(entity);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot render the SP metadata: " + e.getMessage(), e);
        }
    }

    private static KeyDescriptor encryptionKeyDescriptor(EncryptionKey key) throws Exception {
        KeyDescriptor descriptor = (KeyDescriptor) org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport.getBuilderFactory()
                .getBuilderOrThrow(KeyDescriptor.DEFAULT_ELEMENT_NAME).buildObject(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        descriptor.setUse(UsageType.ENCRYPTION);
        X509KeyInfoGeneratorFactory keyInfo = new X509KeyInfoGeneratorFactory();
        keyInfo.setEmitEntityCertificate(true);
        descriptor.setKeyInfo(keyInfo.newInstance().generate(key.credential()));
        return descriptor;
    }
}
