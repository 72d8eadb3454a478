package com.frontline.sso.saml.metadata;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

import com.frontline.sso.config.IdpSource.ManualIdp;

/**
 * Builds an IdP metadata document from the three values an IdP console shows (issuer, SSO URL, signing
 * certificate), so the rest of the SP treats both kinds of configuration alike.
 */
final class ManualIdpMetadata {

    private ManualIdpMetadata() {
    }

    static byte[] toXml(ManualIdp idp) throws MetadataProblem {
        X509Certificate certificate = Certificates.parse(idp.certificate());
        String der;
        try {
            der = Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new MetadataProblem("the certificate cannot be encoded", e);
        }
        String xml = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                + "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + escape(idp.entityId()) + "\">"
                + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + der
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\""
                + escape(idp.ssoUrl()) + "\"/>"
                + "</md:IDPSSODescriptor></md:EntityDescriptor>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Certificates as administrators paste them: PEM text, bare base64 DER, or the path of a PEM/DER file. */
    static final class Certificates {

        private Certificates() {
        }

        static X509Certificate parse(String value) throws MetadataProblem {
            try {
                byte[] bytes;
                String trimmed = value.trim();
                if (trimmed.startsWith("-----BEGIN")) {
                    bytes = trimmed.getBytes(StandardCharsets.US_ASCII);
                } else if (Files.isReadable(Path.of(trimmed))) {
                    bytes = Files.readAllBytes(Path.of(trimmed));
                } else {
                    bytes = Base64.getMimeDecoder().decode(trimmed);
                }
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
            } catch (Exception e) {
                throw new MetadataProblem("it is not an X.509 certificate in PEM or base64 form, nor a readable certificate file", e);
            }
        }
    }
}
