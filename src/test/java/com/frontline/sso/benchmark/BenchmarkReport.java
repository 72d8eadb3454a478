package com.frontline.sso.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results: a table against the targets on stdout, and everything measured as JSON. */
final class BenchmarkReport {

    private record Row(String metric, String value, String target, String verdict) {
    }

    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();

    Map<String, Object> json() {
        return json;
    }

    void put(String key, Object value) {
        json.put(key, value);
    }

    /** A row compared with a target: {@code atMost} true for "value <= target", false for "value >= target". */
    void row(String metric, double value, String unit, String format, double target, boolean atMost) {
        boolean met = Double.isNaN(value) ? false : atMost ? value <= target : value >= target;
        rows.add(new Row(metric, String.format(Locale.ROOT, format, value) + unit,
                (atMost ? "<= " : ">= ") + String.format(Locale.ROOT, format, target) + unit, Double.isNaN(value) ? "n/a" : met ? "met" : "MISSED"));
    }

    /** A row with a strict "below" target ({@code value < target}). */
    void rowBelow(String metric, double value, String unit, String format, double target) {
        boolean met = !Double.isNaN(value) && value < target;
        rows.add(new Row(metric, String.format(Locale.ROOT, format, value) + unit,
                "< " + String.format(Locale.ROOT, format, target) + unit, Double.isNaN(value) ? "n/a" : met ? "met" : "MISSED"));
    }

    /** A row without a target. */
    void info(String metric, String value) {
        rows.add(new Row(metric, value, "", ""));
    }

    String table() {
        int[] widths = {6, 5, 6, 7};
        for (Row row : rows) {
            widths[0] = Math.max(widths[0], row.metric().length());
            widths[1] = Math.max(widths[1], row.value().length());
            widths[2] = Math.max(widths[2], row.target().length());
            widths[3] = Math.max(widths[3], row.verdict().length());
        }
        String format = "| %-" + widths[0] + "s | %" + widths[1] + "s | %-" + widths[2] + "s | %-" + widths[3] + "s |%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(format, "metric", "value", "target", "verdict"));
        out.append(String.format(format, "-".repeat(widths[0]), "-".repeat(widths[1]), "-".repeat(widths[2]), "-".repeat(widths[3])));
        for (Row row : rows) {
            out.append(String.format(format, row.metric(), row.value(), row.target(), row.verdict()));
        }
        return out.toString();
    }

    void write(Path file) {
        List<Map<String, String>> table = new ArrayList<>();
        for (Row row : rows) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("metric", row.metric());
            entry.put("value", row.value());
            entry.put("target", row.target());
            entry.put("verdict", row.verdict());
            table.add(entry);
        }
        json.put("table", table);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, toJson(json, "") + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    static String toJson(Object value, String indent) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.3f", d).replaceAll("\\.?0+$", "");
        }
        if (value instanceof Float f) {
            return toJson(f.doubleValue(), indent);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "{}";
            }
            String inner = indent + "  ";
            StringBuilder out = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(inner).append(quote(String.valueOf(entry.getKey()))).append(": ").append(toJson(entry.getValue(), inner));
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            return out.append(indent).append('}').toString();
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                return "[]";
            }
            String inner = indent + "  ";
            StringBuilder out = new StringBuilder("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append(inner).append(toJson(list.get(i), inner)).append(i + 1 < list.size() ? ",\n" : "\n");
            }
            return out.append(indent).append(']').toString();
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
