package com.frontline.sso.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Server configuration templates under {@code server-config/}: their {@code ${FRONTLINE_...}}
 * placeholders are filled in by the harness before a server starts.
 */
final class Templates {

    private static final String PLACEHOLDER_START = "${FRONTLINE_";

    private Templates() {
    }

    /**
     * Writes {@code template} to {@code target} with every {@code ${NAME}} of {@code values} replaced;
     * fails if a {@code ${FRONTLINE_...}} placeholder is left, so a template and the harness cannot drift apart.
     */
    static Path fill(Path template, Map<String, String> values, Path target) {
        try {
            String text = Files.readString(template, StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("${" + value.getKey() + "}", value.getValue());
            }
            if (text.contains(PLACEHOLDER_START)) {
                int at = text.indexOf(PLACEHOLDER_START);
                throw new IllegalStateException("template has a placeholder the harness does not fill: " + template + " ("
                        + text.substring(at, Math.min(text.length(), text.indexOf('}', at) + 1)) + ")");
            }
            Files.createDirectories(target.getParent());
            return Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
