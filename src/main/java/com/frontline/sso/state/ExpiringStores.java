package com.frontline.sso.state;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Opens the shared stores in the server's JCache provider (Payara: Hazelcast, so every node sees them),
 * falling back to one JVM with a warning when the server has none. The provider is the one the server
 * binds in JNDI: {@code Caching.getCachingProvider()} would instead start a Hazelcast client that waits
 * forever for a cluster when Payara runs without its data grid.
 */
public final class ExpiringStores {

    private static final Logger LOG = Logger.getLogger(ExpiringStores.class.getName());

    /** Where Payara (Server and Micro) binds the data grid's JCache manager. */
    static final String CACHE_MANAGER_JNDI = "payara/CacheManager";

    private ExpiringStores() {
    }

    public static <V> ExpiringStore<V> open(String name, Class<V> valueType, Duration lifetime) {
        try {
            CacheManager manager = (CacheManager) new InitialContext().lookup(CACHE_MANAGER_JNDI);
            Cache<String, V> cache = manager.getCache(name, String.class, valueType);
            return new JCacheExpiringStore<>(cache != null ? cache : create(manager, name, valueType, lifetime));
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.warning(() -> "No JCache provider for '" + name + "' (" + e + "); keeping it in this JVM only. "
                    + "Several instances behind a load balancer need Payara's data grid (do not use --nohazelcast).");
            return new LocalExpiringStore<>(lifetime, Clock.systemUTC());
        }
    }

    private static <V> Cache<String, V> create(CacheManager manager, String name, Class<V> valueType, Duration lifetime) {
        try {
            return manager.createCache(name, new MutableConfiguration<String, V>()
                    .setTypes(String.class, valueType)
                    .setStoreByValue(true)
                    .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
                            new javax.cache.expiry.Duration(TimeUnit.SECONDS, lifetime.toSeconds()))));
        } catch (CacheException alreadyCreatedByAnotherNode) {
            return manager.getCache(name, String.class, valueType);
        }
    }
}
