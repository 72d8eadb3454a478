package com.frontline.sso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import com.frontline.sso.testsupport.saml.SpClient;

/** What every refused SAML message must look like to the user: a 4xx page naming the code, no stack trace, no session. */
final class Rejections {

    private Rejections() {
    }

    static void assertRefused(SpClient client, HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), () -> "status for " + code + "; body: " + response.body());
        assertTrue(response.body().contains(code), () -> "page must name the error code " + code + ": " + response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "),
                () -> "no stack trace may reach the browser: " + response.body());
        assertFalse(client.hasSession(), "a refused message must not open a session");
        assertEquals(200, client.get("/health", "application/json").statusCode(), "the server keeps serving");
    }
}
