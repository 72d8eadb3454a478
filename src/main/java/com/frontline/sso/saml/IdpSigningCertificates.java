package com.frontline.sso.saml;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.pac4j.saml.metadata.SAML2MetadataResolver;

/** The signing certificates of the IdP, read from its current metadata (all of them, for key rollover). */
final class IdpSigningCertificates {

    private IdpSigningCertificates() {
    }

    static List<X509Certificate> of(SAML2MetadataResolver idpMetadata) {
        EntityDescriptor entity = (EntityDescriptor) idpMetadata.getEntityDescriptorElement();
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        List<X509Certificate> certificates = new ArrayList<>();
        for (KeyDescriptor key : idp.getKeyDescriptors()) {
            if (key.getUse() != UsageType.ENCRYPTION && key.getKeyInfo() != null) {
                try {
                    certificates.addAll(KeyInfoSupport.getCertificates(key.getKeyInfo()));
                } catch (CertificateException e) {
                    // An unreadable key descriptor cannot verify anything; the others still can.
                }
            }
        }
        return certificates;
    }
}
