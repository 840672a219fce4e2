package io.sluice.table.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.sql.parser.ScriptSplitter;
import io.sluice.sql.parser.ScriptStatement;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Plan golden tests: each {@code src/test/resources/explain/<name>.sql} is a script of setup statements (DDL,
 * SET) followed by one {@code EXPLAIN} statement, separated by {@code ;}. The script runs in a fresh
 * environment (streaming mode for files named {@code stream_*}, batch mode otherwise) and the EXPLAIN text must
 * equal {@code <name>.out} beside it, byte for byte after normalizing line ends.
 *
 * <p>{@code ${DATA}} in a script is replaced by the absolute path of {@code src/test/resources/sqltest/data}
 * and {@code ${TARGET}} by {@code target/explain-out}; neither path appears in plans, so the reference files
 * are machine-independent.
 *
 * <p>System properties: {@code -Dsluice.explain.rewrite=true} writes the actual text into the {@code .out}
 * files in the source tree (review the diff: the files are the reference); {@code -Dsluice.explain.filter=x}
 * runs only scripts whose name contains {@code x}.
 */
class ExplainGoldenTest {
    private static final boolean REWRITE = Boolean.getBoolean("sluice.explain.rewrite");
    private static final String FILTER = System.getProperty("sluice.explain.filter", "");

    @TestFactory
    Stream<DynamicTest> explainFiles() throws IOException {
        Path dir = resourceDir("explain");
        List<Path> scripts;
        try (Stream<Path> listing = Files.list(dir)) {
            scripts = listing.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .filter(p -> p.getFileName().toString().contains(FILTER))
                    .sorted()
                    .toList();
        }
        if (FILTER.isEmpty()) {
            assertTrue(scripts.size() >= 15, "expected at least 15 EXPLAIN scripts in " + dir);
        }
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private void check(Path script) throws Exception {
        String name = script.getFileName().toString();
        String base = name.substring(0, name.length() - ".sql".length());
        String sql = Files.readString(script, StandardCharsets.UTF_8)
                .replace("${DATA}", resourceDir("sqltest").resolve("data").toString())
                .replace("${TARGET}", Path.of("target", "explain-out").toAbsolutePath().toString());
        List<ScriptStatement> statements = ScriptSplitter.split(sql);
        assertFalse(statements.isEmpty(), name + " has no statements");
        String explain = statements.get(statements.size() - 1).text();
        assertTrue(explain.toUpperCase(Locale.ROOT).startsWith("EXPLAIN"),
                name + ": the last statement must be EXPLAIN, found: " + explain);

        TableEnvironment env = TableEnvironment.create(base.startsWith("stream_")
                ? EnvironmentSettings.inStreamingMode() : EnvironmentSettings.inBatchMode());
        for (ScriptStatement s : statements.subList(0, statements.size() - 1)) {
            env.executeSql(s.text()).await();
        }
        String actual = normalize(explainText(env, explain));

        Path expectedFile = script.resolveSibling(base + ".out");
        if (REWRITE) {
            Path source = Path.of("src", "test", "resources", "explain", base + ".out");
            Files.writeString(source, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(expectedFile), "missing " + expectedFile
                + "; run with -Dsluice.explain.rewrite=true to create it, then review it");
        String expected = normalize(Files.readString(expectedFile, StandardCharsets.UTF_8));
        assertEquals(expected, actual, name + ": plan differs from " + base + ".out"
                + " (rewrite with -Dsluice.explain.rewrite=true and review the diff if the change is intended)");
    }

    private static String explainText(TableEnvironment env, String explain) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (CloseableIterator<Row> rows = env.executeSql(explain).collect()) {
            while (rows.hasNext()) {
                sb.append(rows.next().getField(0));
            }
        }
        return sb.toString();
    }

    /** Unix line ends, no trailing spaces, exactly one final newline. */
    private static String normalize(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            lines.add(line.stripTrailing());
        }
        return String.join("\n", lines).strip() + "\n";
    }

    private static Path resourceDir(String name) {
        URL url = ExplainGoldenTest.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource directory '" + name + "' not found");
        }
        try {
            Path target = Path.of(url.toURI());
            // Prefer the source tree (target/test-classes is a copy) so edited files are seen without a rebuild.
            Path source = Path.of("src", "test", "resources", name).toAbsolutePath();
            return Files.isDirectory(source) ? source : target;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
