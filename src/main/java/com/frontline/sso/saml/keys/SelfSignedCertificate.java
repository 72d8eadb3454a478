package com.frontline.sso.saml.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The self-signed certificate of a generated SP key (X.509 v3, SHA256withRSA, subject and issuer
 * {@code CN=<host of the entity ID>, O=frontline-sso}, no extensions): all an IdP reads from it is the public key.
 * Written as DER here and parsed back by the JDK, instead of with BouncyCastle, whose signed jars the JVM verifies
 * at their first use (over their whole manifests), which took longer than generating the key.
 */
final class SelfSignedCertificate {

    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private SelfSignedCertificate() {
    }

    /** Valid from a day ago (IdP clocks run behind too) for {@code validity}. */
    static X509Certificate create(KeyPair pair, String entityId, Duration validity) throws GeneralSecurityException {
        Instant now = Instant.now();
        byte[] name = name(commonName(entityId));
        byte[] algorithm = sequence(oid(SHA256_WITH_RSA), new byte[] {0x05, 0x00});
        byte[] tbs = sequence(
                tlv(0xA0, integer(BigInteger.TWO)), // version 3
                integer(new BigInteger(63, new SecureRandom()).setBit(62)), // positive, never zero
                algorithm,
                name,
                sequence(time(now.minus(Duration.ofDays(1))), time(now.plus(validity))),
                name,
                pair.getPublic().getEncoded());
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(tbs);
        byte[] certificate = sequence(tbs, algorithm, bitString(signer.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate));
    }

    private static String commonName(String entityId) {
        String host = URI.create(entityId).getHost();
        return host == null ? "frontline-sso" : host;
    }

    private static byte[] name(String commonName) {
        return sequence(attribute(COMMON_NAME, commonName), attribute(ORGANIZATION, "frontline-sso"));
    }

    /** One relative distinguished name with one attribute, as a UTF8String. */
    private static byte[] attribute(String type, String value) {
        return tlv(0x31, sequence(oid(type), tlv(0x0C, value.getBytes(StandardCharsets.UTF_8))));
    }

    /** UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280, 4.1.2.5). */
    private static byte[] time(Instant instant) {
        int year = instant.atZone(ZoneOffset.UTC).getYear();
        return year < 2050
                ? tlv(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII))
                : tlv(0x18, GENERALIZED_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                out.write((int) ((arc >>> (7 * g)) & 0x7F) | (g == 0 ? 0 : 0x80));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] bitString(byte[] bits) {
        byte[] content = new byte[bits.length + 1]; // first byte: no unused bits
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(0x03, content);
    }

    private static byte[] sequence(byte[]... elements) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] element : elements) {
            content.writeBytes(element);
        }
        return tlv(0x30, content.toByteArray());
    }

    /** A DER tag-length-value, the length in the short form below 128 bytes, else in the long form. */
    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
