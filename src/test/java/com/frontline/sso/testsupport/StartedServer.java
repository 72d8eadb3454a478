package com.frontline.sso.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/** A server process the harness started and waited for: its port, log and start time; stopped by PID. */
public abstract class StartedServer implements AutoCloseable {

    private final int port;
    private final ManagedProcess process;
    private final Duration startTime;

    protected StartedServer(int port, ManagedProcess process, Duration startTime) {
        this.port = port;
        this.process = process;
        this.startTime = startTime;
    }

    public int port() {
        return port;
    }

    /** How long the start took until the server answered. */
    public Duration startTime() {
        return startTime;
    }

    public Path logFile() {
        return process.logFile();
    }

    public long pid() {
        return process.pid();
    }

    /** Whether some line of the log (the server's console output) so far matches {@code pattern}. */
    public boolean logMatches(Pattern pattern) {
        return process.logMatches(pattern);
    }

    /** The last lines of the server log, for assertion messages. */
    public String logTail(int lines) {
        return process.logTail(lines);
    }

    /** Stops the process and its descendants by PID. */
    @Override
    public void close() {
        process.close();
    }
}
