package com.frontline.sso.saml.metadata;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.X509Data;
import org.pac4j.saml.metadata.SAML2MetadataResolver;

/**
 * The signing certificates of the IdP, read from its current metadata (all of them, for key rollover): the
 * {@code X509Certificate} elements of its signing (or unspecified-use) key descriptors.
 *
 * <p>They are decoded with the JDK's X.509 parser, not OpenSAML's {@code KeyInfoSupport}: that goes through
 * cryptacular, whose classes load BouncyCastle, and the first class from one of BouncyCastle's signed jars has the
 * JVM verify the jar's signature over its whole manifest (867 KB for bcprov): 0.36-0.41 s of a cold JVM (0.09 s
 * for the same jar unsigned), on the SP's start thread.
 */
public final class IdpSigningCertificates {

    private IdpSigningCertificates() {
    }

    public static List<X509Certificate> of(SAML2MetadataResolver idpMetadata) {
        EntityDescriptor entity = (EntityDescriptor) idpMetadata.getEntityDescriptorElement();
        IDPSSODescriptor idp = entity.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
        List<X509Certificate> certificates = new ArrayList<>();
        for (KeyDescriptor key : idp.getKeyDescriptors()) {
            if (key.getUse() != UsageType.ENCRYPTION && key.getKeyInfo() != null) {
                certificates.addAll(certificatesIn(key.getKeyInfo()));
            }
        }
        return certificates;
    }

    private static List<X509Certificate> certificatesIn(KeyInfo keyInfo) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (X509Data data : keyInfo.getX509Datas()) {
            for (org.opensaml.xmlsec.signature.X509Certificate element : data.getX509Certificates()) {
                try {
                    if (element.getValue() != null) {
                        certificates.add(decode(element.getValue()));
                    }
                } catch (CertificateException | IllegalArgumentException e) {
                    // An unreadable certificate cannot verify anything; the others still can.
                }
            }
        }
        return certificates;
    }

    private static X509Certificate decode(String base64) throws CertificateException {
        byte[] der = Base64.getMimeDecoder().decode(base64);
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }
}
