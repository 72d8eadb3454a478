package com.frontline.sso.saml;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.frontline.sso.config.SettingsLoader;
import com.frontline.sso.config.SsoSettings;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Settings for in-process tests: the test IdP's metadata and a private data directory. */
public final class TestSettings {

    private TestSettings() {
    }

    public static SsoSettings with(Path dataDir, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>();
        values.put("sso.idp.metadata", Path.of("src/test/resources/test-idp/metadata.xml").toAbsolutePath().toString());
        values.put("sso.data-dir", dataDir.toString());
        values.putAll(extra);
        return SettingsLoader.load(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500)).build());
    }
}
