package com.frontline.sso.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A WAR deployed as {@code ROOT.war} (context root {@code /}) on stock WildFly with its MicroProfile configuration
 * ({@code standalone-microprofile.xml}, which has MicroProfile Config), listening on 127.0.0.1 only.
 *
 * <p>The distribution is only read: each start copies its {@code standalone/} directory into the work directory
 * and points {@code jboss.server.base.dir} there, so configuration, deployments, data and logs are private to
 * the run. The HTTP port is the caller's; HTTPS and both management ports are picked free, so nothing listens
 * on WildFly's fixed defaults (8443, 9990, 9993). {@code standalone.sh} runs the server JVM as its child;
 * {@link ManagedProcess} stops both by PID.
 */
public final class WildFlyApp extends StartedServer {

    /** The app answers this publicly with 200 once it is deployed (WildFly's own health is on the management port). */
    public static final String HEALTH_PATH = "/health";

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** The server booted and every deployment found at boot deployed. */
    private static final Pattern STARTED = Pattern.compile("WFLYSRV0025: ");
    /**
     * "started (with errors)", or a failed management operation such as the deploy: WildFly still logs
     * {@code WFLYSRV0010: Deployed "ROOT.war"} for a WAR whose listener threw, so that line proves nothing alone.
     */
    private static final Pattern FAILED = Pattern.compile("WFLYSRV0026: |WFLYCTL0013: ");
    private static final String CONFIG = "standalone-microprofile.xml";

    private final ManagedProcess process;
    private final Path serverLog;

    private WildFlyApp(int port, ManagedProcess process, Duration startTime, Path serverLog) {
        super(port, process, startTime);
        this.process = process;
        this.serverLog = serverLog;
    }

    /** Deploys the project's WAR ({@link TestEnvironment#frontlineWar()}). */
    public static WildFlyApp start(int port, Map<String, String> env, Path workDir) {
        return start(TestEnvironment.frontlineWar(), HEALTH_PATH, port, env, workDir);
    }

    /**
     * Deploys {@code war} as ROOT.war on 127.0.0.1:{@code port} with {@code env} added to the environment (the
     * {@code SSO_*} settings) and returns once GET {@code readyPath} answers 200.
     */
    public static WildFlyApp start(Path war, String readyPath, int port, Map<String, String> env, Path workDir) {
        Path home = TestEnvironment.wildflyHome();
        Path wildflyDir = Dirs.recreate(workDir.resolve("wildfly"));
        Path base = wildflyDir.resolve("standalone");
        copyTree(home.resolve("standalone"), base);
        copy(war, base.resolve("deployments").resolve("ROOT.war"));

        List<String> command = List.of(
                home.resolve("bin").resolve("standalone.sh").toString(),
                "-c", CONFIG,
                "-Djboss.server.base.dir=" + base,
                "-b", "127.0.0.1",
                "-bmanagement", "127.0.0.1",
                "-Djboss.http.port=" + port,
                "-Djboss.https.port=" + FreePorts.pick(),
                "-Djboss.management.http.port=" + FreePorts.pick(),
                "-Djboss.management.https.port=" + FreePorts.pick());
        Map<String, String> environment = new HashMap<>(env);
        // The JVM running the tests (JDK 17 here): WildFly 39 runs on it. standalone.sh otherwise takes `java` from PATH.
        environment.put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        environment.put("JBOSS_HOME", home.toString());
        // Unset, standalone.conf supplies WildFly's defaults (heap, module options) instead of whatever the caller had.
        environment.put("JAVA_OPTS", null);
        environment.put("LAUNCH_JBOSS_IN_BACKGROUND", null);
        ManagedProcess process = ManagedProcess.start("wildfly", command, environment, wildflyDir, workDir);
        URI ready = URI.create("http://localhost:" + port + readyPath);
        Duration took = process.awaitReady(started -> started.awaitLogLine(STARTED, FAILED, BOOT_TIMEOUT)
                .plus(started.awaitHttp(ready, 200, FAILED, READY_TIMEOUT)));
        return new WildFlyApp(port, process, took, base.resolve("log").resolve("server.log"));
    }

    /** {@code http://localhost:<port>}. */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** WildFly's own server.log in the private base directory ({@link #logFile()} is the console output). */
    public Path serverLog() {
        return serverLog;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + from + " to " + to, e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + from + " to " + to, e);
        }
    }
}
