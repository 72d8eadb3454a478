package com.frontline.sso.saml;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * Which XML Signature algorithms a message may use. SHA-1 (RSA and ECDSA signatures, SHA-1 digests) only
 * with {@code sso.allow-sha1}; DSA and MD5 never.
 */
public final class AlgorithmPolicy {

    /** The algorithms this SP signs with and asks IdPs to use. */
    public static final List<String> PREFERRED_SIGNATURE_ALGORITHMS = List.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256);
    public static final List<String> PREFERRED_DIGESTS = List.of(SignatureConstants.ALGO_ID_DIGEST_SHA256);
    /** Never used for signing, whatever the IdP metadata proposes. */
    public static final List<String> EXCLUDED_FOR_SIGNING = List.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1,
            SignatureConstants.ALGO_ID_SIGNATURE_DSA_SHA1,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA1,
            SignatureConstants.ALGO_ID_SIGNATURE_NOT_RECOMMENDED_RSA_MD5,
            SignatureConstants.ALGO_ID_DIGEST_SHA1,
            SignatureConstants.ALGO_ID_DIGEST_NOT_RECOMMENDED_MD5);

    private static final Set<String> STRONG_SIGNATURES = Set.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA512,
            "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1",
            "http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1");
    private static final Set<String> STRONG_DIGESTS = Set.of(
            SignatureConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA384,
            SignatureConstants.ALGO_ID_DIGEST_SHA512);
    private static final Set<String> LEGACY_SHA1_SIGNATURES = Set.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1,
            SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA1);

    private final Set<String> signatures;
    private final Set<String> digests;

    public AlgorithmPolicy(boolean allowSha1) {
        Set<String> signatureSet = new HashSet<>(STRONG_SIGNATURES);
        Set<String> digestSet = new HashSet<>(STRONG_DIGESTS);
        if (allowSha1) {
            signatureSet.addAll(LEGACY_SHA1_SIGNATURES);
            digestSet.add(SignatureConstants.ALGO_ID_DIGEST_SHA1);
        }
        this.signatures = Set.copyOf(signatureSet);
        this.digests = Set.copyOf(digestSet);
    }

    public boolean allowsSignature(String algorithm) {
        return signatures.contains(algorithm);
    }

    public boolean allowsDigest(String algorithm) {
        return digests.contains(algorithm);
    }
}
