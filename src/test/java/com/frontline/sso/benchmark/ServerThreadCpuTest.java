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
