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
 * What the SP's start (a first start with key generation, then a restart) costs beside its real work, in a JVM of
 * its own whose class loading and PKCS12 reads are logged (this one has loaded everything long ago): no OpenSAML
 * object provider of an element the start does not handle ({@link OnDemandXmlObjectProviders}), no
 * BouncyCastle class (the first class from one of its signed jars has the JVM verify the jar's signature over its
 * whole manifest, 0.3 s and more), and the SP keystore read once, with one round of password-based key derivation
 * for each of its MAC, certificate and key (the JDK's default is 10,000; see {@link RandomPasswordPkcs12}).
 */
class SpStartInItsOwnJvmTest {

    @TempDir
    Path temp;

    @Test
    void firstStartAndRestartLoadNoBouncyCastleClassAndReadTheSpKeyOnceWithOneIteration() throws Exception {
        Path dataDir = temp.resolve("data");
        for (String start : List.of("first start", "restart")) {
            Path log = temp.resolve(start.replace(' ', '-') + ".log");
            String output = startInItsOwnJvm(dataDir, log);
            List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
            assertTrue(loaded.stream().anyMatch(line -> line.contains("org.opensaml.saml.saml2.core.impl.AuthnRequestImpl ")),
                    start + ": the class-loading log lists the SAML classes the start loads");
            assertEquals(List.of(), loaded.stream().filter(line -> line.contains("org.bouncycastle.")).toList(), start);
            // OpenSAML's object providers are created at their first use: none for elements the start never sees
            assertEquals(List.of(), loaded.stream().filter(line -> line.contains("org.opensaml.saml.ext.saml2mdui.impl.")
                    || line.contains("org.opensaml.saml.saml2.ecp.impl.")).toList(), start);
            assertEquals(1, occurrences(output, "PKCS12KeyStore load:"), start + ": keystore reads\n" + output);
            assertEquals(1, occurrences(output, "Retrieved a protected private key at alias 'frontline-sp'"),
                    start + ": private key reads\n" + output);
            List<String> iterations = output.lines().filter(line -> line.contains("iterations:")).toList();
            assertEquals(3, iterations.size(), start + ": MAC, certificate and key\n" + output);
            assertEquals(List.of(), iterations.stream().filter(line -> !line.contains("iterations: 1)")).toList(), start);
        }
        assertTrue(Files.exists(dataDir.resolve("sp-signing.p12")));
    }

    /** @return what the start printed (the PKCS12 debug lines among it); its class loading is logged to {@code log} */
    private static String startInItsOwnJvm(Path dataDir, Path log) throws IOException, InterruptedException {
        Path output = log.resolveSibling(log.getFileName() + ".out");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-Djava.security.debug=pkcs12", "-cp", System.getProperty("java.class.path"),
                Start.class.getName(), dataDir.toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the start ended");
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> "the start failed: " + printed);
        return printed;
    }

    private static long occurrences(String text, String part) {
        return text.lines().filter(line -> line.contains(part)).count();
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
