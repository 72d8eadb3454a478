package com.frontline.sso.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per second of a protected static page with one valid session vs. a public static page of the same
 * server, N concurrent clients, a fixed time each, in alternating rounds (so drift, JIT and GC affect both).
 * Both requests carry the session cookie, as a signed-in browser's would; only 200 counts.
 */
final class PageThroughput {

    record Round(String path, double seconds, long ok, long errors, double serverCpuSeconds) {
        double perSecond() {
            return ok / seconds;
        }
    }

    record Result(String protectedPath, String publicPath, int protectedBytes, int publicBytes, int clients,
                  List<Round> rounds, String errorSample) {

        double protectedPerSecond() {
            return rate(protectedPath);
        }

        double publicPerSecond() {
            return rate(publicPath);
        }

        double ratio() {
            return protectedPerSecond() / publicPerSecond();
        }

        /** Server CPU per request, in microseconds: less sensitive than throughput to other work on the machine. */
        double serverCpuMicrosPerRequest(String path) {
            long ok = rounds.stream().filter(r -> r.path().equals(path)).mapToLong(r -> r.ok() + r.errors()).sum();
            double cpu = rounds.stream().filter(r -> r.path().equals(path)).mapToDouble(Round::serverCpuSeconds).sum();
            return cpu * 1e6 / ok;
        }

        /** The ratio within each round (protected and public measured back to back): how far one round can mislead. */
        List<Double> roundRatios() {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i + 1 < rounds.size(); i += 2) {
                Round a = rounds.get(i);
                Round b = rounds.get(i + 1);
                Round protectedRound = a.path().equals(protectedPath) ? a : b;
                Round publicRound = a.path().equals(protectedPath) ? b : a;
                ratios.add(protectedRound.perSecond() / publicRound.perSecond());
            }
            return ratios;
        }

        long errors() {
            return rounds.stream().mapToLong(Round::errors).sum();
        }

        private double rate(String path) {
            long ok = rounds.stream().filter(r -> r.path().equals(path)).mapToLong(Round::ok).sum();
            double seconds = rounds.stream().filter(r -> r.path().equals(path)).mapToDouble(Round::seconds).sum();
            return ok / seconds;
        }
    }

    /** Login redirects: a protected page without a session, each answered 302 with a new signed AuthnRequest. */
    record Redirects(String path, int clients, Round timed, String errorSample) {
    }

    private static final int WARM_UP_ROUNDS = 3;

    private final String baseUrl;
    private final String cookie;
    private final int clients;
    private final HttpClient client;
    private final long serverPid;

    PageThroughput(String baseUrl, String cookie, int clients, long serverPid) {
        this.serverPid = serverPid;
        this.baseUrl = baseUrl;
        this.cookie = cookie;
        this.clients = clients;
        this.client = Http.newClient(1); // only the two checks before the load; the load uses RawHttpConnection
    }

    Result run(String protectedPath, String publicPath, int rounds, double seconds) {
        int protectedBytes = check(protectedPath);
        int publicBytes = check(publicPath);
        AtomicReference<String> errorSample = new AtomicReference<>();
        // Warm-up, not counted: the JIT needs several rounds before the page paths stop getting faster (the first
        // round ran at a third of the final rate when the warm-up was one short round per path).
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            measure(protectedPath, 200, seconds, errorSample);
            measure(publicPath, 200, seconds, errorSample);
        }
        List<Round> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // Alternate which goes first, so neither always follows the other.
            String first = round % 2 == 0 ? protectedPath : publicPath;
            String second = round % 2 == 0 ? publicPath : protectedPath;
            results.add(measure(first, 200, seconds, errorSample));
            results.add(measure(second, 200, seconds, errorSample));
        }
        return new Result(protectedPath, publicPath, protectedBytes, publicBytes, clients, results, errorSample.get());
    }

    /**
     * Requests without a session cookie ({@code cookie} was null) to {@code protectedPath}: every one starts a login,
     * so the server creates a session, remembers the outstanding request and signs an AuthnRequest for the redirect.
     */
    Redirects loginRedirects(String protectedPath, double seconds) {
        AtomicReference<String> errorSample = new AtomicReference<>();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            measure(protectedPath, 302, seconds, errorSample);
        }
        return new Redirects(protectedPath, clients, measure(protectedPath, 302, seconds, errorSample), errorSample.get());
    }

    /** One request, which must answer 200 (the protected page: served to the session, not redirected). */
    private int check(String path) {
        try {
            HttpResponse<byte[]> response = client.send(request(path), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " with the session answered " + response.statusCode()
                        + " " + response.headers().map());
            }
            return response.body().length;
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String path) {
        return Http.get(URI.create(baseUrl + path), "text/html", cookie);
    }

    private Round measure(String path, int expectedStatus, double seconds, AtomicReference<String> errorSample) {
        URI target = URI.create(baseUrl + path);
        byte[] request = RawHttpConnection.getRequest(target, "text/html", cookie);
        LongAdder ok = new LongAdder();
        LongAdder errors = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(clients, Http.daemon("page-client"));
        CountDownLatch done = new CountDownLatch(clients);
        double cpuBefore = LoginLoad.cpuSecondsOf(serverPid);
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        try {
            for (int c = 0; c < clients; c++) {
                pool.execute(() -> {
                    // Each client its own keep-alive connection, as each of a browser's would be.
                    try (RawHttpConnection connection = new RawHttpConnection(target)) {
                        while (System.nanoTime() < end) {
                            try {
                                RawHttpConnection.Answer answer = connection.get(request);
                                if (answer.status() == expectedStatus) {
                                    ok.increment();
                                } else {
                                    errors.increment();
                                    errorSample.compareAndSet(null, "GET " + path + ": HTTP " + answer.status());
                                }
                            } catch (IOException e) {
                                errors.increment();
                                errorSample.compareAndSet(null, "GET " + path + ": " + e);
                                connection.close();
                            }
                        }
                    } finally {
                        done.countDown();
                    }
                });
            }
            if (!done.await((long) (seconds * 1000) + Http.REQUEST_TIMEOUT.toMillis() + 10_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("page clients did not finish in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Round(path, elapsed, ok.sum(), errors.sum(), LoginLoad.cpuSecondsOf(serverPid) - cpuBefore);
    }
}
