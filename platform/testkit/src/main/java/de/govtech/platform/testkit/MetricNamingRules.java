package de.govtech.platform.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus naming conventions that {@code promtool check metrics} lints, applied to a scrape in the text
 * exposition format: snake_case names and labels, help text, {@code _total} on counters and only there, the
 * histogram/summary suffixes and labels only on those types, base units, no unit abbreviations, no type in the name,
 * no colon (reserved for recording rules). Any module checks its {@code /q/metrics} scrape with it:
 * {@code assertEquals(List.of(), MetricNamingRules.violations(scrape))}.
 */
public final class MetricNamingRules {

    private static final Pattern VALID_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][A-Z]");
    private static final Pattern SAMPLE = Pattern.compile("([^\\s{]+)(\\{(.*)})?\\s+\\S+.*");
    private static final Pattern LABEL = Pattern.compile("([^=,\\s]+)=\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Map<String, String> NON_BASE_UNITS = Map.ofEntries(
            Map.entry("milliseconds", "seconds"), Map.entry("microseconds", "seconds"), Map.entry("nanoseconds", "seconds"),
            Map.entry("minutes", "seconds"), Map.entry("hours", "seconds"), Map.entry("days", "seconds"),
            Map.entry("weeks", "seconds"), Map.entry("kilobytes", "bytes"), Map.entry("megabytes", "bytes"),
            Map.entry("gigabytes", "bytes"), Map.entry("kilograms", "grams"), Map.entry("celsius", "kelvin"),
            Map.entry("fahrenheit", "kelvin"), Map.entry("percent", "ratio"), Map.entry("millimeters", "meters"),
            Map.entry("kilometers", "meters"), Map.entry("miles", "meters"), Map.entry("feet", "meters"));
    private static final Set<String> UNIT_ABBREVIATIONS =
            Set.of("s", "ms", "us", "ns", "sec", "b", "kb", "mb", "gb", "tb", "pb", "m", "h", "d");
    private static final Set<String> TYPE_WORDS = Set.of("counter", "gauge", "histogram", "summary");

    private MetricNamingRules() {
    }

    /** Every violation found in the scrape, one line each, naming the metric. */
    public static List<String> violations(String exposition) {
        Map<String, String> types = new LinkedHashMap<>();
        Set<String> helped = new LinkedHashSet<>();
        Map<String, Set<String>> labelsPerSample = new LinkedHashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).trim().split("\\s+");
                types.put(parts[0], parts.length > 1 ? parts[1] : "untyped");
            } else if (line.startsWith("# HELP ")) {
                String[] parts = line.substring(7).trim().split("\\s+", 2);
                if (parts.length > 1 && !parts[1].isBlank()) {
                    helped.add(parts[0]);
                }
            } else if (!line.isBlank() && !line.startsWith("#")) {
                Matcher sample = SAMPLE.matcher(line);
                if (sample.matches()) {
                    Set<String> labels = labelsPerSample.computeIfAbsent(sample.group(1), n -> new LinkedHashSet<>());
                    if (sample.group(3) != null) {
                        Matcher label = LABEL.matcher(sample.group(3));
                        while (label.find()) {
                            labels.add(label.group(1));
                        }
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        types.forEach((family, type) -> checkFamily(family, type, helped.contains(family), problems));
        labelsPerSample.forEach((sample, labels) -> checkSample(sample, labels, types, problems));
        return problems;
    }

    private static void checkFamily(String name, String type, boolean hasHelp, List<String> problems) {
        if (!VALID_NAME.matcher(name).matches()) {
            problems.add(name + ": not a valid metric name (letters, digits, '_'; ':' is for recording rules)");
        }
        if (CAMEL_CASE.matcher(name).find()) {
            problems.add(name + ": metric names should be written in snake_case, not camelCase");
        }
        if (!hasHelp) {
            problems.add(name + ": no help text");
        }
        if ("counter".equals(type) && !name.endsWith("_total")) {
            problems.add(name + ": counter metrics should have the _total suffix");
        }
        if (!"counter".equals(type) && name.endsWith("_total")) {
            problems.add(name + ": non-counter metrics should not have the _total suffix");
        }
        if (!"histogram".equals(type) && name.endsWith("_bucket")) {
            problems.add(name + ": non-histogram metrics should not have the _bucket suffix");
        }
        if (!"histogram".equals(type) && !"summary".equals(type) && (name.endsWith("_sum") || name.endsWith("_count"))) {
            problems.add(name + ": non-histogram and non-summary metrics should not have the _sum or _count suffix");
        }
        List<String> words = List.of(name.toLowerCase().split("_"));
        for (String word : words) {
            if (NON_BASE_UNITS.containsKey(word)) {
                problems.add(name + ": use the base unit " + NON_BASE_UNITS.get(word) + " instead of " + word);
            }
            if (UNIT_ABBREVIATIONS.contains(word)) {
                problems.add(name + ": metric names should not contain the abbreviated unit '" + word + "'");
            }
        }
        for (String typeWord : TYPE_WORDS) {
            if (words.contains(typeWord) && !words.get(0).equals(typeWord)) {
                problems.add(name + ": metric names should not include the type '" + typeWord + "'");
            }
        }
    }

    private static void checkSample(String sample, Set<String> labels, Map<String, String> types, List<String> problems) {
        String type = typeOf(sample, types);
        if (type == null) {
            problems.add(sample + ": sample without a # TYPE line for its family");
            return;
        }
        for (String label : labels) {
            if (!VALID_NAME.matcher(label).matches() || CAMEL_CASE.matcher(label).find()) {
                problems.add(sample + ": label names should be written in snake_case, not '" + label + "'");
            }
        }
        if (labels.contains("le") && !"histogram".equals(type)) {
            problems.add(sample + ": non-histogram metrics should not have the \"le\" label");
        }
        if (labels.contains("quantile") && !"summary".equals(type)) {
            problems.add(sample + ": non-summary metrics should not have the \"quantile\" label");
        }
    }

    private static String typeOf(String sample, Map<String, String> types) {
        if (types.containsKey(sample)) {
            return types.get(sample);
        }
        for (String suffix : List.of("_bucket", "_sum", "_count", "_max", "_total", "_created", "_gcount", "_gsum")) {
            if (sample.endsWith(suffix)) {
                String family = sample.substring(0, sample.length() - suffix.length());
                if (types.containsKey(family)) {
                    return types.get(family);
                }
            }
        }
        return null;
    }
}
