package com.frontline.sso.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Posts pre-generated signed responses to the ACS with N concurrent clients (a closed loop: each client sends
 * its next login as soon as the previous one is answered, on its own keep-alive {@link RawHttpConnection}) and
 * records every latency.
 *
 * <p>A login counts as successful only if the ACS answers 303 with a new session cookie; anything else
 * (another status, no cookie, an I/O error or a timeout) is an error. Responses are generated in chunks right
 * before they are posted (the SP accepts a Response only within the 60 s clock skew of its IssueInstant);
 * generation is not timed, and throughput is logins divided by the time spent posting.
 */
final class LoginLoad {

    /** A chunk must be generated and posted within this time after its first response was signed. */
    private static final long CHUNK_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(35);
    /** Posting stops taking new responses of a chunk this long after its signing began (IssueInstant + 60 s skew). */
    private static final long CHUNK_CUTOFF_NANOS = TimeUnit.SECONDS.toNanos(50);
    private static final String SESSION_COOKIE = "JSESSIONID=";

    record Result(String label, int clients, int logins, int errors, Map<String, Long> errorKinds, String errorSample,
                  long[] sortedLatencyNanos, double postingSeconds, int chunks, double serverCpuSeconds,
                  double clientCpuSeconds, double machineCpuSeconds, Map<String, Double> serverCpuByThreadKind) {

        /** CPU used on the machine while posting by processes other than the server and this load generator. */
        double otherCpuSeconds() {
            return machineCpuSeconds - serverCpuSeconds - clientCpuSeconds;
        }

        /** The share of the server's CPU that its JIT compilers (C1, C2) used while posting. */
        double jitShareOfServerCpu() {
            double jit = serverCpuByThreadKind.entrySet().stream().filter(kind -> kind.getKey().startsWith(ServerThreadCpu.JIT))
                    .mapToDouble(Map.Entry::getValue).sum();
            return serverCpuSeconds > 0 ? jit / serverCpuSeconds : Double.NaN;
        }

        /** {@code cpuSeconds} per posted login (errors included), in milliseconds; NaN when nothing was posted. */
        double millisPerLogin(double cpuSeconds) {
            int attempts = logins + errors;
            return attempts == 0 ? Double.NaN : cpuSeconds * 1000 / attempts;
        }

        /** The server's CPU per posted login, in milliseconds, by kind of thread (NaN when nothing was posted). */
        Map<String, Double> serverCpuMillisPerLoginByThreadKind() {
            Map<String, Double> perLogin = new LinkedHashMap<>();
            serverCpuByThreadKind.forEach((kind, seconds) -> perLogin.put(kind, millisPerLogin(seconds)));
            return perLogin;
        }

        double loginsPerSecond() {
            return postingSeconds == 0 ? 0 : logins / postingSeconds;
        }

        double percentileMillis(double p) {
            if (sortedLatencyNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedLatencyNanos.length) - 1;
            return sortedLatencyNanos[Math.max(0, Math.min(sortedLatencyNanos.length - 1, index))] / 1e6;
        }

        double meanMillis() {
            return Arrays.stream(sortedLatencyNanos).average().orElse(Double.NaN) / 1e6;
        }
    }

    private final URI acs;
    private final int clients;
    private final long serverPid;
    private final SignedResponses responses;
    private double rateEstimate;

    LoginLoad(String baseUrl, int clients, long serverPid, SignedResponses responses) {
        this.acs = URI.create(baseUrl + "/saml/acs");
        this.clients = clients;
        this.serverPid = serverPid;
        this.responses = responses;
        this.rateEstimate = 50;
    }

    /** Posts {@code total} fresh logins; stops early (and says so in the result) after {@code timeLimitSeconds}. */
    Result run(String label, int total, long timeLimitSeconds) {
        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeLimitSeconds);
        Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        AtomicReference<String> errorSample = new AtomicReference<>();
        List<long[]> latencies = new ArrayList<>();
        int ok = 0;
        int errors = 0;
        long postingNanos = 0;
        int chunks = 0;
        double serverCpu = 0;
        double clientCpu = 0;
        double machineCpu = 0;
        Map<String, Double> serverCpuByThreadKind = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients, Http.daemon("login-client"));
        RawHttpConnection[] connections = new RawHttpConnection[clients];
        for (int c = 0; c < clients; c++) {
            connections[c] = new RawHttpConnection(acs);
        }
        try {
            while (ok + errors < total && System.nanoTime() < limit) {
                int size = chunkSize(total - ok - errors);
                long signingStart = System.nanoTime();
                List<byte[]> bodies = responses.generate(size);
                long cutoff = signingStart + CHUNK_CUTOFF_NANOS;

                long[] latency = new long[size];
                int[] status = new int[size];
                AtomicInteger next = new AtomicInteger();
                CountDownLatch done = new CountDownLatch(clients);
                double serverCpuBefore = cpuSecondsOf(serverPid);
                long clientCpuBefore = clientCpuNanos();
                double machineCpuBefore = machineBusySeconds();
                ServerThreadCpu threadsBefore = ServerThreadCpu.of(serverPid);
                long start = System.nanoTime();
                for (int c = 0; c < clients; c++) {
                    RawHttpConnection connection = connections[c];
                    pool.execute(() -> {
                        try {
                            int i;
                            while ((i = next.getAndIncrement()) < size) {
                                long now = System.nanoTime();
                                if (now > cutoff || now > limit) {
                                    break;
                                }
                                status[i] = post(connection, bodies.get(i), errorKinds, errorSample);
                                latency[i] = System.nanoTime() - now;
                            }
                        } finally {
                            done.countDown();
                        }
                    });
                }
                if (!done.await(CHUNK_CUTOFF_NANOS + Http.REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(10),
                        TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("login clients did not finish in time");
                }
                long elapsed = System.nanoTime() - start;
                serverCpu += cpuSecondsOf(serverPid) - serverCpuBefore;
                clientCpu += (clientCpuNanos() - clientCpuBefore) / 1e9;
                machineCpu += machineBusySeconds() - machineCpuBefore;
                ServerThreadCpu.add(serverCpuByThreadKind, ServerThreadCpu.of(serverPid).since(threadsBefore));
                postingNanos += elapsed;
                chunks++;
                int posted = 0;
                long[] kept = new long[size];
                for (int i = 0; i < size; i++) {
                    if (status[i] == 0) {
                        continue; // not posted before the chunk's cutoff: neither a login nor an error
                    }
                    kept[posted++] = latency[i];
                    if (status[i] == 1) {
                        ok++;
                    } else {
                        errors++;
                    }
                }
                latencies.add(Arrays.copyOf(kept, posted));
                if (posted > 0) {
                    rateEstimate = posted / (elapsed / 1e9);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
            for (RawHttpConnection connection : connections) {
                connection.close();
            }
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        Map<String, Long> kinds = new TreeMap<>();
        errorKinds.forEach((kind, count) -> kinds.put(kind, count.sum()));
        return new Result(label, clients, ok, errors, kinds, errorSample.get(), all, postingNanos / 1e9, chunks, serverCpu,
                clientCpu, machineCpu, serverCpuByThreadKind);
    }

    /** As many responses as can be signed and then posted within the chunk budget, at the rates seen so far. */
    private int chunkSize(int remaining) {
        double signRate = responses.rate() > 0 ? responses.rate() : 300;
        double perResponse = 1 / signRate + 1 / Math.max(1, rateEstimate);
        int size = (int) (CHUNK_BUDGET_NANOS / 1e9 / perResponse);
        return Math.max(1, Math.min(remaining, Math.max(100, size)));
    }

    /** 1 for a login (303 with a new session cookie), -1 for anything else. */
    private static int post(RawHttpConnection connection, byte[] body, Map<String, LongAdder> errorKinds,
                            AtomicReference<String> errorSample) {
        String kind;
        String sample;
        try {
            RawHttpConnection.Answer answer = connection.postForm(body);
            if (isLogin(answer)) {
                return 1;
            }
            kind = answer.status() == 303 ? "303 without a session cookie" : "HTTP " + answer.status();
            sample = kind + ": " + answer.head().substring(0, Math.min(400, answer.head().length()));
        } catch (IOException | RuntimeException e) {
            connection.close(); // the next login opens a new connection
            kind = e.getClass().getSimpleName();
            sample = e.toString();
        }
        errorKinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
        errorSample.compareAndSet(null, sample);
        return -1;
    }

    /** utime + stime of a process, from /proc (Linux); NaN elsewhere. */
    static double cpuSecondsOf(long pid) {
        try {
            return cpuSecondsOfStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** utime + stime of a /proc stat line (of a process or of one of its threads). */
    static double cpuSecondsOfStat(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
    }

    /** CPU time all processes of the machine spent busy (user, nice, system, irq, softirq, steal), from /proc/stat. */
    static double machineBusySeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[field]);
            }
            return busy / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The 1-minute load average (other work on the machine shows here), or NaN. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static final long CLOCK_TICKS = clockTicks();

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            getconf.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    static long clientCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    /** One login outside any measurement, returning the session cookies (for the page-throughput phase). */
    String loginOnce() {
        try (RawHttpConnection connection = new RawHttpConnection(acs)) {
            RawHttpConnection.Answer answer = connection.postForm(responses.generate(1).get(0));
            if (!isLogin(answer)) {
                throw new IllegalStateException("a login was refused (the server log's audit line says why): "
                        + answer.head());
            }
            return answer.setCookies().stream().map(cookie -> cookie.split(";", 2)[0].trim()).collect(Collectors.joining("; "));
        } catch (IOException e) {
            throw new IllegalStateException("login failed", e);
        }
    }

    /** A login is a 303 that sets a new session cookie. */
    private static boolean isLogin(RawHttpConnection.Answer answer) {
        return answer.status() == 303 && answer.setCookies().stream().anyMatch(cookie -> cookie.startsWith(SESSION_COOKIE));
    }
}
