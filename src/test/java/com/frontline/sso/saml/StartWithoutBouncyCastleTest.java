package com.frontline.sso.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SP's start (first start with key generation, then a restart) loads no BouncyCastle class: the first class
 * from one of its signed jars has the JVM verify the jar's signature over its whole manifest, 0.3 s and more of
 * the start. Run in a JVM of its own, whose class loading is logged: this one has loaded BouncyCastle long ago.
 */
class StartWithoutBouncyCastleTest {

    @TempDir
    Path temp;

    @Test
    void firstStartAndRestartLoadNoBouncyCastleClass() throws Exception {
        Path dataDir = temp.resolve("data");
        for (String start : List.of("first start", "restart")) {
            List<String> loaded = startInItsOwnJvm(dataDir, temp.resolve(start.replace(' ', '-') + ".log"));
            assertTrue(loaded.stream().anyMatch(line -> line.contains("org.opensaml.saml.saml2.core.impl.AuthnRequestImpl ")),
                    start + ": the class-loading log lists the SAML classes the start loads");
            assertEquals(List.of(), loaded.stream().filter(line -> line.contains("org.bouncycastle.")).toList(), start);
        }
        assertTrue(Files.exists(dataDir.resolve("sp-signing.p12")));
    }

    private static List<String> startInItsOwnJvm(Path dataDir, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                Start.class.getName(), dataDir.toString())
                .redirectErrorStream(true).redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the start ended");
        assertEquals(0, process.exitValue(), () -> "the start failed: " + read(log.resolveSibling(log.getFileName() + ".out")));
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** What the early SP start does: settings, SP key, IdP metadata, the clients and their warm-up. */
    public static final class Start {
        public static void main(String[] args) {
            SamlClients clients = SamlClients.create(TestSettings.with(Path.of(args[0]), Map.of()));
            clients.warmUp();
            clients.all().forEach(SpMetadata::render);
            clients.destroy();
        }
    }
}
