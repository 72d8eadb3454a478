package com.frontline.sso.benchmark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.frontline.sso.testsupport.Dirs;
import com.frontline.sso.testsupport.ManagedProcess;
import com.frontline.sso.testsupport.PayaraMicroApp;

/**
 * Starts stock Payara Micro with one WAR the way {@code PayaraMicroApp} does (context root {@code /}, HTTP on
 * 127.0.0.1 only, MicroProfile Health off, a private root directory), but times the start precisely: the
 * log is tailed every few milliseconds and the start ends at the timestamp Payara writes on its
 * "Payara Micro ... ready in N (ms)" line. Nothing is requested from the server before that line, so the
 * caller's first request really is the first one.
 */
final class PayaraLauncher {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(240);
    private static final long POLL_MILLIS = 5;
    private static final Pattern READY = Pattern.compile("Payara Micro .* ready in ([\\d,.]+) \\(ms\\)");
    private static final Pattern TIME_MILLIS = Pattern.compile("\\[timeMillis: (\\d+)]");
    private static final Pattern DEPLOYED = Pattern.compile("was successfully deployed");
    private static final Pattern ANSI_COLOUR = Pattern.compile("\u001B\\[[;\\d]*m");
    /** A started server: its process, and how long the start took. */
    record Running(ManagedProcess process, int port, long spawnEpochMillis, long readyEpochMillis, long payaraReportedMillis,
                   double cpuSecondsAtReady, Map<String, Double> cpuAtReadyByThreadKind, List<String> command)
            implements AutoCloseable {

        /** From spawning the JVM to the timestamp of Payara's "ready" log line. */
        long startMillis() {
            return readyEpochMillis - spawnEpochMillis;
        }

        long pid() {
            return process.pid();
        }

        String baseUrl() {
            return "http://localhost:" + port;
        }

        @Override
        public void close() {
            process.close();
        }
    }

    /** How Payara runs: with or without its Hazelcast data grid, and extra JVM options. */
    record Mode(boolean dataGrid, List<String> jvmOptions) {
        String describe() {
            return (dataGrid ? "data grid on (Hazelcast on loopback)" : "--nohazelcast")
                    + ", JVM options: " + (jvmOptions.isEmpty() ? "(JVM defaults)" : String.join(" ", jvmOptions));
        }
    }

    private PayaraLauncher() {
    }

    static Running start(String name, Path war, int port, Map<String, String> env, Mode mode, Path workDir) {
        Path dir = Dirs.recreate(workDir.resolve(name));
        List<String> command = PayaraMicroApp.commandLine(war, port, mode.jvmOptions(), dir, mode.dataGrid()
                ? PayaraMicroApp.dataGridOptions(dir, "frontline-benchmark-" + port) : List.of("--nohazelcast"));
        long spawn = System.currentTimeMillis();
        ManagedProcess process = ManagedProcess.start("payara", command, env, dir, dir);
        try {
            String readyLine = awaitReady(process);
            // Read at once: the CPU the JVM spent until "ready" (on 2 cores, steadier than the wall time).
            ServerThreadCpu threads = ServerThreadCpu.of(process.pid());
            double cpuSeconds = LoginLoad.cpuSecondsOf(process.pid());
            Matcher stamp = TIME_MILLIS.matcher(readyLine);
            long ready = stamp.find() ? Long.parseLong(stamp.group(1)) : System.currentTimeMillis();
            Matcher reported = READY.matcher(readyLine);
            long payaraMillis = reported.find() ? Long.parseLong(reported.group(1).replace(",", "").replace(".", "")) : -1;
            if (!process.logMatches(DEPLOYED)) {
                throw new IllegalStateException("Payara Micro started but did not deploy " + war.getFileName()
                        + System.lineSeparator() + process.logTail(60));
            }
            return new Running(process, port, spawn, ready, payaraMillis, cpuSeconds, threads.sinceStart(cpuSeconds),
                    List.copyOf(command));
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** Tails the log (only the bytes added since the last look) until the ready line appears. */
    private static String awaitReady(ManagedProcess process) {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        long position = 0;
        StringBuilder pending = new StringBuilder();
        while (System.nanoTime() < deadline) {
            try (RandomAccessFile log = new RandomAccessFile(process.logFile().toFile(), "r")) {
                long length = log.length();
                if (length > position) {
                    byte[] added = new byte[(int) (length - position)];
                    log.seek(position);
                    log.readFully(added);
                    position = length;
                    pending.append(new String(added, StandardCharsets.UTF_8));
                    int newline;
                    while ((newline = pending.indexOf("\n")) >= 0) {
                        String line = ANSI_COLOUR.matcher(pending.substring(0, newline)).replaceAll("");
                        pending.delete(0, newline + 1);
                        if (READY.matcher(line).find()) {
                            return line;
                        }
                    }
                }
            } catch (IOException e) {
                // not created yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited during startup" + System.lineSeparator()
                        + process.logTail(60));
            }
            sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("Payara Micro was not ready within " + BOOT_TIMEOUT.toSeconds() + " s"
                + System.lineSeparator() + process.logTail(60));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
