package com.frontline.sso.state;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;

/**
 * An {@link ExpiringStore} on a JSR-107 cache; on Payara the cache lives in the Hazelcast data grid. Only this
 * class names JCache types, so a server without the JCache API fails to link it inside
 * {@link ExpiringStores#open}'s fallback rather than when the caller links {@code ExpiringStores}.
 */
final class JCacheExpiringStore<V> implements ExpiringStore<V> {

    private final Cache<String, V> cache;

    JCacheExpiringStore(Cache<String, V> cache) {
        this.cache = cache;
    }

    /** The cache {@code name} of {@code manager} (a {@link CacheManager}), created with this lifetime if absent. */
    static <V> JCacheExpiringStore<V> open(Object manager, String name, Class<V> valueType, Duration lifetime) {
        CacheManager caches = (CacheManager) manager;
        Cache<String, V> cache = caches.getCache(name, String.class, valueType);
        return new JCacheExpiringStore<>(cache != null ? cache : create(caches, name, valueType, lifetime));
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

    @Override
    public boolean putIfAbsent(String key, V value) {
        return cache.putIfAbsent(key, value);
    }

    @Override
    public void put(String key, V value) {
        cache.put(key, value);
    }

    @Override
    public Optional<V> get(String key) {
        return Optional.ofNullable(cache.get(key));
    }

    @Override
    public Optional<V> consume(String key) {
        return Optional.ofNullable(cache.getAndRemove(key));
    }
}
