package com.frontline.sso.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a server's log says about the SP's startup warm-up request through the server's own HTTP listener. */
public final class ListenerWarmUpLog {

    private ListenerWarmUpLog() {
    }

    /**
     * Asserts that the warm-up reached the listener on {@code port} (any HTTP status: the server answered it) and
     * that the log says so before the line {@code ready} that ends the server's start.
     */
    public static void assertWarmedUpBeforeReady(Path logFile, int port, Pattern ready) {
        String log = read(logFile);
        Matcher warmUp = Pattern.compile("warmed up the server's request path: GET http://127\\.0\\.0\\.1:" + port
                + "/health answered \\d{3} in \\d+ ms").matcher(log);
        assertTrue(warmUp.find(), "no warm-up request to port " + port + " in " + logFile);
        Matcher readyLine = ready.matcher(log);
        assertTrue(readyLine.find(), "no ready line in " + logFile);
        assertTrue(warmUp.start() < readyLine.start(), "the warm-up request was logged after the server's ready line");
    }

    private static String read(Path logFile) {
        try {
            return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
