package com.frontline.sso.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import com.frontline.sso.testsupport.Dirs;
import com.frontline.sso.testsupport.FreePorts;

/**
 * Payara Micro's own start (a tiny WAR with one static page) against its start with frontline-sso.war, and
 * the latency of the first requests right after the "ready" log line. Rounds alternate: empty WAR, a minimal
 * WAR with one CDI bean and one JAX-RS resource (the floor of the SP's shape), that WAR with the app's libraries
 * and a pac4j SAML2Client started at deployment (the floor of the mandated libraries; {@link ReferenceWars}), the
 * app with a new data directory (the SP key is generated during the start), the app again on that directory (key reused, as after
 * a restart), the app once more on that directory with the load balancer's health probe as the first request (as
 * in production, where no agent reaches an instance before the probe said it is up), and, when given, another
 * build of the app on the same directory.
 */
final class StartupProbe {

    static final String EMPTY = "empty WAR";
    /** One CDI bean and one JAX-RS resource: what the SP's mandated shape costs before any SAML. */
    static final String MINIMAL = "minimal CDI + JAX-RS WAR";
    /** The minimal WAR with the app's libraries and a pac4j SAML2Client started as pac4j documents it. */
    static final String PAC4J_SAML = "pac4j-saml WAR (libraries, SAML2Client.init())";
    static final String APP_NEW_KEY = "frontline-sso (new data dir)";
    static final String APP_KEPT_KEY = "frontline-sso (existing data dir)";
    /** The load balancer's probe ({@code GET /health}) first, then the protected page: an agent's first request in production. */
    static final String APP_AFTER_PROBE = "frontline-sso (existing data dir, health probe first)";
    static final String HEALTH = "/health";
    /**
     * Another build of the WAR (-Dbenchmark.baselineWar), started in the same rounds on a data directory of its own
     * (first new, then existing), so that what a build writes there (the generated key) is compared too: before/after a change.
     */
    static final String BASELINE_NEW_KEY = "baseline WAR (new data dir)";
    static final String BASELINE_KEPT_KEY = "baseline WAR (existing data dir)";

    record FirstRequest(String path, int order, int status, double millis) {
    }

    record Start(String variant, int round, long startMillis, long payaraReportedMillis, double cpuSecondsAtReady,
                 Map<String, Double> cpuByThreadKind, List<FirstRequest> requests) {

        /** A start of this WAR whose first request is one of the WAR's own pages (not the health probe). */
        boolean ofThisWar() {
            return variant.equals(APP_NEW_KEY) || variant.equals(APP_KEPT_KEY);
        }
    }

    record Result(List<Start> starts, String mode) {

        List<Start> of(String variant) {
            return starts.stream().filter(s -> s.variant().equals(variant)).toList();
        }

        double medianStart(String variant) {
            return median(of(variant).stream().mapToDouble(Start::startMillis).sorted().toArray());
        }

        double medianPayaraReported(String variant) {
            return median(of(variant).stream().mapToDouble(Start::payaraReportedMillis).sorted().toArray());
        }

        double medianCpuSeconds(String variant) {
            return median(of(variant).stream().mapToDouble(Start::cpuSecondsAtReady).sorted().toArray());
        }

        /** Per kind of thread, the median of the CPU seconds it used until ready. */
        Map<String, Double> medianCpuByThreadKind(String variant) {
            List<Start> starts = of(variant);
            Map<String, Double> medians = new LinkedHashMap<>();
            starts.stream().flatMap(start -> start.cpuByThreadKind().keySet().stream()).distinct().forEach(kind ->
                    medians.put(kind, median(starts.stream().mapToDouble(start -> start.cpuByThreadKind().getOrDefault(kind, 0.0))
                            .sorted().toArray())));
            return medians;
        }

        /** The app's median start minus the empty WAR's. */
        double delta(String appVariant) {
            return medianStart(appVariant) - medianStart(EMPTY);
        }

        boolean hasBaseline() {
            return !of(BASELINE_KEPT_KEY).isEmpty();
        }

        /** The slowest first request to {@code path} when it was the very first request after ready. */
        double worstFirst(String path) {
            return starts.stream().filter(Start::ofThisWar).flatMap(s -> s.requests().stream())
                    .filter(r -> r.path().equals(path) && r.order() == 1).mapToDouble(FirstRequest::millis).max().orElse(Double.NaN);
        }

        /** The variants that were started, in the order of a round. */
        List<String> variants() {
            return starts.stream().map(Start::variant).distinct().toList();
        }

        /** The median of the very first request after ready, whatever its path, over the starts of {@code variant}. */
        double medianFirst(String variant) {
            return medianFirst(s -> s.variant().equals(variant));
        }

        /** The same over the starts whose first request is this WAR's own (not after the health probe). */
        double medianFirstOfThisWar() {
            return medianFirst(Start::ofThisWar);
        }

        private double medianFirst(Predicate<Start> which) {
            return median(starts.stream().filter(which).flatMap(s -> s.requests().stream())
                    .filter(r -> r.order() == 1).mapToDouble(FirstRequest::millis).sorted().toArray());
        }

        /** The slowest request to {@code path} that came right after the health probe. */
        double worstAfterProbe(String path) {
            return of(APP_AFTER_PROBE).stream().flatMap(s -> s.requests().stream())
                    .filter(r -> r.path().equals(path) && r.order() == 2).mapToDouble(FirstRequest::millis).max().orElse(Double.NaN);
        }

        double worstEmptyFirst() {
            return of(EMPTY).stream().flatMap(s -> s.requests().stream()).mapToDouble(FirstRequest::millis).max().orElse(Double.NaN);
        }

        private static double median(double[] sorted) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    static final String METADATA = "/saml/metadata";

    private StartupProbe() {
    }

    private record Variant(String name, Path war, Path dataDir) {
    }

    /** @param baselineWar another build of the WAR to start in each round after this one, or null */
    static Result run(int rounds, PayaraLauncher.Mode mode, Path war, Path baselineWar, Path workDir, String protectedPath,
                      Function<Integer, Map<String, String>> appEnv) {
        Path emptyWar = ReferenceWars.emptyWar(workDir.resolve("empty.war"));
        Path minimalWar = ReferenceWars.minimalWar(workDir.resolve("minimal.war"));
        Path pac4jSamlWar = ReferenceWars.pac4jSamlWar(workDir.resolve("pac4j-saml.war"), war);
        List<Start> starts = new ArrayList<>();
        int appStarts = 0;
        for (int round = 1; round <= rounds; round++) {
            starts.add(startOnce(EMPTY, round, emptyWar, Map.of(), mode, workDir, List.of("/index.html")));
            starts.add(startOnce(MINIMAL, round, minimalWar, Map.of(), mode, workDir, List.of("/api/me")));
            starts.add(startPac4jSaml(round, pac4jSamlWar, mode, workDir, appEnv));
            Path dataDir = Dirs.recreate(workDir.resolve("startup-data-" + round));
            List<Variant> variants = new ArrayList<>(List.of(new Variant(APP_NEW_KEY, war, dataDir),
                    new Variant(APP_KEPT_KEY, war, dataDir), new Variant(APP_AFTER_PROBE, war, dataDir)));
            if (baselineWar != null) {
                Path baselineData = Dirs.recreate(workDir.resolve("startup-baseline-data-" + round));
                variants.add(new Variant(BASELINE_NEW_KEY, baselineWar, baselineData));
                variants.add(new Variant(BASELINE_KEPT_KEY, baselineWar, baselineData));
            }
            for (Variant variant : variants) {
                // Alternate which request comes first, so each is measured as the very first request.
                List<String> paths = variant.name().equals(APP_AFTER_PROBE) ? List.of(HEALTH, protectedPath)
                        : appStarts++ % 2 == 0 ? List.of(METADATA, protectedPath) : List.of(protectedPath, METADATA);
                starts.add(startWithAppEnv(variant, round, appEnv, mode, workDir, paths));
            }
        }
        return new Result(starts, mode.describe());
    }

    /** A reference whose client did not start measures nothing: its metadata must be served. */
    private static Start startPac4jSaml(int round, Path war, PayaraLauncher.Mode mode, Path workDir,
                                        Function<Integer, Map<String, String>> appEnv) {
        Variant variant = new Variant(PAC4J_SAML, war, Dirs.recreate(workDir.resolve("startup-pac4j-saml-data-" + round)));
        Start start = startWithAppEnv(variant, round, appEnv, mode, workDir, List.of(METADATA));
        int status = start.requests().get(0).status();
        if (status != 200) {
            throw new IllegalStateException("the pac4j-saml reference WAR did not start its SAML2Client: GET " + METADATA
                    + " answered " + status + "; see its log in startup-logs");
        }
        return start;
    }

    /** A start with the app's environment for a fresh port and the variant's data directory. */
    private static Start startWithAppEnv(Variant variant, int round, Function<Integer, Map<String, String>> appEnv,
                                         PayaraLauncher.Mode mode, Path workDir, List<String> paths) {
        int port = FreePorts.pick();
        Map<String, String> env = new HashMap<>(appEnv.apply(port));
        env.put("SSO_DATA_DIR", variant.dataDir().toString());
        return startOnce(variant.name(), round, variant.war(), env, mode, workDir, paths, port);
    }

    private static Start startOnce(String variant, int round, Path war, Map<String, String> env, PayaraLauncher.Mode mode,
                                   Path workDir, List<String> paths) {
        return startOnce(variant, round, war, env, mode, workDir, paths, FreePorts.pick());
    }

    private static Start startOnce(String variant, int round, Path war, Map<String, String> env, PayaraLauncher.Mode mode,
                                   Path workDir, List<String> paths, int port) {
        System.out.printf("  startup round %d: %s ...%n", round, variant);
        PayaraLauncher.Running server = PayaraLauncher.start("startup", war, port, env, mode, workDir);
        try (server) {
            HttpClient client = Http.newClient(1);
            List<FirstRequest> requests = new ArrayList<>();
            for (String path : paths) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = client.send(Http.get(URI.create(server.baseUrl() + path), accept(path), null),
                        HttpResponse.BodyHandlers.ofByteArray());
                double millis = (System.nanoTime() - start) / 1e6;
                requests.add(new FirstRequest(path, requests.size() + 1, response.statusCode(), millis));
            }
            Start start = new Start(variant, round, server.startMillis(), server.payaraReportedMillis(),
                    server.cpuSecondsAtReady(), server.cpuAtReadyByThreadKind(), requests);
            System.out.printf(Locale.ROOT, "    ready after %d ms (Payara says %d ms, %.1f s CPU); first requests: %s%n",
                    start.startMillis(), start.payaraReportedMillis(), start.cpuSecondsAtReady(), requests.stream().map(r -> r.path() + " " + r.status() + " in "
                            + String.format("%.1f", r.millis()) + " ms").toList());
            System.out.println("      CPU until ready by thread kind: " + ServerThreadCpu.format(start.cpuByThreadKind(), 1, "s"));
            return start;
        } catch (IOException e) {
            throw new UncheckedIOException("first request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            keepLog(server, workDir.resolve("startup-logs").resolve("round-" + round + "-" + variant.replaceAll("[^A-Za-z0-9]+", "-") + ".log"));
        }
    }

    /** The next start reuses the server's directory: its log is kept, to read what a surprising start did. */
    private static void keepLog(PayaraLauncher.Running server, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(server.process().logFile(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            System.out.println("    (log not kept: " + e + ")");
        }
    }

    private static String accept(String path) {
        if (path.equals(METADATA)) {
            return "application/samlmetadata+xml";
        }
        return path.startsWith("/api/") ? "application/json" : "text/html";
    }
}
