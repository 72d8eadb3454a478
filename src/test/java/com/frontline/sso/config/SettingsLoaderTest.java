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
        Workspace workspace = settings.primary();
        assertEquals("http://localhost:8080", settings.baseUrl().toString());
        assertTrue(settings.singleWorkspace());
        assertEquals(Workspace.DEFAULT_ID, workspace.id());
        assertEquals("http://localhost:8080/saml/metadata", workspace.spEntityId());
        assertEquals("http://localhost:8080/saml/acs", workspace.acsUrl());
        assertEquals("email", workspace.emailAttribute());
        assertEquals("roles", workspace.rolesAttribute());
        assertEquals("agent", workspace.requiredRole());
        assertEquals(Duration.ofSeconds(60), settings.clockSkew());
        assertEquals(Duration.ofHours(8), settings.maxAuthenticationAge());
        assertEquals(Duration.ofHours(8), settings.maxSession());
        assertEquals(Duration.ofMinutes(30), settings.idleSession());
        assertEquals(Duration.ofHours(1), workspace.metadataRefresh());
        assertEquals(256 * 1024, settings.maxMessageBytes());
        assertFalse(workspace.allowSha1());
        assertFalse(workspace.idpInitiatedEnabled());
        assertFalse(workspace.requireSignedAssertions());
        assertTrue(settings.keystore().isEmpty());
        assertTrue(settings.encryptionKeystore().isEmpty());
    }

    @Test
    void entityIdAndAcsFollowTheBaseUrl() {
        Map<String, String> values = minimal();
        values.put("sso.base-url", "https://agents.example.com/");
        values.put("sso.clock-skew", "90s");
        SsoSettings settings = SettingsLoader.load(config(values));
        assertEquals("https://agents.example.com/saml/acs", settings.primary().acsUrl());
        assertEquals("https://agents.example.com/saml/metadata", settings.primary().spEntityId());
        assertTrue(settings.httpsBaseUrl());
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
        assertEquals("SSO_IDP_INITIATED_ENABLED", new Setting("sso.idp-initiated.enabled").env());
        assertEquals("SSO_WORKSPACE_ACME_IDP_METADATA", new Setting("sso.workspace.acme.idp.metadata").env());
    }

    @Test
    void workspacesHaveTheirOwnEndpointsAndFallBackToGlobalSettings() {
        Map<String, String> values = new HashMap<>();
        values.put("sso.base-url", "https://agents.example.com");
        values.put("sso.workspaces", "acme, globex");
        values.put("sso.attribute.roles", "groups");
        values.put("sso.workspace.acme.idp.metadata", "https://acme.okta.com/metadata");
        values.put("sso.workspace.acme.email-domains", "acme.com, acme.co.uk");
        values.put("sso.workspace.globex.idp.entity-id", "https://sts.windows.net/globex/");
        values.put("sso.workspace.globex.idp.sso-url", "https://login.microsoftonline.com/globex/saml2");
        values.put("sso.workspace.globex.idp.certificate", "MIIB");
        values.put("sso.workspace.globex.attribute.roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role");
        values.put("sso.workspace.globex.role-map.agent", "Frontline Agents, frontline-agent");
        SsoSettings settings = SettingsLoader.load(config(values));
        Workspace acme = settings.workspace("acme").orElseThrow();
        Workspace globex = settings.workspace("globex").orElseThrow();
        assertEquals("https://agents.example.com/saml/acs/acme", acme.acsUrl());
        assertEquals("https://agents.example.com/saml/metadata/acme", acme.spEntityId());
        assertEquals("groups", acme.rolesAttribute(), "global setting as fallback");
        assertEquals(java.util.List.of("acme.com", "acme.co.uk"), acme.emailDomains());
        assertTrue(globex.idp().manual().isPresent());
        assertEquals("https://sts.windows.net/globex/", globex.idp().manual().get().entityId());
        assertEquals(java.util.Set.of("Frontline Agents", "frontline-agent"), globex.roleMap().get("agent"));
        assertTrue(acme.roleMap().isEmpty());
    }

    @Test
    void roleMapIsReadFromEnvironmentStyleNames() {
        Map<String, String> values = minimal();
        values.put("SSO_ROLE_MAP_AGENT", "Frontline Agents");
        SsoSettings settings = SettingsLoader.load(config(values));
        assertEquals(java.util.Set.of("Frontline Agents"), settings.primary().roleMap().get("agent"));
    }

    @Test
    void aWorkspaceWithoutIdpIsNamedInTheError() {
        Map<String, String> values = new HashMap<>();
        values.put("sso.workspaces", "acme");
        InvalidSettingsException failure = assertThrows(InvalidSettingsException.class, () -> SettingsLoader.load(config(values)));
        assertTrue(failure.getMessage().contains("sso.workspace.acme.idp.metadata (SSO_WORKSPACE_ACME_IDP_METADATA)"),
                failure.getMessage());
    }

    @Test
    void theStartupWarmUpFindsTheListenerByDefaultAndTakesOffOrALoopbackUrl() {
        assertEquals(ListenerWarmUpSetting.automatic(), SettingsLoader.load(config(minimal())).listenerWarmUp());
        for (String off : new String[] {"off", "OFF"}) {
            Map<String, String> values = minimal();
            values.put("sso.startup.warm-up-url", off);
            assertEquals(ListenerWarmUpSetting.off(), SettingsLoader.load(config(values)).listenerWarmUp());
        }
        for (String url : new String[] {"http://127.0.0.1:8080/health", "http://localhost:9080/", "http://[::1]:8080/",
                "http://127.0.1.1:8080/"}) {
            Map<String, String> values = minimal();
            values.put("sso.startup.warm-up-url", url);
            assertEquals(ListenerWarmUpSetting.to(java.net.URI.create(url)), SettingsLoader.load(config(values)).listenerWarmUp());
        }
    }

    @Test
    void aStartupWarmUpUrlOffThisMachineOrOverTlsStopsTheStart() {
        for (String url : new String[] {"http://10.0.0.5:8080/", "http://agents.example.com/", "https://127.0.0.1:8181/",
                "127.0.0.1:8080", "no"}) {
            Map<String, String> values = minimal();
            values.put("sso.startup.warm-up-url", url);
            InvalidSettingsException failure = assertThrows(InvalidSettingsException.class, () -> SettingsLoader.load(config(values)));
            assertTrue(failure.getMessage().contains("sso.startup.warm-up-url (SSO_STARTUP_WARM_UP_URL) must be off, or a plain "
                    + "http URL of this server's own HTTP listener on a loopback address"), failure.getMessage());
            assertTrue(failure.getMessage().contains("was '" + url + "'"), failure.getMessage());
        }
    }
}
