package com.frontline.sso.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;

/**
 * Reads raw values from MicroProfile Config and collects every problem instead of stopping at the first,
 * like a validation result: the loader reports them all together.
 */
final class SettingsReader {

    private final Config config;
    private final Set<String> problems = new LinkedHashSet<>();

    SettingsReader(Config config) {
        this.config = config;
    }

    Optional<String> optional(Setting setting) {
        return config.getOptionalValue(setting.property(), String.class)
                .map(String::trim)
                .filter(value -> !value.isEmpty());
    }

    String text(Setting setting, String defaultValue) {
        return optional(setting).orElse(defaultValue);
    }

    Optional<String> required(Setting setting, String fix) {
        Optional<String> value = optional(setting);
        if (value.isEmpty()) {
            problem(setting, "is required but not set. " + fix);
        }
        return value;
    }

    boolean flag(Setting setting, boolean defaultValue) {
        return parsed(setting, defaultValue, SettingsReader::parseBoolean, "must be true or false");
    }

    int positiveInt(Setting setting, int defaultValue) {
        int value = parsed(setting, defaultValue, SettingsReader::parsePositiveInt, "must be a positive whole number");
        return value;
    }

    Duration duration(Setting setting, Duration defaultValue) {
        return parsed(setting, defaultValue, text -> DurationParser.parse(text).orElse(null),
                "must be a duration such as 60 (seconds), 90s, 30m, 8h or PT8H");
    }

    void problem(Setting setting, String message) {
        problems.add(setting.label() + " " + message);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    private <T> T parsed(Setting setting, T defaultValue, Function<String, T> parser, String expectation) {
        Optional<String> raw = optional(setting);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        T value = parser.apply(raw.get());
        if (value == null) {
            problem(setting, expectation + ", was '" + raw.get() + "'");
            return defaultValue;
        }
        return value;
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Integer parsePositiveInt(String text) {
        try {
            int value = Integer.parseInt(text);
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
