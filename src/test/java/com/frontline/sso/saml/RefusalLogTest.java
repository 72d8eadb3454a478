package com.frontline.sso.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.frontline.sso.audit.LibraryLogging;
import com.frontline.sso.testsupport.saml.ForgedResponse;
import com.frontline.sso.testsupport.saml.ResponseForge;
import com.frontline.sso.testsupport.saml.TestIdp;

/**
 * A refused response is recorded by one audit line with its reason; the libraries add nothing at WARNING or above
 * and no stack trace to the server log (pac4j's validator logs one at ERROR per refused assertion, under the name of
 * the class that extends it; Santuario up to three WARNING lines per altered or foreign signature; OpenSAML an ERROR line per message
 * that is not XML or not SAML): log volume an attacker controls.
 */
class RefusalLogTest {

    @TempDir
    Path dataDir;

    @Test
    void aRefusedAssertionLeavesNoLibraryWarningOrStackTraceInTheServerLog() {
        InProcessAcs acs = InProcessAcs.withTestIdp(dataDir, Map.of());
        String forged = response(acs).audience("https://other-app.example.com").sign().base64();

        List<LogRecord> records = recordsWhile(() -> assertEquals("invalid_audience", acs.post(forged).code()));

        assertEquals(List.of(), warnings(records));
    }

    @Test
    void anAlteredOrForeignSignatureLeavesNoLibraryWarningInTheServerLog() {
        InProcessAcs acs = InProcessAcs.withTestIdp(dataDir, Map.of());
        String tampered = ForgedResponse.encode(response(acs).sign().xml().replace("alice@example.com", "mallory@example.com"));

        String otherKey = response(acs).signedBy(TestIdp.rogue()).sign().base64();

        List<LogRecord> records = recordsWhile(() -> {
            assertEquals("invalid_signature", acs.post(tampered).code());
            assertEquals("invalid_signature", acs.post(otherKey).code());
        });

        assertEquals(List.of(), warnings(records));
    }

    @Test
    void aMessageThatIsNotSamlLeavesNoLibraryErrorInTheServerLog() {
        InProcessAcs acs = InProcessAcs.withTestIdp(dataDir, Map.of());
        String truncated = response(acs).sign().xml();
        for (String junk : List.of("not xml", "<not-saml/>", truncated.substring(0, truncated.length() / 2))) {
            List<LogRecord> records = recordsWhile(() -> assertEquals("malformed_message", acs.post(ForgedResponse.encode(junk)).code()));
            assertEquals(List.of(), warnings(records), junk);
        }
    }

    private static ResponseForge response(InProcessAcs acs) {
        return TestIdp.trusted().response(acs.settings().primary().spEntityId(), acs.settings().primary().acsUrl())
                .inResponseTo(acs.issueRequest("/"));
    }

    /** What the libraries logged at WARNING or above, or with a stack trace (the audit line is written by the web layer). */
    private static List<String> warnings(List<LogRecord> records) {
        return records.stream().filter(r -> r.getThrown() != null || r.getLevel().intValue() >= Level.WARNING.intValue())
                .filter(r -> !r.getLoggerName().equals("frontline.audit"))
                .map(r -> r.getLoggerName() + ": " + r.getMessage() + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")")).toList();
    }

    private static List<LogRecord> recordsWhile(Runnable action) {
        LibraryLogging.apply();
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
