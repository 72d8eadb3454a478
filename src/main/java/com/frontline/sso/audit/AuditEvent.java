package com.frontline.sso.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;

/**
 * One audit line: what happened, to whom, from where. Written as a single JSON object so log shippers
 * index it without parsing rules. Fields that are unknown are left out rather than written empty.
 */
public final class AuditEvent {

    /** Looked up once: Json.createObjectBuilder() searches the class path for a provider on every call. */
    static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private final Map<String, String> fields = new LinkedHashMap<>();

    private AuditEvent(String event) {
        fields.put("time", Instant.now().toString());
        fields.put("event", event);
    }

    public static AuditEvent of(String event) {
        return new AuditEvent(event);
    }

    public AuditEvent with(String field, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(field, value);
        }
        return this;
    }

    public String get(String field) {
        return fields.get(field);
    }

    public String toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        fields.forEach(json::add);
        return json.build().toString();
    }
}
