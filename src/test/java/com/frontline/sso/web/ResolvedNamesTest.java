package com.frontline.sso.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ResolvedNamesTest {

    private final ResolvedNames<String> names = new ResolvedNames<>();
    private final AtomicInteger fromNames = new AtomicInteger();
    private final AtomicInteger perRequest = new AtomicInteger();

    private List<String> resolve(String value) {
        return names.resolve(value, fixed -> {
            fromNames.incrementAndGet();
            return List.of(fixed.split(","));
        }, () -> {
            perRequest.incrementAndGet();
            return List.of("default");
        });
    }

    @Test
    void aFixedListIsResolvedOnceAndThenReused() {
        assertEquals(List.of("nosniff", "protectedPaths"), resolve("nosniff,protectedPaths"));
        assertEquals(List.of("nosniff", "protectedPaths"), resolve("nosniff,protectedPaths"));
        assertEquals(1, fromNames.get());
        assertEquals(0, perRequest.get());
    }

    @Test
    void listsThatDependOnTheRequestAreLeftToPac4jEveryTime() {
        resolve(null);
        resolve(" ");
        resolve("+agentRole");
        resolve("+agentRole");
        assertEquals(4, perRequest.get());
        assertEquals(0, fromNames.get());
    }
}
