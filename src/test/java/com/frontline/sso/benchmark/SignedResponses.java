package com.frontline.sso.benchmark;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.frontline.sso.testsupport.saml.TestIdp;

/**
 * Pre-generates unique IdP-initiated SAML responses (unique Response and Assertion IDs, signed Response and
 * signed Assertion, RSA-SHA256, as the test IdP in src/test/resources/test-idp/metadata.xml) as ready-to-post
 * form bodies, on every core, before a timed phase starts.
 *
 * <p>The SP accepts a Response only while its IssueInstant is within the clock skew (60 s) of its own clock,
 * so responses are made in chunks just before they are posted (see {@link LoginLoad}); nothing is
 * back-dated or shifted, and the SP checks everything it checks in production.
 */
final class SignedResponses {

    /** NotOnOrAfter of the assertion and its subject confirmation: IdPs commonly allow 5 to 10 minutes. */
    static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);

    private final TestIdp idp = TestIdp.trusted();
    private final String spEntityId;
    private final String acsUrl;
    private final int threads;
    private long generated;
    private long generationNanos;

    SignedResponses(String baseUrl) {
        this.spEntityId = baseUrl + "/saml/metadata";
        this.acsUrl = baseUrl + "/saml/acs";
        this.threads = Runtime.getRuntime().availableProcessors();
    }

    /** {@code count} new form bodies {@code SAMLResponse=...}, each about agent {@code user<n>@example.com}. */
    List<byte[]> generate(int count) {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, Http.daemon("sign"));
        try {
            List<Future<List<byte[]>>> parts = new ArrayList<>();
            int per = (count + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                int from = t * per;
                int to = Math.min(count, from + per);
                long serial = generated;
                parts.add(pool.submit(() -> {
                    List<byte[]> bodies = new ArrayList<>(Math.max(0, to - from));
                    for (int i = from; i < to; i++) {
                        bodies.add(one(serial + i));
                    }
                    return bodies;
                }));
            }
            List<byte[]> all = new ArrayList<>(count);
            for (Future<List<byte[]>> part : parts) {
                all.addAll(part.get());
            }
            generated += count;
            generationNanos += System.nanoTime() - start;
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("signing test responses failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private byte[] one(long serial) {
        String email = "user" + serial + "@example.com";
        String base64 = idp.response(spEntityId, acsUrl)
                .nameId(email, "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")
                .attribute("email", email)
                .attribute("roles", "agent")
                .attribute("name", "Agent " + serial)
                .lifetime(ASSERTION_LIFETIME)
                .sign()
                .base64();
        return ("SAMLResponse=" + URLEncoder.encode(base64, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
    }

    /** Responses signed per second so far (all threads), for sizing chunks. */
    double rate() {
        return generationNanos == 0 ? 0 : generated / (generationNanos / 1e9);
    }

    long generated() {
        return generated;
    }
}
