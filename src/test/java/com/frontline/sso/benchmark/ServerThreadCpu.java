package com.frontline.sso.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The server's CPU split by kind of thread (request threads, JIT compilers, GC, data grid, ...), from
 * /proc/PID/task (Linux): unlike a JFR recording it costs the server nothing, and it shows the CPU of the JVM's own
 * threads (JIT, GC), which execution samples leave out. A snapshot holds each thread's CPU seconds; the difference of
 * two snapshots is what each kind of thread used between them.
 */
final class ServerThreadCpu {

    /** The start of the JIT compiler threads' kinds. */
    static final String JIT = "JIT compiler";

    /** Kinds of thread, each recognised by the start of the thread's name (Linux keeps its first 15 characters). */
    private static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("http-thread-poo", "request threads");
        KINDS.put("http-listener", "HTTP listener (selectors)");
        KINDS.put("C2 CompilerThre", JIT + " C2");
        KINDS.put("C1 CompilerThre", JIT + " C1");
        KINDS.put("GC Thread", "GC");
        KINDS.put("G1 ", "GC");
        KINDS.put("VM Thread", "VM thread (safepoint operations)");
        KINDS.put("hz.", "data grid (Hazelcast)");
        KINDS.put("ContainerBackgr", "session expiry (container background)");
        KINDS.put("RunLevelContro", "Payara start (RunLevelControl)");
    }

    /** The JVM's main thread, which Linux names after the launcher: Payara Micro boots and deploys on it. */
    private static final String MAIN_THREAD = "java";
    private static final String MAIN = "main thread (Payara's boot and deployment)";
    /** What the process used in threads that ended before the snapshot (the SP's own start threads among them). */
    static final String ENDED = "threads ended before";

    private final Map<Long, Thread> threads;

    private record Thread(String name, double cpuSeconds) {
    }

    private ServerThreadCpu(Map<Long, Thread> threads) {
        this.threads = threads;
    }

    /** Every live thread of the process and the CPU it used so far; empty where /proc cannot be read. */
    static ServerThreadCpu of(long pid) {
        Map<Long, Thread> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    double cpu = LoginLoad.cpuSecondsOfStat(Files.readString(task.resolve("stat")));
                    threads.put(Long.parseLong(task.getFileName().toString()), new Thread(name, cpu));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read: it counts as having used nothing since
                }
            }
        } catch (IOException e) {
            return new ServerThreadCpu(Map.of());
        }
        return new ServerThreadCpu(threads);
    }

    /** CPU seconds per kind of thread from {@code before} to this snapshot (threads started since count in full). */
    Map<String, Double> since(ServerThreadCpu before) {
        Map<String, Double> byKind = new LinkedHashMap<>();
        KINDS.values().forEach(kind -> byKind.put(kind, 0.0));
        byKind.put(MAIN, 0.0);
        threads.forEach((id, thread) -> {
            Thread earlier = before.threads.get(id);
            double used = thread.cpuSeconds() - (earlier == null ? 0 : earlier.cpuSeconds());
            byKind.merge(kindOf(thread.name()), used, Double::sum);
        });
        return byKind;
    }

    /**
     * CPU seconds per kind of thread since the process started: {@code processCpuSeconds} (the process's own count,
     * read at the same moment) minus what the live threads used is charged to {@link #ENDED}.
     */
    Map<String, Double> sinceStart(double processCpuSeconds) {
        Map<String, Double> byKind = since(new ServerThreadCpu(Map.of()));
        double live = byKind.values().stream().mapToDouble(Double::doubleValue).sum();
        byKind.put(ENDED, Math.max(0, processCpuSeconds - live));
        return byKind;
    }

    static String kindOf(String threadName) {
        if (threadName.equals(MAIN_THREAD)) {
            return MAIN;
        }
        return KINDS.entrySet().stream().filter(kind -> threadName.startsWith(kind.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("other");
    }

    /**
     * "kind 1.200 s, kind 0.300 s, ...", largest first, kinds that round to 0.000 left out; {@code scale} multiplies
     * each value.
     */
    static String format(Map<String, Double> byKind, double scale, String unit) {
        return format(byKind, scale, unit, byKind.size());
    }

    /** The same, only the {@code most} kinds of the largest magnitude. */
    static String format(Map<String, Double> byKind, double scale, String unit, int most) {
        return byKind.entrySet().stream().filter(kind -> Math.abs(kind.getValue() * scale) >= 0.0005)
                .sorted(Map.Entry.<String, Double>comparingByValue((a, b) -> Double.compare(Math.abs(b), Math.abs(a))))
                .limit(most)
                .map(kind -> String.format(Locale.ROOT, "%s %.3f %s", kind.getKey(), kind.getValue() * scale, unit))
                .collect(Collectors.joining(", "));
    }

    /** {@code minuend} minus {@code subtrahend}, kind by kind. */
    static Map<String, Double> difference(Map<String, Double> minuend, Map<String, Double> subtrahend) {
        Map<String, Double> difference = new LinkedHashMap<>(minuend);
        subtrahend.forEach((kind, seconds) -> difference.merge(kind, -seconds, Double::sum));
        return difference;
    }

    /** Adds {@code more} to {@code total}, kind by kind. */
    static void add(Map<String, Double> total, Map<String, Double> more) {
        more.forEach((kind, seconds) -> total.merge(kind, seconds, Double::sum));
    }
}
