package com.frontline.sso.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.frontline.sso.audit.LibraryLogging;
import com.frontline.sso.testsupport.saml.TestIdp;

/**
 * A refused response is recorded by one audit line with its reason; the libraries add no stack trace to the server
 * log (pac4j's validator logs one at ERROR per refused assertion, under the name of the class that extends it).
 */
class RefusalLogTest {

    @TempDir
    Path dataDir;

    @Test
    void aRefusedAssertionLeavesNoStackTraceInTheServerLog() {
        LibraryLogging.apply();
        InProcessAcs acs = InProcessAcs.withTestIdp(dataDir, Map.of());
        String forged = TestIdp.trusted().response(acs.settings().primary().spEntityId(), acs.settings().primary().acsUrl())
                .inResponseTo(acs.issueRequest("/")).audience("https://other-app.example.com").sign().base64();

        List<LogRecord> records = recordsWhile(() -> assertEquals("invalid_audience", acs.post(forged).code()));

        assertEquals(List.of(), records.stream().filter(r -> r.getThrown() != null)
                .map(r -> r.getLoggerName() + ": " + r.getMessage() + " (" + r.getThrown() + ")").toList());
    }

    private static List<LogRecord> recordsWhile(Runnable action) {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override public void publish(LogRecord record) { records.add(record); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            action.run();
        } finally {
            root.removeHandler(capture);
        }
        return records;
    }
}
