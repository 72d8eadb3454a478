package com.frontline.sso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.frontline.sso.testsupport.saml.SpClient;

/** What every refused SAML message must look like to the user: a 4xx page naming the code, no stack trace, no session. */
final class Rejections {

    private static final Pattern CODE = Pattern.compile("id=\"error-code\">([a-z_]+)<");
    private static final Pattern DETAIL = Pattern.compile("id=\"error-detail\">([^<]*)<");

    private Rejections() {
    }

    /** The error code an HTML error page names. */
    static Optional<String> code(HttpResponse<String> response) {
        return find(CODE, response);
    }

    /** The detail sentence of an HTML error page: what exactly was refused. */
    static Optional<String> detail(HttpResponse<String> response) {
        return find(DETAIL, response);
    }

    private static Optional<String> find(Pattern pattern, HttpResponse<String> response) {
        Matcher matcher = pattern.matcher(response.body());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
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
