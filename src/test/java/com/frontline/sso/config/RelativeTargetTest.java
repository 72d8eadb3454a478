package com.frontline.sso.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelativeTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html?tab=queue&x=1", "/api/me", "/a/b/c"})
    void pathsOfThisApplicationAreFollowed(String target) {
        assertTrue(RelativeTarget.isSafe(target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example.com/", "//evil.example.com/", "/\\evil.example.com", "javascript:alert(1)",
            "evil", "", "/a\nb", "/a b"})
    void anythingThatCouldLeaveTheApplicationIsRefused(String target) {
        assertFalse(RelativeTarget.isSafe(target));
    }
}
