package com.frontline.sso.state;

import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Opens the shared stores in the server's JCache provider (Payara: Hazelcast, so every node sees them),
 * falling back to one JVM with a warning when the server has none. The provider is the one the server
 * binds in JNDI: {@code Caching.getCachingProvider()} would instead start a Hazelcast client that waits
 * forever for a cluster when Payara runs without its data grid.
 *
 * <p>This class names no JCache type: servers without the JCache API (WildFly) fail to link any class that
 * does, and that must happen inside the fallback's try, in {@link JCacheExpiringStore}, not here.
 */
public final class ExpiringStores {

    private static final Logger LOG = Logger.getLogger(ExpiringStores.class.getName());

    /** Where Payara (Server and Micro) binds the data grid's JCache manager. */
    static final String CACHE_MANAGER_JNDI = "payara/CacheManager";

    private ExpiringStores() {
    }

    public static <V> ExpiringStore<V> open(String name, Class<V> valueType, Duration lifetime) {
        try {
            Object manager = new InitialContext().lookup(CACHE_MANAGER_JNDI);
            return JCacheExpiringStore.open(manager, name, valueType, lifetime);
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.warning(() -> "No JCache provider for '" + name + "' (" + e + "); keeping it in this JVM only. "
                    + "Several instances behind a load balancer need a shared JCache: Payara's data grid "
                    + "(do not use --nohazelcast); other servers (WildFly) keep this state per JVM.");
            return new LocalExpiringStore<>(lifetime, Clock.systemUTC());
        }
    }
}
