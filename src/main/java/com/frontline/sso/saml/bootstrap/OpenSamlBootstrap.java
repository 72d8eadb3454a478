package com.frontline.sso.saml.bootstrap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.pac4j.saml.util.Configuration;

import com.frontline.sso.startup.BackgroundThread;

/**
 * OpenSAML's initialisation (loading and registering about a thousand XML object classes) is the largest part of
 * the SP's own startup. {@link #start()} runs it on a background thread as soon as the deployment begins (see
 * {@link SamlBootstrapExtension}), so it overlaps with the server's CDI and JAX-RS set-up; {@link #await()}
 * waits for it before anything else touches OpenSAML. A failure surfaces from {@code await()} and stops the
 * deployment, as it would if the initialisation ran there.
 */
public final class OpenSamlBootstrap {

    private static CompletableFuture<Void> bootstrap;

    private OpenSamlBootstrap() {
    }

    /** Starts the initialisation once; later calls do nothing. */
    public static synchronized void start() {
        if (bootstrap != null) {
            return;
        }
        bootstrap = new CompletableFuture<>();
        BackgroundThread.start("frontline-sso-opensaml-bootstrap", OpenSamlBootstrap::initialise);
    }

    /** Returns once OpenSAML is initialised (starting the initialisation if nobody did). */
    public static void await() {
        CompletableFuture<Void> pending;
        synchronized (OpenSamlBootstrap.class) {
            start();
            pending = bootstrap;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while OpenSAML was being initialised", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // pac4j initialises in a static initialiser: the JVM wraps the reason in an error without a message
            if (cause instanceof ExceptionInInitializerError && cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalStateException("OpenSAML could not be initialised: " + cause.getMessage(), cause);
        }
    }

    private static void initialise() {
        try {
            Configuration.getParserPool(); // pac4j's one-time bootstrap, through OpenSamlConfiguration
            bootstrap.complete(null);
        } catch (Throwable e) { // reported by await() on the deploying thread, which decides
            bootstrap.completeExceptionally(e);
        }
    }
}
