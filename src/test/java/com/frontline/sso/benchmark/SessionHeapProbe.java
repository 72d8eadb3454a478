package com.frontline.sso.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap per idle session: live heap of the server (after a full GC) right before N more logins and after them,
 * divided by the logins that succeeded. "Live heap" is the total of {@code jcmd GC.class_histogram}, which
 * collects garbage first and counts only reachable objects; {@code GC.heap_info} after {@code GC.run} is
 * reported beside it. The class histogram difference shows what the bytes are.
 */
final class SessionHeapProbe {

    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");
    private static final Pattern ROW = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    record Snapshot(long liveBytes, long heapInfoUsedBytes, Map<String, long[]> classes) {
    }

    record ClassDelta(String className, long instances, long bytes) {
    }

    record Result(int sessions, int failedLogins, long baselineLiveBytes, long afterLiveBytes, long baselineHeapInfoBytes,
                  long afterHeapInfoBytes, List<ClassDelta> topClasses, String maxHeap) {

        double bytesPerSession() {
            return (afterLiveBytes - baselineLiveBytes) / (double) sessions;
        }

        double heapInfoBytesPerSession() {
            return (afterHeapInfoBytes - baselineHeapInfoBytes) / (double) sessions;
        }
    }

    private SessionHeapProbe() {
    }

    static Snapshot snapshot(long pid) {
        Jcmd.run(pid, "GC.run");
        String heapInfo = Jcmd.run(pid, "GC.heap_info");
        Matcher used = USED.matcher(heapInfo);
        long heapUsed = used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
        String histogram = Jcmd.run(pid, "GC.class_histogram");
        Matcher total = TOTAL.matcher(histogram);
        if (!total.find()) {
            throw new IllegalStateException("unexpected GC.class_histogram output: "
                    + histogram.substring(0, Math.min(500, histogram.length())));
        }
        Map<String, long[]> classes = new HashMap<>();
        Matcher row = ROW.matcher(histogram);
        while (row.find()) {
            classes.merge(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
                    (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        }
        return new Snapshot(Long.parseLong(total.group(2)), heapUsed, classes);
    }

    static List<ClassDelta> topDeltas(Snapshot before, Snapshot after, int top) {
        List<ClassDelta> deltas = new ArrayList<>();
        after.classes().forEach((name, counts) -> {
            long[] old = before.classes().getOrDefault(name, new long[2]);
            deltas.add(new ClassDelta(name, counts[0] - old[0], counts[1] - old[1]));
        });
        deltas.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
        return deltas.subList(0, Math.min(top, deltas.size()));
    }

    /** The server JVM's maximum heap and collector, as it chose them. */
    static String heapSettings(long pid) {
        String flags = Jcmd.run(pid, "VM.flags");
        Matcher max = Pattern.compile("-XX:MaxHeapSize=(\\d+)").matcher(flags);
        String gc = flags.contains("UseG1GC") ? "G1" : flags.contains("UseParallelGC") ? "Parallel"
                : flags.contains("UseSerialGC") ? "Serial" : flags.contains("UseZGC") ? "Z" : "?";
        return (max.find() ? (Long.parseLong(max.group(1)) >> 20) + " MB max heap" : "max heap ?") + ", " + gc + " GC";
    }
}
