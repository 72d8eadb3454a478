package com.frontline.sso.saml.state;

import java.time.Duration;
import java.time.Instant;

import org.opensaml.storage.ReplayCache;
import org.opensaml.storage.impl.MemoryStorageService;
import org.pac4j.saml.replay.ReplayCacheProvider;

import com.frontline.sso.state.ExpiringStore;
import com.frontline.sso.state.ExpiringStores;

import net.shibboleth.utilities.java.support.component.ComponentInitializationException;

/**
 * OpenSAML's replay cache, answered from the shared store instead of one JVM's memory, so an assertion
 * accepted on one node is refused on every other. OpenSAML's own check is synchronized on the instance;
 * this one relies on the store's atomic putIfAbsent and does not serialise logins.
 */
public final class SharedReplayCache extends ReplayCache implements ReplayCacheProvider {

    /**
     * How long IDs are remembered. Assertions that stay valid longer than this are refused by the validator,
     * so an ID is never forgotten while its assertion could still be accepted.
     */
    public static final Duration RETENTION = Duration.ofHours(2);

    private final ExpiringStore<Long> seen;

    public SharedReplayCache(ExpiringStore<Long> seen) {
        this.seen = seen;
        // The parent insists on a storage service; it is never used because check() is replaced.
        MemoryStorageService unused = new MemoryStorageService();
        unused.setId("frontline-unused");
        setId("frontline-replay-cache");
        try {
            unused.initialize();
            setStorage(unused);
            initialize();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("OpenSAML replay cache could not be initialised", e);
        }
    }

    public static SharedReplayCache open() {
        return new SharedReplayCache(ExpiringStores.open("frontline-sso-replay-cache", Long.class, RETENTION));
    }

    @Override
    public boolean check(String context, String id, Instant expires) {
        return seen.putIfAbsent(context + '|' + id, expires.toEpochMilli());
    }

    /** Whether the ID was accepted before, without recording anything. */
    public boolean seen(String context, String id) {
        return seen.get(context + '|' + id).isPresent();
    }

    @Override
    public ReplayCache get() {
        return this;
    }
}
