package com.frontline.sso.config;

import java.net.URI;
import java.util.Optional;

/**
 * {@code sso.startup.warm-up-url}: where the start sends its one request through the server's own HTTP listener.
 * {@link #automatic()} lets the start find the listener in the server's configuration, {@link #to} names it,
 * {@link #off()} sends nothing.
 */
public record ListenerWarmUpSetting(boolean enabled, Optional<URI> url) {

    private static final ListenerWarmUpSetting AUTOMATIC = new ListenerWarmUpSetting(true, Optional.empty());
    private static final ListenerWarmUpSetting OFF = new ListenerWarmUpSetting(false, Optional.empty());

    public static ListenerWarmUpSetting automatic() {
        return AUTOMATIC;
    }

    public static ListenerWarmUpSetting off() {
        return OFF;
    }

    public static ListenerWarmUpSetting to(URI url) {
        return new ListenerWarmUpSetting(true, Optional.of(url));
    }
}
