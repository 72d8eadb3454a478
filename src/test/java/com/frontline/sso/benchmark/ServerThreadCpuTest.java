package com.frontline.sso.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ServerThreadCpuTest {

    @Test
    void namesThreadKindsAsTheServerNamesItsThreads() {
        assertEquals("request threads", ServerThreadCpu.kindOf("http-thread-poo"));
        assertEquals("JIT compiler C2", ServerThreadCpu.kindOf("C2 CompilerThre"));
        assertEquals("GC", ServerThreadCpu.kindOf("G1 Conc#0"));
        assertEquals("data grid (Hazelcast)", ServerThreadCpu.kindOf("hz.happy_bose.p"));
        assertEquals("other", ServerThreadCpu.kindOf("main"));
        assertEquals("main thread (Payara's boot and deployment)", ServerThreadCpu.kindOf("java"));
        assertEquals("other", ServerThreadCpu.kindOf("java-sdk-worker"));
    }

    @Test
    void chargesWhatEndedThreadsUsedToThemAndSubtractsKindByKind() {
        ServerThreadCpu now = ServerThreadCpu.of(ProcessHandle.current().pid());
        Map<String, Double> live = now.sinceStart(0);
        double liveTotal = live.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> withEnded = now.sinceStart(liveTotal + 2.5);
        assertEquals(2.5, withEnded.get(ServerThreadCpu.ENDED), 1e-9);
        Map<String, Double> difference = ServerThreadCpu.difference(withEnded, live);
        assertEquals(2.5, difference.get(ServerThreadCpu.ENDED), 1e-9);
        assertEquals("threads ended before 2.500 s", ServerThreadCpu.format(difference, 1, "s"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void chargesTheCpuOfABusyThreadToItsKind() throws InterruptedException {
        long pid = ProcessHandle.current().pid();
        ServerThreadCpu before = ServerThreadCpu.of(pid);
        AtomicBoolean stop = new AtomicBoolean();
        Thread busy = new Thread(() -> spinUntil(stop), "http-thread-pool::test");
        busy.start();
        ThreadMXBean jvm = ManagementFactory.getThreadMXBean();
        try {
            // Wait until the JVM itself counts 0.3 s of CPU for the thread (however busy the machine), then look.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (jvm.getThreadCpuTime(busy.getId()) < 300_000_000L && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Map<String, Double> used = ServerThreadCpu.of(pid).since(before);
            assertTrue(used.get("request threads") >= 0.25, "request threads used " + used);
        } finally {
            stop.set(true);
            busy.join();
        }
    }

    private static void spinUntil(AtomicBoolean stop) {
        long x = 0;
        while (!stop.get()) {
            x += System.nanoTime() % 7;
        }
        if (x == 42) {
            System.out.println(x);
        }
    }
}
