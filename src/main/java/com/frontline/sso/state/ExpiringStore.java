package com.frontline.sso.state;

import java.util.Optional;

/**
 * A key-value store whose entries expire: the shape of every piece of state the SP shares between
 * server instances (outstanding AuthnRequests, the replay cache). Values are JDK types only, so any
 * node of a cluster can read them without the application's classes.
 */
public interface ExpiringStore<V> {

    /** Stores the value unless the key is present; true if it was stored (an atomic check-and-set). */
    boolean putIfAbsent(String key, V value);

    /** Stores or replaces the value, with a fresh lifetime. */
    void put(String key, V value);

    /** The value, if present and not expired. */
    Optional<V> get(String key);

    /** Removes and returns the value: a one-time consumption. */
    Optional<V> consume(String key);
}
