package com.frontline.sso.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.frontline.sso.benchmark.floor.PlainSaml2ClientMetadata;
import com.frontline.sso.benchmark.floor.PlainSaml2ClientStart;
import com.frontline.sso.benchmark.minimal.MinimalApplication;
import com.frontline.sso.benchmark.minimal.MinimalBean;
import com.frontline.sso.benchmark.minimal.MinimalResource;

/**
 * The WARs the app's start is compared with: an empty one (Payara's own start), a minimal CDI + JAX-RS one (the
 * floor of the SP's mandated shape) and the minimal one with the app's libraries and pac4j-saml started as pac4j
 * documents it (the floor of the mandated libraries).
 */
final class ReferenceWars {

    /** The names of Payara's scan markers (src/build/PayaraScanMarkers.java). */
    private static final String SCAN_MARKER_PREFIX = "WEB-INF__lib__";
    private static final List<Class<?>> MINIMAL_CLASSES = List.of(MinimalApplication.class, MinimalBean.class, MinimalResource.class);

    private ReferenceWars() {
    }

    /** The smallest deployable web application: a web.xml and one static page about the size of the app's. */
    static Path emptyWar(Path file) {
        return writeWar(file, Map.of("WEB-INF/web.xml", webXml("empty", ""), "index.html", page()));
    }

    /** The empty WAR plus a beans.xml, one CDI bean and one JAX-RS resource using it (package {@code minimal}). */
    static Path minimalWar(Path file) {
        return writeWar(file, minimalEntries(webXml("minimal", "")));
    }

    /**
     * The minimal WAR plus the app's library jars, with the app's deployment settings for them (Payara's scan markers
     * and {@code glassfish-web.xml}, so that Payara does not scan them), and a {@link PlainSaml2ClientStart} that builds
     * and initialises a pac4j {@code SAML2Client} while the WAR deploys; {@code /saml/metadata} answers from it.
     */
    static Path pac4jSamlWar(Path file, Path appWar) {
        Map<String, byte[]> entries = minimalEntries(webXml("pac4j-saml", """
                    <listener><listener-class>%s</listener-class></listener>
                    <servlet><servlet-name>metadata</servlet-name><servlet-class>%s</servlet-class></servlet>
                    <servlet-mapping><servlet-name>metadata</servlet-name><url-pattern>/saml/metadata</url-pattern></servlet-mapping>
                """.formatted(PlainSaml2ClientStart.class.getName(), PlainSaml2ClientMetadata.class.getName())));
        for (Class<?> type : List.of(PlainSaml2ClientStart.class, PlainSaml2ClientMetadata.class)) {
            entries.put(classEntry(type), classBytes(type));
        }
        entries.put("WEB-INF/classes/" + PlainSaml2ClientStart.KEYSTORE_RESOURCE, resource("/test-idp/sp-encryption.p12"));
        try (ZipFile app = new ZipFile(appWar.toFile())) {
            for (Enumeration<? extends ZipEntry> all = app.entries(); all.hasMoreElements(); ) {
                String name = all.nextElement().getName();
                if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar") || name.startsWith(SCAN_MARKER_PREFIX)
                        || name.equals("WEB-INF/glassfish-web.xml")) {
                    try (InputStream in = app.getInputStream(app.getEntry(name))) {
                        entries.put(name, in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the libraries of " + appWar, e);
        }
        return writeWar(file, entries);
    }

    private static Map<String, byte[]> minimalEntries(byte[] webXml) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("WEB-INF/web.xml", webXml);
        entries.put("WEB-INF/beans.xml", """
                <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
                """.getBytes(StandardCharsets.UTF_8));
        entries.put("index.html", page());
        for (Class<?> type : MINIMAL_CLASSES) {
            entries.put(classEntry(type), classBytes(type));
        }
        return entries;
    }

    private static byte[] webXml(String name, String declarations) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                    <display-name>%s</display-name>
                %s</web-app>
                """.formatted(name, declarations)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] page() {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Empty</title></head><body>\n");
        while (page.length() < 880) {
            page.append("<p>An empty web application, the baseline of Payara Micro's own start.</p>\n");
        }
        page.append("</body></html>\n");
        return page.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String classEntry(Class<?> type) {
        return "WEB-INF/classes/" + type.getName().replace('.', '/') + ".class";
    }

    private static byte[] classBytes(Class<?> type) {
        return resource(type.getSimpleName() + ".class", type);
    }

    private static byte[] resource(String absoluteName) {
        return resource(absoluteName, ReferenceWars.class);
    }

    private static byte[] resource(String name, Class<?> relativeTo) {
        try (InputStream in = relativeTo.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("no resource " + name + " beside " + relativeTo.getName(), e);
        }
    }

    /** Jars are stored, as in the app's WAR, so that the server copies them instead of inflating them. */
    private static Path writeWar(Path file, Map<String, byte[]> entries) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    zip.putNextEntry(zipEntry(entry.getKey(), entry.getValue()));
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static ZipEntry zipEntry(String name, byte[] content) {
        ZipEntry entry = new ZipEntry(name);
        if (name.endsWith(".jar")) {
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            entry.setCompressedSize(content.length);
            entry.setCrc(crc.getValue());
        }
        return entry;
    }
}
