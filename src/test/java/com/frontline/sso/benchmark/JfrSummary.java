package com.frontline.sso.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU time went during the timed logins: JFR execution samples summarised by the method on
 * top of the stack (self), by method anywhere on the stack (inclusive), and by stage of the login (a sample
 * counts for a stage when one of the stage's methods is on its stack), plus GC pauses.
 */
final class JfrSummary {

    /** Stages of a login, each recognised by a frame on the stack ("class prefix#method", method optional). */
    private static final Map<String, List<String>> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("HTTP/servlet container (everything on request threads)", List.of("org.glassfish.grizzly.", "org.apache.catalina."));
        STAGES.put("form parameter parsing (Grizzly URL-decodes the body)", List.of("org.glassfish.grizzly.http.util.Parameters#processParameters"));
        STAGES.put("ACS guard filter (size, base64, DOCTYPE scan)", List.of("com.frontline.sso.web.SamlMessageGuardFilter"));
        STAGES.put("pac4j callback (decode + validate + session)", List.of("org.pac4j.core.engine.DefaultCallbackLogic#perform"));
        STAGES.put("decode: base64 + XML parse + unmarshall", List.of("org.pac4j.saml.transport.Pac4jHTTPPostDecoder#doDecode"));
        STAGES.put("  base64 (commons-codec, any caller)", List.of("org.apache.commons.codec.binary.Base64#decode"));
        STAGES.put("  XML parse (DOM)", List.of("net.shibboleth.utilities.java.support.xml.BasicParserPool#parse"));
        STAGES.put("  unmarshall (DOM to OpenSAML objects)", List.of("org.opensaml.core.xml.io.AbstractXMLObjectUnmarshaller#unmarshall"));
        STAGES.put("response validation (all checks)", List.of("com.frontline.sso.saml.StrictResponseValidator#validate"));
        STAGES.put("  structure check (anti-wrapping)", List.of("com.frontline.sso.saml.ResponseStructureCheck#verify"));
        STAGES.put("  trust engine build (per request)", List.of("org.pac4j.saml.crypto.ExplicitSignatureTrustEngineProvider#build"));
        STAGES.put("  signature validation (trust engine, both signatures)",
                List.of("org.opensaml.xmlsec.signature.support.impl.BaseSignatureTrustEngine#validate"));
        STAGES.put("    credential resolution (metadata + inline KeyInfo)",
                List.of("org.opensaml.security.credential.impl.AbstractCriteriaFilteringCredentialResolver#resolve",
                        "org.opensaml.xmlsec.keyinfo.impl.BasicProviderKeyInfoCredentialResolver#resolve"));
        STAGES.put("    cryptographic check (Santuario)", List.of("org.opensaml.xmlsec.signature.support.SignatureValidator#validate"));
        STAGES.put("      RSA verify", List.of("sun.security.rsa.RSASignature#engineVerify"));
        STAGES.put("      digest / c14n of signed content", List.of("org.apache.xml.security.signature.Reference#verify",
                "org.apache.xml.security.signature.SignedInfo#canonicalize", "org.apache.xml.security.c14n."));
        STAGES.put("  replay cache", List.of("com.frontline.sso.saml.state.SharedReplayCache#check"));
        STAGES.put("claims to agent profile", List.of("com.frontline.sso.identity.AgentProfileGenerator#generate"));
        STAGES.put("session: pac4j save profile (creates a session)", List.of("org.pac4j.jee.context.session.JEESessionStore#set"));
        STAGES.put("session: pac4j renewSession (invalidates it, creates another)",
                List.of("org.pac4j.jee.context.session.JEESessionStore#renewSession"));
        STAGES.put("session: HA store / data grid (any caller)", List.of("org.glassfish.web.ha.", "com.hazelcast.", "fish.payara.ha."));
        STAGES.put("audit log", List.of("com.frontline.sso.audit.AuditLog"));
        STAGES.put("  JSON provider lookup (ServiceLoader per call)", List.of("jakarta.json.spi.JsonProvider#provider"));
        STAGES.put("logging (JUL, any caller)", List.of("java.util.logging.Logger#log", "java.util.logging.Logger#doLog"));
        STAGES.put("XML serialisation (any caller)", List.of("net.shibboleth.utilities.java.support.xml.SerializeSupport"));
        STAGES.put("exceptions created (fillInStackTrace)", List.of("java.lang.Throwable#fillInStackTrace"));
    }

    record Summary(long samples, Map<String, Long> stages, Map<String, Long> topSelf, Map<String, Long> topInclusive,
                   long gcCount, Duration gcPauseTotal, Map<String, Long> threads, long allocatedBytes,
                   Map<String, Long> allocationSites) {
    }

    private JfrSummary() {
    }

    static Summary summarise(Path recording, int top) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> stages = new LinkedHashMap<>();
        STAGES.keySet().forEach(stage -> stages.put(stage, 0L));
        Map<String, Long> threads = new HashMap<>();
        long samples = 0;
        long gcCount = 0;
        Duration gcPause = Duration.ZERO;
        long allocated = 0;
        Map<String, Long> allocationSites = new HashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.GarbageCollection")) {
                    gcCount++;
                    gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
                    continue;
                }
                if (type.equals("jdk.ObjectAllocationSample") && event.getStackTrace() != null) {
                    long weight = event.getLong("weight");
                    allocated += weight;
                    allocationSites.merge(event.getClass("objectClass").getName() + " <- " + site(event.getStackTrace().getFrames()),
                            weight, Long::sum);
                    continue;
                }
                if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "#"), 1L, Long::sum);
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                self.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame.getMethod());
                    if (seen.add(method)) {
                        inclusive.merge(method, 1L, Long::sum);
                    }
                }
                for (Map.Entry<String, List<String>> stage : STAGES.entrySet()) {
                    if (frames.stream().anyMatch(frame -> matches(frame.getMethod(), stage.getValue()))) {
                        stages.merge(stage.getKey(), 1L, Long::sum);
                    }
                }
            }
        }
        return new Summary(samples, stages, top(self, top), top(inclusive, top), gcCount, gcPause, top(threads, 8), allocated,
                top(allocationSites, top));
    }

    /** The allocating frame that is not JDK code (the caller that asked for the allocation), with its caller. */
    private static String site(List<RecordedFrame> frames) {
        for (int i = 0; i < frames.size(); i++) {
            String type = frames.get(i).getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                String here = name(frames.get(i).getMethod());
                return i + 1 < frames.size() ? here + " <- " + name(frames.get(i + 1).getMethod()) : here;
            }
        }
        return frames.isEmpty() ? "?" : name(frames.get(0).getMethod());
    }

    private static boolean matches(RecordedMethod method, List<String> patterns) {
        String type = method.getType().getName();
        for (String pattern : patterns) {
            int hash = pattern.indexOf('#');
            if (hash < 0 ? type.startsWith(pattern)
                    : type.equals(pattern.substring(0, hash)) && method.getName().equals(pattern.substring(hash + 1))) {
                return true;
            }
        }
        return false;
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static Map<String, Long> top(Map<String, Long> counts, int n) {
        Map<String, Long> result = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(n)
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    static String format(Summary summary) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("JFR: %d execution samples on the server during the timed logins; %d GCs, %d ms of pauses%n",
                summary.samples(), summary.gcCount(), summary.gcPauseTotal().toMillis()));
        out.append("  share of samples with the stage on the stack (inclusive; stages nest):").append(System.lineSeparator());
        summary.stages().forEach((stage, count) -> out.append(String.format("    %5.1f%%  %s%n", 100.0 * count / summary.samples(), stage)));
        out.append("  top methods, self (on top of the stack):").append(System.lineSeparator());
        summary.topSelf().forEach((method, count) -> out.append(String.format("    %5.1f%%  %s%n", 100.0 * count / summary.samples(), method)));
        out.append("  top methods, inclusive (anywhere on the stack):").append(System.lineSeparator());
        summary.topInclusive().forEach((method, count) -> out.append(String.format("    %5.1f%%  %s%n", 100.0 * count / summary.samples(), method)));
        out.append(String.format("  allocation (sampled weight %d MB), top sites: class <- first non-JDK frame <- its caller%n",
                summary.allocatedBytes() >> 20));
        summary.allocationSites().forEach((site, bytes) -> out.append(String.format("    %5.1f%%  %s%n",
                100.0 * bytes / Math.max(1, summary.allocatedBytes()), site)));
        out.append("  threads:").append(System.lineSeparator());
        summary.threads().forEach((thread, count) -> out.append(String.format("    %5.1f%%  %s%n", 100.0 * count / summary.samples(), thread)));
        return out.toString();
    }
}
