package com.frontline.sso.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import com.frontline.sso.config.SettingsLoader;
import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.error.SsoError;
import com.frontline.sso.error.SsoRejection;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class ClaimsMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    /** Maps claims with the rules of a single-IdP deployment configured with these extra settings. */
    private static Mapping mapper(Map<String, String> extra) {
        var values = new java.util.HashMap<>(extra);
        values.put("sso.idp.metadata", "https://idp.example.com/metadata");
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
        SsoSettings settings = SettingsLoader.load(config);
        return claims -> new ClaimsMapper(settings, Clock.fixed(NOW, ZoneOffset.UTC)).toAgent(settings.primary(), claims);
    }

    private interface Mapping {
        Agent toAgent(Claims claims);
    }

    private static Claims claims(Map<String, List<String>> attributes, String nameId, String format) {
        return new Claims("https://idp.example.com", nameId, format, attributes, NOW.minusSeconds(30), Optional.empty(),
                Optional.of("session-1"));
    }

    @Test
    void mapsEmailRolesAndNameFromTheDefaultAttributes() {
        Agent agent = mapper(Map.of()).toAgent(claims(Map.of(
                "email", List.of("Alice@Example.com"),
                "roles", List.of("agent", "supervisor"),
                "name", List.of("Alice Agent")), "opaque", PERSISTENT));
        assertEquals("alice@example.com", agent.email());
        assertEquals(List.of("agent", "supervisor"), agent.roles());
        assertEquals("Alice Agent", agent.name());
        assertEquals("https://idp.example.com", agent.idp());
        assertEquals("session-1", agent.sessionIndex());
        assertEquals(NOW.minusSeconds(30), agent.authenticatedAt());
        assertEquals(NOW.plus(Duration.ofHours(8)), agent.sessionExpiresAt());
    }

    @Test
    void understandsTheMicrosoftClaimUrisWithoutConfiguration() {
        Agent agent = mapper(Map.of()).toAgent(claims(Map.of(
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", List.of("carol@example.com"),
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/role", List.of("agent"),
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", List.of("Carol"),
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", List.of("Chen")), "opaque", PERSISTENT));
        assertEquals("carol@example.com", agent.email());
        assertEquals(List.of("agent"), agent.roles());
        assertEquals("Carol Chen", agent.name());
    }

    @Test
    void rolesFromSeveralSourcesAreMergedWithoutDuplicates() {
        Agent agent = mapper(Map.of()).toAgent(claims(Map.of(
                "email", List.of("a@example.com"),
                "roles", List.of("agent", " supervisor "),
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/role", List.of("agent", "admin")), "x", PERSISTENT));
        assertEquals(List.of("agent", "supervisor", "admin"), agent.roles());
    }

    @Test
    void configuredAttributeNamesAreUsed() {
        Agent agent = mapper(Map.of("sso.attribute.email", "mail", "sso.attribute.roles", "groups")).toAgent(claims(Map.of(
                "mail", List.of("dan@example.com"), "groups", List.of("agent")), "x", PERSISTENT));
        assertEquals("dan@example.com", agent.email());
        assertEquals(List.of("agent"), agent.roles());
        assertNull(agent.name());
    }

    @Test
    void emailFormatNameIdServesAsEmail() {
        Agent agent = mapper(Map.of()).toAgent(claims(Map.of("roles", List.of("agent")), "erin@example.com",
                ClaimsMapper.EMAIL_NAME_ID_FORMAT));
        assertEquals("erin@example.com", agent.email());
    }

    @Test
    void missingEmailIsAClearRejection() {
        SsoRejection rejection = assertThrows(SsoRejection.class, () -> mapper(Map.of()).toAgent(
                claims(Map.of("roles", List.of("agent")), "opaque", PERSISTENT)));
        assertEquals(SsoError.MISSING_EMAIL, rejection.error());
    }

    @Test
    void somethingThatIsNotAnEmailIsRejected() {
        SsoRejection rejection = assertThrows(SsoRejection.class, () -> mapper(Map.of()).toAgent(
                claims(Map.of("email", List.of("alice at example")), "opaque", PERSISTENT)));
        assertEquals(SsoError.MISSING_EMAIL, rejection.error());
    }

    @Test
    void sessionEndsAtTheIdpLimitWhenItIsEarlier() {
        Claims claims = new Claims("idp", "x", PERSISTENT, Map.of("email", List.of("a@example.com")), NOW,
                Optional.of(NOW.plus(Duration.ofHours(1))), Optional.empty());
        assertEquals(NOW.plus(Duration.ofHours(1)), mapper(Map.of()).toAgent(claims).sessionExpiresAt());
    }

    @Test
    void roleMapGrantsApplicationRolesForIdpGroups() {
        Agent agent = mapper(Map.of("sso.role-map.agent", "Frontline Agents,frontline-agent")).toAgent(claims(Map.of(
                "email", List.of("f@example.com"),
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups", List.of("Frontline Agents")), "x", PERSISTENT));
        assertEquals(List.of("Frontline Agents", "agent"), agent.roles());
        assertEquals("default", agent.workspace());
    }

    @Test
    void roleMapGrantsNothingWithoutAMatchingValue() {
        Agent agent = mapper(Map.of("sso.role-map.agent", "Frontline Agents")).toAgent(claims(Map.of(
                "email", List.of("f@example.com"), "groups", List.of("Sales")), "x", PERSISTENT));
        assertEquals(List.of("Sales"), agent.roles());
    }
}
