package com.frontline.sso.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Hazelcast configuration for Payara's data grid in tests: the project's loopback configuration
 * (server-config/payara/hazelcast-loopback.xml) with a cluster name of the test's own, so that clusters of
 * different tests (or of the demo) on one machine never merge.
 */
final class DataGridConfig {

    private DataGridConfig() {
    }

    static Path write(Path workDir, String clusterName) {
        Path template = TestEnvironment.serverConfig().resolve("payara/hazelcast-loopback.xml");
        try {
            String xml = Files.readString(template, StandardCharsets.UTF_8);
            String named = xml.replaceFirst("<properties>", "<cluster-name>" + clusterName + "</cluster-name>\n    <properties>");
            Files.createDirectories(workDir);
            return Files.writeString(workDir.resolve("hazelcast-" + clusterName + ".xml"), named, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
