package com.frontline.sso.saml.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.frontline.sso.startup.BackgroundThread;

/** The early SP start may only make the clients ready sooner: the deployment gets what building them itself gives. */
class SpeculativeStartTest {

    private final List<String> builtOn = new CopyOnWriteArrayList<>();
    private final List<String> discarded = new CopyOnWriteArrayList<>();

    private final Function<String, String> build = input -> {
        builtOn.add(Thread.currentThread().getName());
        if (input.startsWith("bad")) {
            throw new IllegalArgumentException("setting " + input + " is wrong");
        }
        return "clients for " + input;
    };

    private SpeculativeStart<String, String> begun(String earlyInput) {
        return SpeculativeStart.begin(() -> earlyInput, build, discarded::add, "early");
    }

    @Test
    void theEarlyValueIsTakenWhenBuiltFromEqualSettings() {
        String value = begun("a").valueFor(new String("a"));

        assertEquals("clients for a", value);
        assertEquals(List.of("early"), builtOn, "built once, in the background");
        assertTrue(discarded.isEmpty());
    }

    @Test
    void otherSettingsDiscardTheEarlyValueAndBuildFromTheDeploymentsSettings() {
        String value = begun("a").valueFor("b");

        assertEquals("clients for b", value);
        assertEquals(List.of("clients for a"), discarded, "what the early start holds is released");
        assertEquals(Thread.currentThread().getName(), builtOn.get(1));
    }

    @Test
    void aFailedEarlyStartIsRetriedOnTheCallersThreadWhichSeesItsOwnFailure() {
        SpeculativeStart<String, String> start = begun("bad-early");

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> start.valueFor("bad-late"));

        assertEquals("setting bad-late is wrong", failure.getMessage());
        assertEquals(List.of("early", Thread.currentThread().getName()), builtOn);
    }

    @Test
    void aFailedEarlyStartDoesNotStopAGoodDeployment() {
        assertEquals("clients for good", begun("bad").valueFor("good"));
    }

    @Test
    void withoutAnEarlyStartTheCallerBuilds() {
        String value = SpeculativeStart.none(build).valueFor("c");

        assertEquals("clients for c", value);
        assertEquals(List.of(Thread.currentThread().getName()), builtOn);
        assertNotEquals("early", builtOn.get(0));
    }

    @Test
    void theBackgroundThreadRunsWithTheApplicationsClassLoaderNotTheCallers() {
        ClassLoader callers = new ClassLoader(getClass().getClassLoader()) { };
        Thread current = Thread.currentThread();
        ClassLoader before = current.getContextClassLoader();
        current.setContextClassLoader(callers); // a new thread would inherit this one
        try {
            SpeculativeStart<String, ClassLoader> start = SpeculativeStart.begin(() -> "x",
                    input -> Thread.currentThread().getContextClassLoader(), value -> { }, "early");

            assertSame(BackgroundThread.class.getClassLoader(), start.valueFor("x"));
        } finally {
            current.setContextClassLoader(before);
        }
    }
}
