package com.frontline.sso.saml.bootstrap;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.frontline.sso.startup.BackgroundThread;

/**
 * Builds a value from an input on a background thread ahead of time, and hands it out later only to a caller
 * that holds an equal input. Any other case (the inputs differ, or the early build failed) builds again on the
 * caller's thread, so the caller sees exactly what building it there would give, failures included: the early
 * build can make a result ready sooner, never different.
 *
 * @param <I> what the value is built from (compared with {@code equals})
 * @param <V> the value
 */
final class SpeculativeStart<I, V> {

    private static final Logger LOG = Logger.getLogger(SpeculativeStart.class.getName());

    private record Built<I, V>(I input, V value) {
    }

    private final Function<I, V> build;
    private final Consumer<V> discard;
    private final CompletableFuture<Built<I, V>> early;

    private SpeculativeStart(Function<I, V> build, Consumer<V> discard, CompletableFuture<Built<I, V>> early) {
        this.build = build;
        this.discard = discard;
        this.early = early;
    }

    /**
     * Starts building on a daemon thread named {@code threadName}.
     *
     * @param discard what to do with an early value nobody takes (for example release what it holds)
     */
    static <I, V> SpeculativeStart<I, V> begin(Supplier<I> input, Function<I, V> build, Consumer<V> discard,
                                               String threadName) {
        CompletableFuture<Built<I, V>> early = new CompletableFuture<>();
        BackgroundThread.start(threadName, () -> {
            try {
                I in = input.get();
                early.complete(new Built<>(in, build.apply(in)));
            } catch (Throwable e) { // rebuilt, and then reported, on the caller's thread
                early.completeExceptionally(e);
            }
        });
        return new SpeculativeStart<>(build, discard, early);
    }

    /** A start that has not begun: {@link #valueFor} always builds on the caller's thread. */
    static <I, V> SpeculativeStart<I, V> none(Function<I, V> build) {
        return new SpeculativeStart<>(build, value -> { }, CompletableFuture.failedFuture(new IllegalStateException("not begun")));
    }

    /** Waits for the early build; returns its value when it was built from an input equal to {@code input}. */
    V valueFor(I input) {
        Built<I, V> built;
        try {
            built = early.join();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "early start failed; building on the deploying thread", e);
            return build.apply(input);
        }
        if (Objects.equals(built.input(), input)) {
            return built.value();
        }
        discard.accept(built.value());
        return build.apply(input);
    }
}
