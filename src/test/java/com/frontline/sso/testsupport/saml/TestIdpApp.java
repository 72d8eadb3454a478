package com.frontline.sso.testsupport.saml;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The settings of an app under test that trusts the test IdP: where it runs, the IdP metadata, its data directory. */
public final class TestIdpApp {

    private TestIdpApp() {
    }

    /** {@code SSO_BASE_URL}, {@code SSO_IDP_METADATA} (the test IdP) and {@code SSO_DATA_DIR}, plus {@code extra}. */
    public static Map<String, String> environment(String baseUrl, Path dataDir, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("SSO_BASE_URL", baseUrl);
        env.put("SSO_IDP_METADATA", Path.of("src/test/resources/test-idp/metadata.xml").toAbsolutePath().toString());
        env.put("SSO_DATA_DIR", dataDir.toString());
        return Map.copyOf(env);
    }

    public static Map<String, String> environment(int port, Path dataDir) {
        return environment("http://localhost:" + port, dataDir, Map.of());
    }
}
