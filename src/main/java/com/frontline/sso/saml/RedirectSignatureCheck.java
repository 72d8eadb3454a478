package com.frontline.sso.saml;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensaml.xmlsec.signature.support.SignatureConstants;

import com.frontline.sso.error.SsoError;
import com.frontline.sso.error.SsoRejection;

/**
 * Verifies the signature of an HTTP-Redirect binding message (SAML bindings 3.4.4.1): the signature covers
 * the query parameters exactly as they were URL-encoded, so they are taken from the raw query string.
 * pac4j does not check these signatures at all; without this, a forged LogoutRequest by GET would pass.
 */
final class RedirectSignatureCheck {

    private static final Map<String, String> JCA_NAMES = Map.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, "SHA256withRSA",
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384, "SHA384withRSA",
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512, "SHA512withRSA",
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256, "SHA256withECDSA",
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA384, "SHA384withECDSA",
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA512, "SHA512withECDSA",
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1, "SHA1withRSA",
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA1, "SHA1withECDSA");

    private RedirectSignatureCheck() {
    }

    static void verify(String rawQuery, List<X509Certificate> idpCertificates, AlgorithmPolicy algorithms) {
        Map<String, String> raw = rawParameters(rawQuery == null ? "" : rawQuery);
        String sigAlg = decoded(raw.get("SigAlg"));
        String signature = decoded(raw.get("Signature"));
        if (sigAlg == null || signature == null) {
            throw new SsoRejection(SsoError.MISSING_SIGNATURE, "the HTTP-Redirect message carries no SigAlg/Signature");
        }
        if (!algorithms.allowsSignature(sigAlg) || !JCA_NAMES.containsKey(sigAlg)) {
            throw new SsoRejection(SsoError.WEAK_ALGORITHM, "signature algorithm " + sigAlg + " is not allowed");
        }
        byte[] signed = signedOctets(raw).getBytes(StandardCharsets.UTF_8);
        byte[] value;
        try {
            value = Base64.getMimeDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new SsoRejection(SsoError.INVALID_SIGNATURE, "the Signature parameter is not base64");
        }
        for (X509Certificate certificate : idpCertificates) {
            if (verifies(JCA_NAMES.get(sigAlg), certificate, signed, value)) {
                return;
            }
        }
        throw new SsoRejection(SsoError.INVALID_SIGNATURE, "the HTTP-Redirect signature does not verify with a key from the IdP metadata");
    }

    private static boolean verifies(String jcaName, X509Certificate certificate, byte[] signed, byte[] value) {
        try {
            Signature verifier = Signature.getInstance(jcaName);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(signed);
            return verifier.verify(value);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** SAMLRequest or SAMLResponse, then RelayState if present, then SigAlg, in their received encoding. */
    private static String signedOctets(Map<String, String> raw) {
        StringBuilder octets = new StringBuilder();
        for (String name : new String[] {"SAMLRequest", "SAMLResponse", "RelayState", "SigAlg"}) {
            if (raw.containsKey(name)) {
                octets.append(octets.length() == 0 ? "" : "&").append(name).append('=').append(raw.get(name));
            }
        }
        return octets.toString();
    }

    private static Map<String, String> rawParameters(String query) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && raw.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                throw new SsoRejection(SsoError.MALFORMED_MESSAGE, "parameter " + pair.substring(0, eq) + " appears twice");
            }
        }
        return raw;
    }

    private static String decoded(String value) {
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
