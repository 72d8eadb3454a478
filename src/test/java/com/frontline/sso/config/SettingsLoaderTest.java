package com.frontline.sso.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class SettingsLoaderTest {

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }

    private static Map<String, String> minimal() {
        Map<String, String> values = new HashMap<>();
        values.put("sso.idp.metadata", "https://idp.example.com/metadata");
        return values;
    }

    @Test
    void defaultsFollowTheDocumentedContract() {
        SsoSettings settings = SettingsLoader.load(config(minimal()));
        assertEquals("http://localhost:8080", settings.baseUrl().toString());
        assertEquals("http://localhost:8080/saml/metadata", settings.spEntityId());
        assertEquals("http://localhost:8080/saml/acs", settings.acsUrl());
        assertEquals("email", settings.emailAttribute());
        assertEquals("roles", settings.rolesAttribute());
        assertEquals("agent", settings.requiredRole());
        assertEquals(Duration.ofSeconds(60), settings.clockSkew());
        assertEquals(Duration.ofHours(8), settings.maxAuthenticationAge());
        assertEquals(256 * 1024, settings.maxMessageBytes());
        assertFalse(settings.allowSha1());
        assertFalse(settings.idpInitiatedEnabled());
        assertFalse(settings.requireSignedAssertions());
        assertTrue(settings.keystore().isEmpty());
    }

    @Test
    void entityIdAndAcsFollowTheBaseUrl() {
        Map<String, String> values = minimal();
        values.put("sso.base-url", "https://agents.example.com/");
        values.put("sso.clock-skew", "90s");
        SsoSettings settings = SettingsLoader.load(config(values));
        assertEquals("https://agents.example.com/saml/acs", settings.acsUrl());
        assertEquals("https://agents.example.com/saml/metadata", settings.spEntityId());
        assertTrue(settings.secureCookies());
        assertEquals(Duration.ofSeconds(90), settings.clockSkew());
    }

    @Test
    void missingMetadataNamesTheSettingAndItsEnvironmentVariable() {
        InvalidSettingsException failure = assertThrows(InvalidSettingsException.class, () -> SettingsLoader.load(config(Map.of())));
        assertTrue(failure.getMessage().contains("sso.idp.metadata (SSO_IDP_METADATA) is required"), failure.getMessage());
    }

    @Test
    void everyBadSettingIsReportedAtOnce() {
        Map<String, String> values = minimal();
        values.put("sso.base-url", "not a url");
        values.put("sso.clock-skew", "soon");
        values.put("sso.allow-sha1", "maybe");
        values.put("sso.keystore.password", "secret");
        values.put("sso.idp-initiated.landing", "https://evil.example.com/");
        InvalidSettingsException failure = assertThrows(InvalidSettingsException.class, () -> SettingsLoader.load(config(values)));
        assertEquals(5, failure.problems().size(), failure.getMessage());
        assertTrue(failure.getMessage().contains("SSO_BASE_URL"));
        assertTrue(failure.getMessage().contains("SSO_CLOCK_SKEW"));
        assertTrue(failure.getMessage().contains("SSO_ALLOW_SHA1"));
        assertTrue(failure.getMessage().contains("SSO_KEYSTORE_PATH"));
        assertTrue(failure.getMessage().contains("SSO_IDP_INITIATED_LANDING"));
    }

    @Test
    void keystorePathMustBeReadable() {
        Map<String, String> values = minimal();
        values.put("sso.keystore.path", "/nonexistent/sp.p12");
        values.put("sso.keystore.password", "secret");
        InvalidSettingsException failure = assertThrows(InvalidSettingsException.class, () -> SettingsLoader.load(config(values)));
        assertTrue(failure.getMessage().contains("/nonexistent/sp.p12"), failure.getMessage());
    }

    @Test
    void excessiveClockSkewIsRefused() {
        Map<String, String> values = minimal();
        values.put("sso.clock-skew", "1h");
        assertThrows(InvalidSettingsException.class, () -> SettingsLoader.load(config(values)));
    }

    @Test
    void environmentVariableNamesAreDerivedFromProperties() {
        assertEquals("SSO_IDP_INITIATED_ENABLED", SettingsLoader.IDP_INITIATED_ENABLED.env());
        assertEquals("SSO_SP_ENTITY_ID", SettingsLoader.SP_ENTITY_ID.env());
    }
}
