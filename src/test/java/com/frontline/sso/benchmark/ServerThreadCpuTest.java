package com.frontline.sso.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

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
        Thread busy = new Thread(ServerThreadCpuTest::spinForHalfASecond, "http-thread-pool::test");
        busy.start();
        ServerThreadCpu during = null;
        while (busy.isAlive()) {
            during = ServerThreadCpu.of(pid); // the last snapshot while the thread still runs
            Thread.sleep(20);
        }
        Map<String, Double> used = during.since(before);
        assertTrue(used.get("request threads") >= 0.2, "request threads used " + used);
    }

    private static void spinForHalfASecond() {
        long end = System.nanoTime() + 500_000_000L;
        long x = 0;
        while (System.nanoTime() < end) {
            x += System.nanoTime() % 7;
        }
        if (x == 42) {
            System.out.println(x);
        }
    }
}
