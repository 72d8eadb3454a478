package com.frontline.sso.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A WAR deployed at context root {@code /} on stock Payara Micro, listening on 127.0.0.1 only.
 *
 * <p>Hazelcast is off ({@code --nocluster} would still open port 6900 on every interface) unless the
 * instance is started as a cluster member ({@link #startClustered}), and
 * pre-boot commands bind the HTTP listener to loopback and switch off Payara's built-in
 * MicroProfile Health endpoint, which otherwise answers {@code GET /health} itself (context
 * {@code /health} beats the app's context {@code /}) with {@code {"status":"UP","checks":[]}}, even
 * when the app failed to deploy. Payara unpacks its runtime into a private root directory, so runs
 * do not share state through the system temp directory.
 */
public final class PayaraMicroApp extends StartedServer {

    /** The app answers this publicly with 200 once it is deployed. */
    public static final String HEALTH_PATH = "/health";

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Logged once every deployment was attempted, whether it worked or not. */
    /** Payara Micro's line at the end of its start. */
    public static final Pattern READY_LINE = Pattern.compile("Payara Micro .* ready in");
    /** Logged per WAR that deployed; a failed deployment logs SEVERE lines and Payara runs on without the app. */
    private static final Pattern DEPLOYED = Pattern.compile("was successfully deployed");
    /** Hazelcast's own setting (also in arquillian.xml's cmdOptions); README recommends it for production. */
    static final String NO_PHONE_HOME = "-Dhazelcast.phone.home.enabled=false";
    private static final List<String> PRE_BOOT_COMMANDS = List.of(
            "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1",
            "set-microprofile-healthcheck-configuration --enabled=false");

    private PayaraMicroApp(int port, ManagedProcess process, Duration startTime) {
        super(port, process, startTime);
    }

    /** Deploys the project's WAR ({@link TestEnvironment#frontlineWar()}). */
    public static PayaraMicroApp start(int port, Map<String, String> env, List<String> jvmOptions, Path workDir) {
        return start(TestEnvironment.frontlineWar(), HEALTH_PATH, port, env, jvmOptions, workDir);
    }

    /**
     * Deploys {@code war} on 127.0.0.1:{@code port} with {@code env} added to the environment and
     * returns once GET {@code readyPath} answers 200.
     */
    public static PayaraMicroApp start(Path war, String readyPath, int port, Map<String, String> env,
                                       List<String> jvmOptions, Path workDir) {
        return start(war, readyPath, port, env, jvmOptions, workDir, List.of("--nohazelcast"));
    }

    /**
     * Deploys the project's WAR as a member of the data grid {@code clusterName}: Hazelcast on, bound to
     * 127.0.0.1 and discovering members by TCP on 127.0.0.1 only (no multicast), so instances started with
     * the same name form one cluster and other test runs on the machine stay out of it.
     */
    public static PayaraMicroApp startClustered(int port, String clusterName, Map<String, String> env, Path workDir) {
        return start(TestEnvironment.frontlineWar(), HEALTH_PATH, port, env, List.of(), workDir,
                dataGridOptions(workDir, clusterName));
    }

    private static PayaraMicroApp start(Path war, String readyPath, int port, Map<String, String> env,
                                        List<String> jvmOptions, Path workDir, List<String> dataGridOptions) {
        Path payaraDir = Dirs.recreate(workDir.resolve("payara"));
        List<String> command = commandLine(war, port, jvmOptions, payaraDir, dataGridOptions);
        ManagedProcess process = ManagedProcess.start("payara", command, env, payaraDir, workDir);
        URI ready = URI.create("http://localhost:" + port + readyPath);
        Duration took = process.awaitReady(started -> {
            Duration booted = started.awaitLogLine(READY_LINE, null, BOOT_TIMEOUT);
            if (!started.logMatches(DEPLOYED)) {
                throw new IllegalStateException("Payara Micro started but did not deploy " + war.getFileName()
                        + System.lineSeparator() + "--- last lines of " + started.logFile() + " ---"
                        + System.lineSeparator() + started.logTail(60));
            }
            return booted.plus(started.awaitHttp(ready, 200, null, READY_TIMEOUT));
        });
        return new PayaraMicroApp(port, process, took);
    }

    /** {@code http://localhost:<port>}: the browser-facing origin (a different site than Keycloak's 127.0.0.1). */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /**
     * The command that runs stock Payara Micro with {@code war} at context root {@code /} on 127.0.0.1:{@code port},
     * its runtime and pre-boot commands in {@code payaraDir}, on the JVM running the tests (JDK 17 here).
     */
    public static List<String> commandLine(Path war, int port, List<String> jvmOptions, Path payaraDir,
                                           List<String> dataGridOptions) {
        Path preBoot = writePreBootCommands(payaraDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Tests talk to loopback only: Hazelcast would otherwise send usage data to hazelcast.com at startup.
        command.add(NO_PHONE_HOME);
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar", TestEnvironment.payaraMicroJar().toString(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", Integer.toString(port),
                "--prebootcommandfile", preBoot.toString(),
                "--rootdir", payaraDir.resolve("root").toString()));
        command.addAll(dataGridOptions);
        return command;
    }

    /** Options that make the instance a member of the loopback data grid {@code clusterName} (see {@link DataGridConfig}). */
    public static List<String> dataGridOptions(Path workDir, String clusterName) {
        return List.of("--hzconfigfile", DataGridConfig.write(workDir, clusterName).toString());
    }

    private static Path writePreBootCommands(Path dir) {
        try {
            return Files.write(dir.resolve("pre-boot-commands.asadmin"), PRE_BOOT_COMMANDS, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
