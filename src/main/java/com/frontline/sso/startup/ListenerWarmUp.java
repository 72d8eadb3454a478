package com.frontline.sso.startup;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.frontline.sso.config.ListenerWarmUpSetting;
import com.frontline.sso.config.SettingsLoader;

/**
 * Sends one request through the server's own HTTP listener while the WAR is still deploying, so that the server
 * loads its request path (Grizzly, the servlet container's pipeline: on Payara Micro about 360 classes, 150-300 ms
 * on two cores) before it reports "ready" instead of on the first request of an agent or a load balancer. Payara
 * opens its listener before it deploys, and answers the request itself (404) until the WAR is in service (WildFly
 * holds such a request until its start has ended, so there it gains nothing). The request goes to loopback only,
 * at most once per deployment; failures are logged, never raised: it is an optimisation.
 */
public final class ListenerWarmUp {

    /**
     * Answered by the server itself while the WAR deploys; should the request be late, by the WAR's public health
     * check (at context root {@code /}) or the server's own, never by a protected page that would start a login.
     */
    static final String AUTOMATIC_PATH = "/health";
    static final String USER_AGENT = "frontline-sso-startup-warm-up";
    private static final Logger LOG = Logger.getLogger(ListenerWarmUp.class.getName());
    private static final AtomicBoolean BEGUN = new AtomicBoolean();

    private ListenerWarmUp() {
    }

    /** Begins the warm-up on a background thread, unless {@code setting} is off or it has begun before. */
    public static void begin(ListenerWarmUpSetting setting) {
        if (!setting.enabled() || !BEGUN.compareAndSet(false, true)) {
            return;
        }
        BackgroundThread.start("frontline-sso-listener-warm-up", () -> run(setting));
    }

    private static void run(ListenerWarmUpSetting setting) {
        try {
            target(setting).ifPresentOrElse(ListenerWarmUp::send, () -> LOG.fine("no HTTP listener found in the server's "
                    + "configuration; set " + SettingsLoader.STARTUP_WARM_UP_URL + " to warm it up"));
        } catch (RuntimeException e) { // an optimisation: never a stack trace in the server's log
            LOG.log(Level.FINE, "listener warm-up skipped", e);
        }
    }

    static Optional<URI> target(ListenerWarmUpSetting setting) {
        return setting.url().or(() -> GlassFishHttpListener.ofThisServer()
                .map(listener -> URI.create("http://" + listener.authority() + AUTOMATIC_PATH)));
    }

    /** @return the status the listener answered with, or empty when it could not be reached */
    static Optional<Integer> send(URI url) {
        long started = System.nanoTime();
        try {
            int status = PlainHttpGet.status(url, USER_AGENT);
            LOG.info("frontline-sso: warmed up the server's request path: GET " + url
                    + " answered " + status + " in " + (System.nanoTime() - started) / 1_000_000 + " ms (set "
                    + SettingsLoader.STARTUP_WARM_UP_URL + " to off to skip it)");
            return Optional.of(status);
        } catch (IOException | RuntimeException e) {
            LOG.info("frontline-sso: could not warm up the server's request path with GET " + url + " (" + e
                    + "); the first request after the start loads it. Set " + SettingsLoader.STARTUP_WARM_UP_URL
                    + " to the HTTP listener's loopback URL, or to off");
            return Optional.empty();
        }
    }
}
