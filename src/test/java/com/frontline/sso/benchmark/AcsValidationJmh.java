package com.frontline.sso.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.xmlsec.signature.support.SignatureTrustEngine;

import com.frontline.sso.identity.Agent;
import com.frontline.sso.saml.AcsStages;
import com.frontline.sso.saml.InProcessAcs;
import com.frontline.sso.testsupport.saml.TestIdp;

/**
 * The ACS validation path in-process, stage by stage, single-threaded: where a login's CPU time goes before the
 * servlet container, the session and HTTP. Run by {@code mvn -Pbenchmark verify} (JSON in
 * target/benchmark/jmh.json), or after {@code mvn -Pbenchmark test-compile}:
 * {@code java -cp <test classpath> org.openjdk.jmh.Main AcsValidationJmh}.
 *
 * <p>Responses are the test IdP's (signed Response and signed Assertion, RSA-SHA256, exclusive c14n), made by
 * ResponseForge as in the server tests. The stages that only read a response cycle through a pool of them;
 * {@code fullValidation} needs a new one every time (the replay cache refuses a second use), so a pool of freshly
 * signed responses is made before each iteration (not timed), and the stage warms up longer: the path's code needs
 * a few thousand logins before the JIT has compiled it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AcsValidationJmh {

    private static final int POOL = 64;

    /** The SP's SAML client and a pool of signed responses, base64 and parsed. */
    @State(Scope.Benchmark)
    public static class Sp {
        AcsStages stages;
        InProcessAcs acs;
        final List<String> encoded = new ArrayList<>();
        final List<Response> parsed = new ArrayList<>();
        SignatureTrustEngine engine;
        private Path dataDir;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            dataDir = Files.createTempDirectory("acs-jmh");
            Map<String, String> settings = Map.of("sso.idp-initiated.enabled", "true");
            stages = AcsStages.withTestIdp(dataDir.resolve("stages"), settings);
            acs = InProcessAcs.withTestIdp(dataDir.resolve("acs"), settings);
            TestIdp idp = TestIdp.trusted();
            for (int i = 0; i < POOL; i++) {
                encoded.add(idp.response(stages.spEntityId(), stages.acsUrl()).sign().base64());
                parsed.add(stages.decode(encoded.get(i)));
            }
            engine = stages.trustEngine();
            // Every stage must accept what it is given, or the numbers would time a refusal.
            stages.checkStructure(parsed.get(0));
            stages.verifySignatures(parsed.get(0), engine);
            stages.mapClaims(parsed.get(0));
            String code = acs.post(idp.response(acs.settings().primary().spEntityId(), acs.settings().primary().acsUrl())
                    .sign().base64()).code();
            if (!"accepted".equals(code)) {
                throw new IllegalStateException("the in-process ACS refused a valid response: " + code);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            try (var walk = Files.walk(dataDir)) {
                for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Cycles through the pool. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int take() {
            next = (next + 1) % POOL;
            return next;
        }
    }

    /** A response parsed right before each call, for the signature check (nothing cached from a previous check). */
    @State(Scope.Thread)
    public static class FreshlyParsed {
        Response response;
        int next;

        @Setup(Level.Invocation)
        public void parse(Sp sp) throws Exception {
            next = (next + 1) % POOL;
            response = sp.stages.decode(sp.encoded.get(next));
        }
    }

    /**
     * New signed responses for the full path (each assertion ID is accepted once), signed on every core before each
     * iteration (not timed), sized from the previous iteration's count so that the pool never runs dry: three times
     * that count, as a warm-up iteration ran more than twice as many as the one before on a fast machine (2026-12-02),
     * and at least what 0.17 ms per validation would need in one second.
     */
    @State(Scope.Thread)
    public static class FreshlySigned {
        private static final int MIN_POOL = 6000;
        final TestIdp idp = TestIdp.trusted();
        String[] pool = new String[0];
        int next;
        int poolSize = MIN_POOL;

        @Setup(Level.Iteration)
        public void sign(Sp sp) throws Exception {
            poolSize = Math.max(MIN_POOL, Math.max(poolSize, next * 3));
            String spEntityId = sp.acs.settings().primary().spEntityId();
            String acsUrl = sp.acs.settings().primary().acsUrl();
            int threads = Runtime.getRuntime().availableProcessors();
            java.util.concurrent.ExecutorService signers = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<String>> signed = new ArrayList<>();
                for (int i = 0; i < poolSize; i++) {
                    signed.add(signers.submit(() -> idp.response(spEntityId, acsUrl).sign().base64()));
                }
                pool = new String[poolSize];
                for (int i = 0; i < poolSize; i++) {
                    pool[i] = signed.get(i).get();
                }
            } finally {
                signers.shutdownNow();
            }
            next = 0;
        }

        String take() {
            if (next == pool.length) {
                throw new IllegalStateException("the pool of " + pool.length + " signed responses ran dry within one iteration");
            }
            return pool[next++];
        }
    }

    /** Stage 1: base64 decode, XML parse (pac4j's parser pool) and unmarshall into OpenSAML objects. */
    @Benchmark
    public Response decodeAndParse(Sp sp, Cursor cursor) throws Exception {
        return sp.stages.decode(sp.encoded.get(cursor.take()));
    }

    /** Stage 2: the structure rules against signature wrapping (DOM walk). */
    @Benchmark
    public Response structureCheck(Sp sp, Cursor cursor) {
        Response response = sp.parsed.get(cursor.take());
        sp.stages.checkStructure(response);
        return response;
    }

    /** Stage 3a: the signature trust engine, which pac4j builds anew for every response. */
    @Benchmark
    public SignatureTrustEngine trustEngineBuild(Sp sp) {
        return sp.stages.trustEngine();
    }

    /** Stage 3b: both signatures (Response and Assertion) verified against the IdP metadata's key. */
    @Benchmark
    public Response signatureVerification(Sp sp, FreshlyParsed fresh) throws Exception {
        sp.stages.verifySignatures(fresh.response, sp.engine);
        return fresh.response;
    }

    /** Stage 4: the verified assertion's claims to the agent (email, roles, name, session end). */
    @Benchmark
    public Agent claimMapping(Sp sp, Cursor cursor) {
        return sp.stages.mapClaims(sp.parsed.get(cursor.take()));
    }

    /**
     * Everything the ACS does with a message, without HTTP and servlet session: decode, structure, signatures,
     * issuer, status, destination, replay, audience, recipient, times, claims to the agent profile.
     */
    @Benchmark
    @Warmup(iterations = 6, time = 1)
    public Object fullValidation(Sp sp, FreshlySigned fresh) {
        InProcessAcs.Outcome outcome = sp.acs.post(fresh.take());
        if (outcome.profile().isEmpty()) {
            throw new IllegalStateException("refused: " + outcome.code());
        }
        return outcome.profile().get();
    }
}
