package com.frontline.sso.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An external server process (Keycloak, Payara Micro) started for a test or the demo.
 *
 * <p>Output goes to {@code <dir>/<name>.log}. Stopping works by PID and includes descendants,
 * because {@code kc.sh} runs the real Keycloak JVM as a child: destroying only the shell would
 * leave Keycloak running. A JVM shutdown hook stops the process too, so an interrupted test run or
 * a Ctrl-C on the demo leaves nothing behind.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);
    private static final Pattern ANSI_COLOUR = Pattern.compile("\u001B\\[[;\\d]*m");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread shutdownHook;
    private boolean stopped;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stopQuietly, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code command} in {@code workingDir} with the current environment plus {@code env}
     * (a {@code null} value removes a variable), logging to {@code logDir/<name>.log}.
     */
    public static ManagedProcess start(String name, List<String> command, Map<String, String> env,
                                       Path workingDir, Path logDir) {
        try {
            Files.createDirectories(logDir);
            Files.createDirectories(workingDir);
            Path log = logDir.resolve(name + ".log");
            Files.writeString(log, "# " + Instant.now() + " " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            env.forEach((key, value) -> {
                if (value == null) {
                    builder.environment().remove(key);
                } else {
                    builder.environment().put(key, value);
                }
            });
            Process process = builder.start();
            // Nobody types into these servers; an open stdin pipe would only keep them waiting on it.
            process.getOutputStream().close();
            return new ManagedProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Runs {@code readiness} (e.g. one of the {@code await...} methods) and returns its result; if it
     * throws, the process is stopped first, so a server that failed to start is never left running.
     */
    public <T> T awaitReady(Function<ManagedProcess, T> readiness) {
        try {
            return readiness.apply(this);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /**
     * Waits until GET {@code url} answers {@code expectedStatus}. Fails early if the process exits
     * or its log matches {@code failure} (may be null), and reports the end of the log either way.
     */
    public Duration awaitHttp(URI url, int expectedStatus, Pattern failure, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String lastAnswer = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            checkStillStarting(failure, "waiting for " + url);
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == expectedStatus) {
                    return Duration.between(start, Instant.now());
                }
                lastAnswer = "HTTP " + response.statusCode();
            } catch (ConnectException notListeningYet) {
                lastAnswer = "connection refused";
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + url, e);
            }
            sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException(name + " did not answer " + expectedStatus + " at " + url + " within "
                + timeout.toSeconds() + " s (last: " + lastAnswer + ")" + logTailForMessage());
    }

    /** Waits until a line of the log matches {@code ready}; fails early as {@link #awaitHttp} does. */
    public Duration awaitLogLine(Pattern ready, Pattern failure, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (logMatches(ready)) {
                return Duration.between(start, Instant.now());
            }
            checkStillStarting(failure, "waiting for log line /" + ready + "/");
            sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException(name + " did not log /" + ready + "/ within " + timeout.toSeconds() + " s"
                + logTailForMessage());
    }

    /** Whether some line of the log so far matches {@code pattern}. */
    public boolean logMatches(Pattern pattern) {
        return pattern.matcher(readLog()).find();
    }

    /** The last {@code lines} lines of the log, without ANSI colour codes (Payara colours even a file). */
    public String logTail(int lines) {
        List<String> all = ANSI_COLOUR.matcher(readLog()).replaceAll("").lines().toList();
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Stops the process and its descendants: SIGTERM first, SIGKILL for whatever is left after a grace period. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        stopTree();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // close() is running from a shutdown hook; the JVM no longer accepts changes to hooks.
        }
    }

    private void stopTree() {
        // Collect the descendants first: once the parent is gone they are re-parented and can no
        // longer be found from it.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(GRACEFUL_STOP);
        for (ProcessHandle handle : tree) {
            long leftMillis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                handle.onExit().get(leftMillis, TimeUnit.MILLISECONDS);
            } catch (Exception stillRunning) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        }
    }

    private synchronized void stopQuietly() {
        try {
            if (!stopped) {
                stopped = true;
                stopTree();
            }
        } catch (RuntimeException e) {
            System.err.println("could not stop " + name + " (pid " + pid() + "): " + e);
        }
    }

    private void checkStillStarting(Pattern failure, String doing) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with status " + process.exitValue() + " while "
                    + doing + logTailForMessage());
        }
        if (failure != null && failure.matcher(readLog()).find()) {
            throw new IllegalStateException(name + " logged a startup failure (/" + failure + "/) while "
                    + doing + logTailForMessage());
        }
    }

    private String readLog() {
        try {
            // Servers may log in the platform charset; a lossy decode is fine for matching.
            return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String logTailForMessage() {
        return System.lineSeparator() + "--- last lines of " + logFile + " ---" + System.lineSeparator() + logTail(40);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
