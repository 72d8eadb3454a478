package com.frontline.sso.saml.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.frontline.sso.config.SsoSettings;
import com.frontline.sso.identity.SessionRevocations;
import com.frontline.sso.saml.SamlClientFactory;
import com.frontline.sso.saml.TestSettings;
import com.frontline.sso.saml.metadata.IdpMetadata;
import com.frontline.sso.saml.state.OutstandingRequests;
import com.frontline.sso.saml.state.SharedReplayCache;
import com.frontline.sso.saml.state.SharedSamlState;
import com.frontline.sso.state.ExpiringStore;

/**
 * The startup warm-up builds a real login redirect and writes to the shared stores, and leaves nothing behind in
 * the cluster's outstanding-request store: every start of every instance would otherwise add an AuthnRequest that
 * no IdP will ever answer.
 */
class StartupWarmUpTest {

    @TempDir
    Path dataDir;

    @Test
    void theWarmUpLeavesNoOutstandingRequestBehind() {
        SsoSettings settings = TestSettings.with(dataDir, Map.of());
        MapStore outstanding = new MapStore();
        SharedSamlState state = new SharedSamlState(SharedReplayCache.open(), new OutstandingRequests(outstanding),
                SessionRevocations.open(settings.maxSession()));

        boolean ran = StartupWarmUp.run(SamlClientFactory.create(settings, settings.primary(), IdpMetadata.load(settings.primary()), state), state);

        assertTrue(ran, "the whole warm-up ran");
        assertTrue(outstanding.written >= 2, "it wrote to the store (its own entry and the login redirect's): " + outstanding.written);
        assertEquals(Map.of(), outstanding.entries);
    }

    /** An outstanding-request store that counts what was written to it. */
    private static final class MapStore implements ExpiringStore<String> {
        final Map<String, String> entries = new ConcurrentHashMap<>();
        int written;

        @Override
        public boolean putIfAbsent(String key, String value) {
            written++;
            return entries.putIfAbsent(key, value) == null;
        }

        @Override
        public void put(String key, String value) {
            written++;
            entries.put(key, value);
        }

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public Optional<String> consume(String key) {
            return Optional.ofNullable(entries.remove(key));
        }
    }
}
