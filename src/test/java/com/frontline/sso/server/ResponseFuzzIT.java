package com.frontline.sso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.frontline.sso.testsupport.saml.IdpStyle;
import com.frontline.sso.testsupport.saml.ResponseForge;
import com.frontline.sso.testsupport.saml.ResponseMutator;
import com.frontline.sso.testsupport.saml.ResponseMutator.Mutation;
import com.frontline.sso.testsupport.saml.SpClient;
import com.frontline.sso.testsupport.saml.TestIdp;

/**
 * Mutation fuzzing of the ACS: thousands of random mutations of freshly signed, valid responses (all four IdP
 * styles), most answering a fresh AuthnRequest so they reach the deep checks. No mutation may produce a 5xx or a
 * page without an error code, and a mutation that still signs in (303) must open the session the IdP signed:
 * alice, with exactly her roles. The seed is printed; rerun a failure with {@code -Dfuzz.seed=...}, and change
 * the number of mutations with {@code -Dfuzz.mutations=...}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResponseFuzzIT {

    private static final long DEFAULT_SEED = 0x5A4D4C_2025L;
    private static final int EXAMPLES_PER_CODE = 3;
    /** Most mutations answer a fresh AuthnRequest; the rest are unsolicited and must stop early. */
    private static final int SOLICITED_PERCENT = 85;
    private static final Duration TIME_LIMIT = Duration.ofMinutes(5);

    private final Map<String, Integer> byStatus = new TreeMap<>();
    private final Map<String, Integer> byCode = new TreeMap<>();
    private final Map<String, Integer> byFamily = new TreeMap<>();
    private final Map<String, List<String>> examples = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ArquillianDeployment.builtWar();
    }

    @Test
    void mutatedResponsesNeverFailTheServerNorOpenAnUnsignedSession() {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int mutations = Integer.getInteger("fuzz.mutations", 2000);
        System.out.printf("ResponseFuzzIT: seed %d, %d mutations%n", seed, mutations);
        Random random = new Random(seed);
        ResponseMutator mutator = new ResponseMutator(random);
        SpClient browser = new SpClient(ArquillianDeployment.baseUrl());
        long start = System.nanoTime();

        for (int i = 0; i < mutations; i++) {
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(TIME_LIMIT) < 0,
                    "time limit reached after " + i + " mutations");
            IdpStyle style = IdpStyle.values()[random.nextInt(IdpStyle.values().length)];
            ResponseForge forge = TestIdp.trusted().response(browser.spEntityId(), browser.acsUrl());
            if (random.nextInt(100) < SOLICITED_PERCENT) {
                forge.inResponseTo(browser.startLogin("/").id());
            }
            Mutation mutation = mutator.mutate(style.shape(forge).sign());
            HttpResponse<String> response = browser.postAcs(mutation.samlResponse());
            record(i, style, mutation, response, browser);
        }

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("ResponseFuzzIT: %d mutations in %d s (seed %d)%n  by status: %s%n  by error code: %s%n  by family: %s%n",
                mutations, elapsed.toSeconds(), seed, byStatus, byCode, byFamily);
        examples.forEach((code, list) -> System.out.printf("  e.g. %s:%n    %s%n", code, String.join("\n    ", list)));
        assertEquals(200, browser.get("/health", "application/json").statusCode(), "the server still serves");
        assertTrue(violations.isEmpty(), () -> violations.size() + " violations (seed " + seed + "):\n"
                + String.join("\n", violations.subList(0, Math.min(20, violations.size()))));
    }

    private void record(int index, IdpStyle style, Mutation mutation, HttpResponse<String> response, SpClient browser) {
        int status = response.statusCode();
        byStatus.merge(String.valueOf(status), 1, Integer::sum);
        byFamily.merge(mutation.family() + " " + (status == 303 ? "accepted" : "refused"), 1, Integer::sum);
        String what = "#" + index + " " + style + " " + mutation.family() + " [" + mutation.description() + "] -> " + status;
        if (status == 303) {
            byCode.merge("(signed in)", 1, Integer::sum);
            checkSignedIdentity(what, style, browser);
            browser.get("/logout");
            return;
        }
        Optional<String> code = Rejections.code(response);
        byCode.merge(code.orElse("(none)"), 1, Integer::sum);
        List<String> codeExamples = examples.computeIfAbsent(code.orElse("(none)"), name -> new ArrayList<>());
        if (codeExamples.size() < EXAMPLES_PER_CODE) {
            codeExamples.add(what + Rejections.detail(response).map(detail -> ": " + detail).orElse(""));
        }
        if (status != 400 && status != 403 && status != 413) {
            violations.add(what + ": not a refusal status");
        } else if (code.isEmpty()) {
            violations.add(what + ": no error code on the page");
        } else if (response.body().contains("Exception") || response.body().contains("\tat ")) {
            violations.add(what + ": a stack trace reached the browser");
        } else if (browser.hasSession()) {
            violations.add(what + ": refused, yet a session exists");
        }
    }

    /** A mutation may sign in only as what the IdP signed: alice, with the style's roles. */
    private void checkSignedIdentity(String what, IdpStyle style, SpClient browser) {
        Optional<SignedInAgent> agent = SignedInAgent.of(browser);
        if (agent.isEmpty()) {
            violations.add(what + ": signed in, but /api/me refuses the session (roles changed?)");
        } else if (!IdpStyle.EMAIL.equals(agent.get().email()) || !style.roles().equals(agent.get().roles())) {
            violations.add(what + ": session for " + agent.get() + ", not what the IdP signed");
        }
    }
}
