package com.frontline.sso.state;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The single-JVM fallback, used only where the server offers no JCache provider (WildFly, or Payara Micro
 * started with --nohazelcast). Expired entries are swept as writes arrive, so memory stays bounded.
 */
final class LocalExpiringStore<V> implements ExpiringStore<V> {

    private static final int SWEEP_EVERY_WRITES = 1024;

    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final Duration lifetime;
    private final Clock clock;

    LocalExpiringStore(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Override
    public boolean putIfAbsent(String key, V value) {
        long now = clock.millis();
        sweepNow();
        Entry<V> fresh = new Entry<>(value, now + lifetime.toMillis());
        Entry<V> winner = entries.compute(key, (k, existing) ->
                existing == null || existing.expiresAtMillis() <= now ? fresh : existing);
        return winner == fresh;
    }

    @Override
    public void put(String key, V value) {
        sweepNow();
        entries.put(key, new Entry<>(value, clock.millis() + lifetime.toMillis()));
    }

    @Override
    public Optional<V> get(String key) {
        Entry<V> entry = entries.get(key);
        return entry != null && entry.expiresAtMillis() > clock.millis() ? Optional.of(entry.value()) : Optional.empty();
    }

    @Override
    public Optional<V> consume(String key) {
        Entry<V> entry = entries.remove(key);
        if (entry == null || entry.expiresAtMillis() <= clock.millis()) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Every so many writes, drops expired entries, so memory stays bounded without a timer thread. */
    private void sweepNow() {
        if (writes.incrementAndGet() % SWEEP_EVERY_WRITES == 0) {
            long now = clock.millis();
            entries.values().removeIf(entry -> entry.expiresAtMillis() <= now);
        }
    }
}
