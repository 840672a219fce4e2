package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.Factory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.FormatFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/connectors.md} documents every connector and format the shell ships, with every option each factory
 * declares: the test fails when a factory declares an option the page does not list (or with another type or
 * default), and when the page lists an option no factory declares. Options whose keys depend on the table
 * ({@code properties.*}, {@code fields.<column>.kind}) are documented with a pattern that starts with the declared
 * prefix.
 *
 * <p>Run with {@code -Dsluice.connectors-doc.dump=<file>} to write the option tables the factories declare, to paste
 * into the page after adding an option.
 */
class ConnectorsDocTest {
    /** Every connector and format the shell ships (the page must have a section for each). */
    private static final Set<String> CONNECTORS = Set.of("filesystem", "datagen", "print", "blackhole", "socket",
            "kafka", "upsert-kafka", "jdbc");
    private static final Set<String> FORMATS = Set.of("csv", "json", "raw", "avro", "parquet", "debezium-json",
            "canal-json", "maxwell-json");

    /** One documented option: its row's cells. */
    private record Row(String key, String type, String defaultValue) {
    }

    @Test
    void everyDeclaredOptionIsDocumentedAndEveryDocumentedOptionIsDeclared() throws IOException {
        Map<String, Factory> factories = shippedFactories();
        String dump = System.getProperty("sluice.connectors-doc.dump");
        if (dump != null) {
            Files.writeString(Path.of(dump), generated(factories), StandardCharsets.UTF_8);
        }
        Map<String, Map<String, Row>> documented = parse(Files.readString(page(), StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Factory> e : factories.entrySet()) {
            String section = e.getKey();
            Factory f = e.getValue();
            Map<String, Row> rows = documented.get(section);
            if (rows == null) {
                problems.add("no section '## " + section + "'");
                continue;
            }
            String prefix = f instanceof FormatFactory ? f.factoryIdentifier() + "." : "";
            Map<String, ConfigOption<?>> declared = declared(f, prefix);
            for (Map.Entry<String, ConfigOption<?>> o : declared.entrySet()) {
                Row row = rows.get(o.getKey());
                boolean required = f.requiredOptions().contains(o.getValue());
                if (row == null) {
                    problems.add(section + ": option '" + o.getKey() + "' is not documented");
                } else if (!row.type().equals(typeName(o.getValue()))) {
                    problems.add(section + ": option '" + o.getKey() + "' has type " + typeName(o.getValue())
                            + ", the page says " + row.type());
                } else if (!row.defaultValue().equals(defaultText(o.getValue(), required))) {
                    problems.add(section + ": option '" + o.getKey() + "' has default "
                            + defaultText(o.getValue(), required) + ", the page says " + row.defaultValue());
                }
            }
            for (String prefixKey : f.tableDependentOptionPrefixes()) {
                if (rows.keySet().stream().noneMatch(k -> isPattern(k) && k.startsWith(prefix + prefixKey))) {
                    problems.add(section + ": the options starting with '" + prefix + prefixKey
                            + "' are not documented");
                }
            }
            for (String key : rows.keySet()) {
                boolean known = declared.containsKey(key) || isPattern(key) && f.tableDependentOptionPrefixes()
                        .stream().anyMatch(p -> key.startsWith(prefix + p));
                if (!known) {
                    problems.add(section + ": the page documents '" + key + "', which the factory does not declare");
                }
            }
        }
        for (String section : documented.keySet()) {
            if (!factories.containsKey(section)) {
                problems.add("the page has a section '## " + section + "' but no such factory ships");
            }
        }
        assertEquals(List.of(), problems, "docs/connectors.md against the factories");
    }

    @Test
    void everyShippedFactoryIsOneOfThePagesConnectorsOrFormats() {
        Set<String> found = new TreeSet<>();
        for (Factory f : FactoryUtil.discoverAll(getClass().getClassLoader())) {
            if (f.getClass().getName().startsWith("io.sluice.connector.")
                    || f.getClass().getName().startsWith("io.sluice.format.")) {
                found.add((f instanceof FormatFactory ? "Format `" : "Connector `") + f.factoryIdentifier() + "`");
            }
        }
        Set<String> expected = new TreeSet<>();
        CONNECTORS.forEach(c -> expected.add("Connector `" + c + "`"));
        FORMATS.forEach(c -> expected.add("Format `" + c + "`"));
        assertEquals(expected, found, "a new connector or format needs a section in docs/connectors.md");
        assertTrue(found.size() >= 16);
    }

    /** The shipped factories by their section title ({@code Connector `kafka`}, {@code Format `csv`}). */
    private Map<String, Factory> shippedFactories() {
        Map<String, Factory> all = new TreeMap<>();
        for (Factory f : FactoryUtil.discoverAll(getClass().getClassLoader())) {
            boolean format = f instanceof FormatFactory;
            if (format ? FORMATS.contains(f.factoryIdentifier()) : CONNECTORS.contains(f.factoryIdentifier())) {
                all.put((format ? "Format `" : "Connector `") + f.factoryIdentifier() + "`", f);
            }
        }
        return all;
    }

    /** The options {@code f} declares, by the key users write (formats: with the format prefix). */
    private static Map<String, ConfigOption<?>> declared(Factory f, String prefix) {
        Map<String, ConfigOption<?>> all = new TreeMap<>();
        for (ConfigOption<?> o : f.requiredOptions()) {
            all.put(prefix + o.key(), o);
        }
        for (ConfigOption<?> o : f.optionalOptions()) {
            all.putIfAbsent(prefix + o.key(), o);
        }
        return all;
    }

    private static boolean isPattern(String key) {
        return key.contains("<") || key.endsWith("*");
    }

    /** The option's type as the page writes it. */
    static String typeName(ConfigOption<?> o) {
        if (o.type().isEnum()) {
            return "Enum";
        }
        return o.type() == Duration.class ? "Duration" : o.type().getSimpleName();
    }

    /** The option's default as the page writes it. */
    static String defaultText(ConfigOption<?> o, boolean required) {
        if (required) {
            return "(required)";
        }
        Object d = o.defaultValue();
        if (d == null) {
            return "(none)";
        }
        if (d instanceof Duration duration) {
            long ms = duration.toMillis();
            return ms % 60_000 == 0 && ms > 0 ? ms / 60_000 + " min" : ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
        }
        if (d instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (d instanceof Character c) {
            return c == '\t' ? "\\t" : String.valueOf(c);
        }
        String text = String.valueOf(d);
        return text.isEmpty() ? "''" : text;
    }

    /**
     * The option rows of each section: a section starts at a {@code ## Connector `id`} or {@code ## Format `id`}
     * heading; a row is a table line whose first cell is a key in backticks.
     */
    static Map<String, Map<String, Row>> parse(String page) {
        Map<String, Map<String, Row>> sections = new LinkedHashMap<>();
        Map<String, Row> current = null;
        for (String line : page.split("\n")) {
            if (line.startsWith("## ")) {
                String title = line.substring(3).trim();
                current = title.startsWith("Connector `") || title.startsWith("Format `") ? new TreeMap<>() : null;
                if (current != null) {
                    sections.put(title, current);
                }
            } else if (current != null && line.startsWith("| `")) {
                String[] cells = line.split("(?<!\\\\)\\|");
                current.put(unquote(cells[1]), new Row(unquote(cells[1]), unquote(cells[2]), unquote(cells[3])));
            }
        }
        return sections;
    }

    private static String unquote(String cell) {
        String s = cell.trim();
        if (s.length() >= 2 && s.startsWith("`") && s.endsWith("`")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.replace("\\|", "|");
    }

    /** The option tables the factories declare, in the page's layout (descriptions from the declarations). */
    private static String generated(Map<String, Factory> factories) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Factory> e : factories.entrySet()) {
            Factory f = e.getValue();
            String prefix = f instanceof FormatFactory ? f.factoryIdentifier() + "." : "";
            sb.append("## ").append(e.getKey()).append("\n\n| key | type | default | meaning |\n|---|---|---|---|\n");
            for (Map.Entry<String, ConfigOption<?>> o : declared(f, prefix).entrySet()) {
                ConfigOption<?> option = o.getValue();
                String d = defaultText(option, f.requiredOptions().contains(option));
                String meaning = option.description() == null ? "" : option.description();
                if (option.type().isEnum()) {
                    meaning += " One of: " + option.typeDescription().substring("one of ".length()) + ".";
                }
                sb.append("| `").append(o.getKey()).append("` | ").append(typeName(option)).append(" | ")
                        .append(d.startsWith("(") ? d : "`" + d + "`").append(" | ")
                        .append(meaning.replace("|", "\\|").trim()).append(" |\n");
            }
            for (String p : f.tableDependentOptionPrefixes()) {
                sb.append("| `").append(prefix).append(p).append("*` | | | |\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** {@code docs/connectors.md} of the repository (found from the module directory upwards). */
    private static Path page() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/connectors.md"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "docs/connectors.md not found above " + Path.of("").toAbsolutePath());
        return dir.resolve("docs/connectors.md");
    }
}
