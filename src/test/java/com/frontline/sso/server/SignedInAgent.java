package com.frontline.sso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import com.frontline.sso.testsupport.saml.SpClient;

/** Who the SP believes a client is, read from GET /api/me: the identity a session was opened for. */
record SignedInAgent(String email, List<String> roles, String name) {

    /** The agent of the client's session, or empty when /api/me does not answer 200. */
    static Optional<SignedInAgent> of(SpClient client) {
        HttpResponse<String> me = client.get("/api/me", "application/json");
        if (me.statusCode() != 200) {
            return Optional.empty();
        }
        try (var reader = Json.createReader(new StringReader(me.body()))) {
            JsonObject json = reader.readObject();
            return Optional.of(new SignedInAgent(json.getString("email"),
                    json.getJsonArray("roles").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                    json.getString("name", null)));
        }
    }

    /** Asserts the client holds a session for exactly this email and these roles. */
    static void assertSignedInAs(SpClient client, String email, List<String> roles) {
        SignedInAgent agent = of(client).orElseThrow(() -> new AssertionError("no session: /api/me does not answer 200"));
        assertEquals(email, agent.email(), "email of the session");
        assertEquals(roles, agent.roles(), "roles of the session");
    }
}
