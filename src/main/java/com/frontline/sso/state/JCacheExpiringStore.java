package com.frontline.sso.state;

import java.util.Optional;

import javax.cache.Cache;

/** An {@link ExpiringStore} on a JSR-107 cache; on Payara the cache lives in the Hazelcast data grid. */
final class JCacheExpiringStore<V> implements ExpiringStore<V> {

    private final Cache<String, V> cache;

    JCacheExpiringStore(Cache<String, V> cache) {
        this.cache = cache;
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

    @Override
    public boolean distributed() {
        return true;
    }
}
