package com.frontline.sso.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few Keycloak admin REST calls the harness needs, over plain {@code java.net.http}.
 *
 * <p>Used to give the realm's SAML client the service provider's signing certificate once the app
 * has generated it: the client requires signed AuthnRequests, and the certificate only exists after
 * the app's first start.
 */
public final class KeycloakAdmin {

    static final String SIGNING_CERTIFICATE_ATTRIBUTE = "saml.signing.certificate";

    private final URI keycloakBaseUrl;
    private final String username;
    private final String password;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    KeycloakAdmin(URI keycloakBaseUrl, String username, String password) {
        this.keycloakBaseUrl = keycloakBaseUrl;
        this.username = username;
        this.password = password;
    }

    /** Sets the certificate Keycloak checks the client's AuthnRequest and LogoutRequest signatures with. */
    public void setClientSigningCertificate(String realm, String clientId, String base64DerCertificate) {
        JsonObject client = client(realm, clientId);
        Map<String, JsonValue> attributes = new LinkedHashMap<>(client.getJsonObject("attributes"));
        attributes.put(SIGNING_CERTIFICATE_ATTRIBUTE, Json.createValue(base64DerCertificate));
        JsonObject updated = Json.createObjectBuilder(client)
                .add("attributes", Json.createObjectBuilder(attributes))
                .build();
        send("PUT", "/admin/realms/" + realm + "/clients/" + client.getString("id"), updated.toString(), 204);
    }

    /** The client's attributes as Keycloak stores them (string values). */
    public Map<String, String> clientAttributes(String realm, String clientId) {
        Map<String, String> attributes = new LinkedHashMap<>();
        client(realm, clientId).getJsonObject("attributes")
                .forEach((key, value) -> attributes.put(key, ((JsonString) value).getString()));
        return attributes;
    }

    /** The full client representation. */
    public JsonObject client(String realm, String clientId) {
        String body = send("GET", "/admin/realms/" + realm + "/clients?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null, 200);
        JsonArray matches = parse(body).asJsonArray();
        if (matches.size() != 1) {
            throw new IllegalStateException("expected exactly one client " + clientId + " in realm " + realm
                    + ", found " + matches.size());
        }
        return matches.getJsonObject(0);
    }

    private String accessToken() {
        String form = "grant_type=password&client_id=admin-cli"
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(keycloakBaseUrl.resolve("/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        String body = expect(request, 200);
        return parse(body).asJsonObject().getString("access_token");
    }

    private String send(String method, String path, String json, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(keycloakBaseUrl.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken())
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return expect(request.build(), expectedStatus);
    }

    private String expect(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("Keycloak admin " + request.method() + " " + request.uri()
                        + " answered " + response.statusCode() + " (expected " + expectedStatus + "): "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonValue parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
