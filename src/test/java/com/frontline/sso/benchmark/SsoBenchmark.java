package com.frontline.sso.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.frontline.sso.testsupport.Dirs;
import com.frontline.sso.testsupport.FreePorts;
import com.frontline.sso.testsupport.TestEnvironment;

/**
 * Issue 6's measurements on stock Payara Micro, run by {@code mvn -Pbenchmark verify} (not part of the tests):
 *
 * <ol>
 *   <li><b>startup</b>: Payara Micro with an empty WAR vs. with frontline-sso.war (new and existing data
 *       directory), in alternating rounds; the difference of the medians is what the WAR adds. Then the latency
 *       of the first requests after the "ready" line: GET /saml/metadata and a protected page (a redirect to the IdP).</li>
 *   <li><b>login</b>: the app trusts the test IdP (src/test/resources/test-idp/metadata.xml) with IdP-initiated
 *       login on; unique signed responses are generated on every core before each timed chunk, then posted to
 *       the ACS by N concurrent clients. Warm-up first, then the timed logins: logins/s, p50/p99, errors. Every
 *       check runs as in production: signatures, replay, audience, destination, recipient, times, structure.</li>
 *   <li><b>pages</b>: one session, N clients: a protected static page vs. a public static page, alternating rounds.</li>
 *   <li><b>redirects</b>: the protected page without a session, N clients: login redirects (302, signed AuthnRequest) per second.</li>
 *   <li><b>heap</b>: live heap (jcmd, after full GC) before and after N more logins, per session.</li>
 * </ol>
 *
 * <p>System properties (the benchmark profile passes them through): {@code benchmark.dir} (target/benchmark),
 * {@code benchmark.clients} (8), {@code benchmark.logins} (20000), {@code benchmark.warmupLogins} (20000: logins per
 * warm-up round), {@code benchmark.maxWarmupLogins} (160000), {@code benchmark.settledJitShare} (0.05: the warm-up ends
 * after a round in which the JIT compilers used at most this share of the server's CPU, see {@link LoginWarmUp}),
 * {@code benchmark.sessions} (10000), {@code benchmark.startupRounds} (2), {@code benchmark.baselineWar} (another
 * build of the WAR whose start is measured in the same rounds, for a before/after), {@code benchmark.pageSeconds} (5),
 * {@code benchmark.pageRounds} (3), {@code benchmark.protectedPath} (/index.html), {@code benchmark.publicPath}
 * (/signed-out.html), {@code benchmark.phases} (startup,login,pages,heap,redirects), {@code benchmark.jfr} (false: when
 * true, a JFR recording of the server during the timed logins, summarised by stage and method),
 * {@code benchmark.datagrid} (true: Payara Micro's default data grid, kept on loopback by
 * server-config/payara/hazelcast-loopback.xml, as the README deploys it; false: --nohazelcast, as the test harness
 * runs it), {@code benchmark.payaraJvmOptions} (none: Payara's JVM uses its defaults).
 */
public final class SsoBenchmark {

    private SsoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("benchmark.dir", "target/benchmark")).toAbsolutePath();
        Files.createDirectories(out);
        int clients = intProperty("benchmark.clients", 8);
        int logins = intProperty("benchmark.logins", 20_000);
        int warmupLogins = intProperty("benchmark.warmupLogins", 20_000);
        int maxWarmupLogins = Math.max(warmupLogins, intProperty("benchmark.maxWarmupLogins", 160_000));
        double settledJitShare = Double.parseDouble(System.getProperty("benchmark.settledJitShare", "0.05"));
        int sessions = intProperty("benchmark.sessions", 10_000);
        int startupRounds = intProperty("benchmark.startupRounds", 2);
        double pageSeconds = Double.parseDouble(System.getProperty("benchmark.pageSeconds", "5"));
        int pageRounds = intProperty("benchmark.pageRounds", 3);
        String protectedPath = System.getProperty("benchmark.protectedPath", "/index.html");
        String publicPath = System.getProperty("benchmark.publicPath", "/signed-out.html");
        boolean jfr = Boolean.parseBoolean(System.getProperty("benchmark.jfr", "false"));
        Set<String> phases = new TreeSet<>(Arrays.asList(System.getProperty("benchmark.phases", "startup,login,pages,heap,redirects")
                .toLowerCase(Locale.ROOT).replace(" ", "").split(",")));
        String jvmOptionsText = System.getProperty("benchmark.payaraJvmOptions", "").trim();
        List<String> jvmOptions = jvmOptionsText.isEmpty() ? List.of() : List.of(jvmOptionsText.split("\\s+"));
        PayaraLauncher.Mode mode = new PayaraLauncher.Mode(Boolean.parseBoolean(System.getProperty("benchmark.datagrid", "true")),
                jvmOptions);
        Path war = TestEnvironment.frontlineWar();
        Path idpMetadata = Path.of(System.getProperty("frontline.testResources", "src/test/resources"), "test-idp", "metadata.xml")
                .toAbsolutePath();

        BenchmarkReport report = new BenchmarkReport();
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("date", Instant.now().toString());
        environment.put("cpus", Runtime.getRuntime().availableProcessors());
        environment.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        environment.put("payaraMode", mode.describe());
        environment.put("war", war.toString());
        environment.put("clients", clients);
        environment.put("phases", List.copyOf(phases));
        environment.put("loadAverageAtStart", LoginLoad.loadAverage());
        environment.put("note", "load generator and server share the machine's cores; client and server CPU are reported per phase");
        report.put("environment", environment);

        System.out.println("frontline-sso benchmark: " + phases + ", " + clients + " clients, Payara " + mode.describe());
        Http.warmUpClientCode();

        if (phases.contains("startup")) {
            String baseline = System.getProperty("benchmark.baselineWar", "").trim();
            System.out.println("Startup: " + startupRounds + " rounds of (empty WAR, minimal CDI + JAX-RS WAR, pac4j-saml WAR, app with new data dir,"
                    + " app with existing data dir, app with the health probe first" + (baseline.isEmpty() ? "" : ", baseline WAR") + ")");
            StartupProbe.Result startup = StartupProbe.run(startupRounds, mode, war, baseline.isEmpty() ? null : Path.of(baseline),
                    out, protectedPath,
                    port -> appEnv(port, idpMetadata, null));
            recordStartup(report, startup, protectedPath);
        }

        if (phases.contains("login") || phases.contains("pages") || phases.contains("heap") || phases.contains("redirects")) {
            int port = FreePorts.pick();
            Path dataDir = Dirs.recreate(out.resolve("load-data"));
            System.out.println("Starting the app for the load phases on port " + port + " ...");
            try (PayaraLauncher.Running server = PayaraLauncher.start("load", war, port, appEnv(port, idpMetadata, dataDir), mode, out)) {
                String heapSettings = SessionHeapProbe.heapSettings(server.pid());
                environment.put("payaraHeap", heapSettings);
                environment.put("payaraCommand", String.join(" ", server.command()));
                System.out.println("  ready (pid " + server.pid() + ", " + heapSettings + "); log " + server.process().logFile());
                SignedResponses responses = new SignedResponses(server.baseUrl());
                LoginLoad load = new LoginLoad(server.baseUrl(), clients, server.pid(), responses);
                load.loginOnce();
                boolean warm = false;

                if (phases.contains("login")) {
                    LoginWarmUp.Result warmup = warmUp(load, warmupLogins, maxWarmupLogins, settledJitShare);
                    warm = true;
                    Path recording = out.resolve("login-load.jfr");
                    if (jfr) {
                        Files.deleteIfExists(recording);
                        Jcmd.run(server.pid(), "JFR.start", "name=sso-benchmark", "settings=profile", "filename=" + recording);
                    }
                    System.out.println("Logins: timed " + logins + " with " + clients + " clients ...");
                    LoginLoad.Result timed = load.run("timed", logins, 1200);
                    print(timed);
                    recordLogins(report, warmup, timed, responses);
                    if (jfr) {
                        Jcmd.run(server.pid(), "JFR.stop", "name=sso-benchmark");
                        JfrSummary.Summary summary = JfrSummary.summarise(recording, 30);
                        String text = JfrSummary.format(summary);
                        System.out.println(text);
                        Files.writeString(out.resolve("login-load-jfr-summary.txt"), text);
                        Map<String, Object> jfrJson = new LinkedHashMap<>();
                        jfrJson.put("recording", recording.toString());
                        jfrJson.put("samples", summary.samples());
                        jfrJson.put("gcCount", summary.gcCount());
                        jfrJson.put("gcPauseMillis", summary.gcPauseTotal().toMillis());
                        jfrJson.put("stageSamples", summary.stages());
                        jfrJson.put("topSelf", summary.topSelf());
                        jfrJson.put("topInclusive", summary.topInclusive());
                        jfrJson.put("allocatedBytesSampled", summary.allocatedBytes());
                        jfrJson.put("topAllocationSites", summary.allocationSites());
                        report.put("jfr", jfrJson);
                    }
                }

                if (phases.contains("pages")) {
                    String cookie = load.loginOnce();
                    System.out.println("Pages: " + protectedPath + " (protected) vs " + publicPath + " (public), one session, "
                            + clients + " clients, " + pageRounds + " rounds of " + pageSeconds + " s each ...");
                    PageThroughput.Result pages = new PageThroughput(server.baseUrl(), cookie, clients, server.pid())
                            .run(protectedPath, publicPath, pageRounds, pageSeconds);
                    recordPages(report, pages);
                }

                if (phases.contains("heap")) {
                    if (!warm) {
                        warmUp(load, warmupLogins, maxWarmupLogins, settledJitShare);
                    }
                    System.out.println("Heap: baseline, then " + sessions + " logins, then again ...");
                    SessionHeapProbe.Snapshot before = SessionHeapProbe.snapshot(server.pid());
                    LoginLoad.Result created = load.run("sessions", sessions, 1200);
                    print(created);
                    PayaraLauncher.sleep(2000);
                    SessionHeapProbe.Snapshot after = SessionHeapProbe.snapshot(server.pid());
                    SessionHeapProbe.Result heap = new SessionHeapProbe.Result(created.logins(), created.errors(),
                            before.liveBytes(), after.liveBytes(), before.heapInfoUsedBytes(), after.heapInfoUsedBytes(),
                            SessionHeapProbe.topDeltas(before, after, 15), heapSettings);
                    recordHeap(report, heap);
                }

                if (phases.contains("redirects")) { // last: each leaves a session and an outstanding request behind
                    System.out.println("Login redirects: " + protectedPath + " without a session, " + clients + " clients, "
                            + pageSeconds + " s timed after 3 warm-up rounds ...");
                    recordRedirects(report, new PageThroughput(server.baseUrl(), null, clients, server.pid())
                            .loginRedirects(protectedPath, pageSeconds));
                }
            }
        }

        System.out.println();
        System.out.println(report.table());
        Path json = out.resolve("results.json");
        report.write(json);
        System.out.println("Written: " + json);
    }

    private static Map<String, String> appEnv(int port, Path idpMetadata, Path dataDir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SSO_BASE_URL", "http://localhost:" + port);
        env.put("SSO_IDP_METADATA", idpMetadata.toString());
        env.put("SSO_IDP_INITIATED_ENABLED", "true");
        if (dataDir != null) {
            env.put("SSO_DATA_DIR", dataDir.toString());
        }
        return env;
    }

    private static void print(LoginLoad.Result result) {
        System.out.printf(Locale.ROOT, "  %s: %d logins, %d errors in %.1f s of posting (%d chunks): %.0f logins/s, p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms; CPU server %.1f s, client %.1f s, other processes %.1f s%s%n",
                result.label(), result.logins(), result.errors(), result.postingSeconds(), result.chunks(), result.loginsPerSecond(),
                result.percentileMillis(50), result.percentileMillis(99), result.percentileMillis(100), result.serverCpuSeconds(),
                result.clientCpuSeconds(), result.otherCpuSeconds(), result.errors() > 0 ? "; errors " + result.errorKinds() + ", e.g. " + result.errorSample() : "");
        System.out.println("    server CPU per login by thread kind: "
                + ServerThreadCpu.format(result.serverCpuMillisPerLoginByThreadKind(), 1, "ms"));
    }

    private static LoginWarmUp.Result warmUp(LoginLoad load, int roundLogins, int maxLogins, double settledJitShare) {
        System.out.printf(Locale.ROOT, "Logins: warm-up in rounds of %d until the JIT compilers use at most %.0f%% of the server's CPU "
                + "(at most %d logins) ...%n", roundLogins, settledJitShare * 100, maxLogins);
        LoginWarmUp.Result warmup = LoginWarmUp.run(load, roundLogins, maxLogins, settledJitShare, round -> {
            print(round);
            System.out.printf(Locale.ROOT, "    JIT compilers: %.1f%% of the server's CPU%n", round.jitShareOfServerCpu() * 100);
        });
        System.out.printf(Locale.ROOT, "  warm-up: %d logins in %d rounds; %s%n", warmup.logins(), warmup.rounds().size(),
                warmup.settled() ? "the JIT compilers settled" : "the JIT compilers had NOT settled (benchmark.maxWarmupLogins reached)");
        return warmup;
    }

    private static Map<String, Object> loginJson(LoginLoad.Result result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clients", result.clients());
        json.put("logins", result.logins());
        json.put("errors", result.errors());
        json.put("errorKinds", result.errorKinds());
        json.put("errorSample", result.errorSample());
        json.put("postingSeconds", result.postingSeconds());
        json.put("chunks", result.chunks());
        json.put("loginsPerSecond", result.loginsPerSecond());
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("mean", result.meanMillis());
        for (double p : new double[] {50, 90, 99, 99.9}) {
            latency.put("p" + (p == Math.rint(p) ? Integer.toString((int) p) : Double.toString(p)), result.percentileMillis(p));
        }
        latency.put("max", result.percentileMillis(100));
        json.put("latencyMillis", latency);
        json.put("serverCpuSeconds", result.serverCpuSeconds());
        json.put("clientCpuSeconds", result.clientCpuSeconds());
        json.put("otherProcessesCpuSeconds", result.otherCpuSeconds());
        json.put("loadAverageAfter", LoginLoad.loadAverage());
        json.put("serverCpuMillisPerLogin", result.millisPerLogin(result.serverCpuSeconds()));
        json.put("clientCpuMillisPerLogin", result.millisPerLogin(result.clientCpuSeconds()));
        json.put("serverCpuMillisPerLoginByThreadKind", result.serverCpuMillisPerLoginByThreadKind());
        json.put("jitShareOfServerCpu", result.jitShareOfServerCpu());
        return json;
    }

    private static void recordLogins(BenchmarkReport report, LoginWarmUp.Result warmup, LoginLoad.Result timed, SignedResponses responses) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("warmupRounds", warmup.rounds().stream().map(SsoBenchmark::loginJson).toList());
        json.put("warmupLogins", warmup.logins());
        json.put("warmupSettled", warmup.settled());
        json.put("settledJitShare", warmup.settledJitShare());
        json.put("timed", loginJson(timed));
        json.put("responsesSignedPerSecond", responses.rate());
        json.put("assertionLifetimeMinutes", SignedResponses.ASSERTION_LIFETIME.toMinutes());
        report.put("logins", json);
        report.row("logins/s (" + timed.clients() + " clients, " + timed.logins() + " logins)", timed.loginsPerSecond(), "", "%.0f", 1000, false);
        // A cold server is slower until the JIT has compiled the login path; the target is about the steady state.
        report.info("logins/s in the first warm-up round (" + warmup.first().logins() + " logins, cold server)",
                String.format(Locale.ROOT, "%.0f", warmup.first().loginsPerSecond()));
        report.info("warm-up until the JIT settled (logins; JIT share of server CPU in its last round / timed)",
                String.format(Locale.ROOT, "%d%s; %.1f%% / %.1f%%", warmup.logins(), warmup.settled() ? "" : " (NOT settled)",
                        warmup.last().jitShareOfServerCpu() * 100, timed.jitShareOfServerCpu() * 100));
        report.rowBelow("login latency p99", timed.percentileMillis(99), " ms", "%.1f", 50);
        report.info("login latency p50", String.format(Locale.ROOT, "%.1f ms", timed.percentileMillis(50)));
        report.row("login errors", timed.errors(), "", "%.0f", 0, true);
        report.info("CPU per login (server / load generator / other processes)", String.format(Locale.ROOT, "%.2f / %.2f / %.2f ms",
                timed.millisPerLogin(timed.serverCpuSeconds()), timed.millisPerLogin(timed.clientCpuSeconds()),
                timed.millisPerLogin(timed.otherCpuSeconds())));
    }

    private static void recordPages(BenchmarkReport report, PageThroughput.Result pages) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("protectedPath", pages.protectedPath());
        json.put("protectedBytes", pages.protectedBytes());
        json.put("publicPath", pages.publicPath());
        json.put("publicBytes", pages.publicBytes());
        json.put("clients", pages.clients());
        json.put("protectedPerSecond", pages.protectedPerSecond());
        json.put("publicPerSecond", pages.publicPerSecond());
        json.put("ratio", pages.ratio());
        json.put("protectedServerCpuMicrosPerRequest", pages.serverCpuMicrosPerRequest(pages.protectedPath()));
        json.put("publicServerCpuMicrosPerRequest", pages.serverCpuMicrosPerRequest(pages.publicPath()));
        json.put("errors", pages.errors());
        json.put("errorSample", pages.errorSample());
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (PageThroughput.Round round : pages.rounds()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("path", round.path());
            r.put("seconds", round.seconds());
            r.put("ok", round.ok());
            r.put("errors", round.errors());
            r.put("perSecond", round.perSecond());
            r.put("serverCpuSeconds", round.serverCpuSeconds());
            rounds.add(r);
        }
        json.put("rounds", rounds);
        json.put("roundRatios", pages.roundRatios());
        report.put("pages", json);
        System.out.printf(Locale.ROOT, "  %s %.0f req/s, %s %.0f req/s, ratio %.3f, errors %d%n", pages.protectedPath(),
                pages.protectedPerSecond(), pages.publicPath(), pages.publicPerSecond(), pages.ratio(), pages.errors());
        report.info("protected page " + pages.protectedPath() + " (" + pages.protectedBytes() + " B)",
                String.format(Locale.ROOT, "%.0f req/s", pages.protectedPerSecond()));
        report.info("public page " + pages.publicPath() + " (" + pages.publicBytes() + " B)",
                String.format(Locale.ROOT, "%.0f req/s", pages.publicPerSecond()));
        report.row("protected / public throughput", pages.ratio(), "", "%.3f", 0.9, false);
        report.info("  the same, round by round (min / max)", String.format(Locale.ROOT, "%.3f / %.3f",
                pages.roundRatios().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                pages.roundRatios().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)));
        report.info("server CPU per request (protected / public)", String.format(Locale.ROOT, "%.0f / %.0f us",
                pages.serverCpuMicrosPerRequest(pages.protectedPath()), pages.serverCpuMicrosPerRequest(pages.publicPath())));
    }

    private static void recordRedirects(BenchmarkReport report, PageThroughput.Redirects redirects) {
        PageThroughput.Round timed = redirects.timed();
        double cpuMillis = timed.serverCpuSeconds() * 1000 / (timed.ok() + timed.errors());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", redirects.path());
        json.put("clients", redirects.clients());
        json.put("seconds", timed.seconds());
        json.put("redirects", timed.ok());
        json.put("errors", timed.errors());
        json.put("perSecond", timed.perSecond());
        json.put("serverCpuMillisPerRedirect", cpuMillis);
        json.put("errorSample", redirects.errorSample());
        report.put("loginRedirects", json);
        System.out.printf(Locale.ROOT, "  %.0f redirects/s, %.2f ms server CPU each, errors %d%n", timed.perSecond(), cpuMillis,
                timed.errors());
        report.info("login redirects/s (" + redirects.path() + " without a session, " + redirects.clients() + " clients)",
                String.format(Locale.ROOT, "%.0f", timed.perSecond()));
        report.info("server CPU per login redirect", String.format(Locale.ROOT, "%.2f ms", cpuMillis));
        report.row("login redirect errors", timed.errors(), "", "%.0f", 0, true);
    }

    private static void recordStartup(BenchmarkReport report, StartupProbe.Result startup, String protectedPath) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", startup.mode());
        List<Map<String, Object>> starts = new ArrayList<>();
        for (StartupProbe.Start start : startup.starts()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("variant", start.variant());
            s.put("round", start.round());
            s.put("startMillis", start.startMillis());
            s.put("payaraReportedMillis", start.payaraReportedMillis());
            s.put("cpuSecondsAtReady", start.cpuSecondsAtReady());
            s.put("cpuSecondsAtReadyByThreadKind", start.cpuByThreadKind());
            List<Map<String, Object>> requests = new ArrayList<>();
            for (StartupProbe.FirstRequest request : start.requests()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("path", request.path());
                r.put("order", request.order());
                r.put("status", request.status());
                r.put("millis", request.millis());
                requests.add(r);
            }
            s.put("firstRequests", requests);
            starts.add(s);
        }
        json.put("starts", starts);
        Map<String, Object> medians = new LinkedHashMap<>();
        for (String variant : startup.variants()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("startMillis", startup.medianStart(variant));
            m.put("payaraReportedMillis", startup.medianPayaraReported(variant));
            m.put("cpuSecondsAtReady", startup.medianCpuSeconds(variant));
            m.put("cpuSecondsAtReadyByThreadKind", startup.medianCpuByThreadKind(variant));
            medians.put(variant, m);
        }
        json.put("medians", medians);
        json.put("deltaMillisMinimalWar", startup.delta(StartupProbe.MINIMAL));
        json.put("deltaMillisPac4jSamlWar", startup.delta(StartupProbe.PAC4J_SAML));
        json.put("deltaMillisNewDataDir", startup.delta(StartupProbe.APP_NEW_KEY));
        json.put("deltaMillisExistingDataDir", startup.delta(StartupProbe.APP_KEPT_KEY));
        Map<String, Object> first = new LinkedHashMap<>();
        first.put(StartupProbe.METADATA, startup.worstFirst(StartupProbe.METADATA));
        first.put(protectedPath, startup.worstFirst(protectedPath));
        first.put("empty WAR /index.html", startup.worstEmptyFirst());
        first.put(protectedPath + " after the health probe", startup.worstAfterProbe(protectedPath));
        json.put("worstFirstRequestMillis", first);
        double emptyFirst = startup.medianFirst(StartupProbe.EMPTY);
        double minimalFirst = startup.medianFirst(StartupProbe.MINIMAL);
        double appFirst = startup.medianFirstOfThisWar();
        Map<String, Object> medianFirst = new LinkedHashMap<>();
        medianFirst.put(StartupProbe.EMPTY, emptyFirst);
        medianFirst.put(StartupProbe.MINIMAL, minimalFirst);
        medianFirst.put(StartupProbe.PAC4J_SAML, startup.medianFirst(StartupProbe.PAC4J_SAML));
        medianFirst.put("frontline-sso", appFirst);
        json.put("medianFirstRequestMillis", medianFirst);
        report.put("startup", json);

        report.info("Payara start, empty WAR (median)", String.format(Locale.ROOT, "%.0f ms", startup.medianStart(StartupProbe.EMPTY)));
        report.info("Payara start, frontline-sso (median, new / existing data dir)", String.format(Locale.ROOT, "%.0f / %.0f ms",
                startup.medianStart(StartupProbe.APP_NEW_KEY), startup.medianStart(StartupProbe.APP_KEPT_KEY)));
        report.info("CPU until ready, empty WAR / frontline-sso existing data dir (median)", String.format(Locale.ROOT,
                "%.1f / %.1f s", startup.medianCpuSeconds(StartupProbe.EMPTY), startup.medianCpuSeconds(StartupProbe.APP_KEPT_KEY)));
        report.info("startup added by a minimal CDI + JAX-RS WAR (median; CPU until ready)", String.format(Locale.ROOT,
                "%.0f ms; %.1f s", startup.delta(StartupProbe.MINIMAL), startup.medianCpuSeconds(StartupProbe.MINIMAL)));
        report.info("startup added by the app's libraries and a SAML2Client started as pac4j documents it (median; CPU until ready)",
                String.format(Locale.ROOT, "%.0f ms; %.1f s", startup.delta(StartupProbe.PAC4J_SAML),
                        startup.medianCpuSeconds(StartupProbe.PAC4J_SAML)));
        report.info("CPU until ready beyond the minimal WAR's, by thread kind (medians, existing data dir; largest 4)",
                ServerThreadCpu.format(ServerThreadCpu.difference(startup.medianCpuByThreadKind(StartupProbe.APP_KEPT_KEY),
                        startup.medianCpuByThreadKind(StartupProbe.MINIMAL)), 1, "s", 4));
        report.info("CPU until ready beyond the pac4j-saml WAR's, by thread kind (medians, existing data dir; largest 4)",
                ServerThreadCpu.format(ServerThreadCpu.difference(startup.medianCpuByThreadKind(StartupProbe.APP_KEPT_KEY),
                        startup.medianCpuByThreadKind(StartupProbe.PAC4J_SAML)), 1, "s", 4));
        if (startup.hasBaseline()) {
            report.info("Payara start, baseline WAR (median, new / existing data dir; CPU until ready)", String.format(Locale.ROOT,
                    "%.0f / %.0f ms; %.1f / %.1f s", startup.medianStart(StartupProbe.BASELINE_NEW_KEY),
                    startup.medianStart(StartupProbe.BASELINE_KEPT_KEY), startup.medianCpuSeconds(StartupProbe.BASELINE_NEW_KEY),
                    startup.medianCpuSeconds(StartupProbe.BASELINE_KEPT_KEY)));
            report.info("this WAR minus the baseline WAR (medians, new / existing data dir)", String.format(Locale.ROOT, "%.0f / %.0f ms",
                    startup.medianStart(StartupProbe.APP_NEW_KEY) - startup.medianStart(StartupProbe.BASELINE_NEW_KEY),
                    startup.medianStart(StartupProbe.APP_KEPT_KEY) - startup.medianStart(StartupProbe.BASELINE_KEPT_KEY)));
        }
        report.row("startup added by the WAR (new data dir)", startup.delta(StartupProbe.APP_NEW_KEY), " ms", "%.0f", 3000, true);
        report.row("startup added by the WAR (existing data dir)", startup.delta(StartupProbe.APP_KEPT_KEY), " ms", "%.0f", 3000, true);
        report.rowBelow("first request after ready: GET /saml/metadata (worst)", startup.worstFirst(StartupProbe.METADATA), " ms", "%.1f", 200);
        report.rowBelow("first request after ready: GET " + protectedPath + " -> IdP (worst)", startup.worstFirst(protectedPath), " ms", "%.1f", 200);
        report.info("first request after ready, empty WAR GET /index.html (worst)",
                String.format(Locale.ROOT, "%.1f ms", startup.worstEmptyFirst()));
        // Payara's own first request is the floor: what the WAR adds to it is what the WAR can change.
        report.info("first request after ready, median: empty WAR / minimal WAR / frontline-sso", String.format(Locale.ROOT,
                "%.1f / %.1f / %.1f ms", emptyFirst, minimalFirst, appFirst));
        report.info("first GET " + protectedPath + " after the load balancer's GET " + StartupProbe.HEALTH + " (worst)",
                String.format(Locale.ROOT, "%.1f ms", startup.worstAfterProbe(protectedPath)));
    }

    private static void recordHeap(BenchmarkReport report, SessionHeapProbe.Result heap) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sessions", heap.sessions());
        json.put("failedLogins", heap.failedLogins());
        json.put("payaraHeap", heap.maxHeap());
        json.put("baselineLiveBytes", heap.baselineLiveBytes());
        json.put("afterLiveBytes", heap.afterLiveBytes());
        json.put("bytesPerSession", heap.bytesPerSession());
        json.put("baselineHeapInfoUsedBytes", heap.baselineHeapInfoBytes());
        json.put("afterHeapInfoUsedBytes", heap.afterHeapInfoBytes());
        json.put("heapInfoBytesPerSession", heap.heapInfoBytesPerSession());
        List<Map<String, Object>> classes = new ArrayList<>();
        for (SessionHeapProbe.ClassDelta delta : heap.topClasses()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("class", delta.className());
            c.put("instances", delta.instances());
            c.put("bytes", delta.bytes());
            c.put("bytesPerSession", delta.bytes() / (double) heap.sessions());
            classes.add(c);
        }
        json.put("topClassDeltas", classes);
        report.put("heap", json);
        System.out.printf(Locale.ROOT, "  live heap %d -> %d bytes for %d sessions: %.0f B/session (heap_info: %.0f B/session)%n",
                heap.baselineLiveBytes(), heap.afterLiveBytes(), heap.sessions(), heap.bytesPerSession(), heap.heapInfoBytesPerSession());
        for (SessionHeapProbe.ClassDelta delta : heap.topClasses()) {
            System.out.printf(Locale.ROOT, "    %8.1f B/session  %7d instances  %s%n", delta.bytes() / (double) heap.sessions(),
                    delta.instances(), delta.className());
        }
        report.row("heap per idle session (" + heap.sessions() + " sessions, live heap after full GC)", heap.bytesPerSession(), " B",
                "%.0f", 8192, true);
        report.info("Payara JVM heap", heap.maxHeap());
    }

    private static int intProperty(String name, int fallback) {
        return Integer.parseInt(System.getProperty(name, Integer.toString(fallback)).trim());
    }
}
