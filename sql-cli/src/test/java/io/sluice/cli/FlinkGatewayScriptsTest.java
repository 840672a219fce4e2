package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.table.api.Column;
import io.sluice.table.api.DataTypes;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.internal.TableResultImpl;
import io.sluice.table.print.TableauPrinter;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the statement scripts of Flink's SQL gateway ({@code sql/*.q} in Flink's {@code flink-sql-gateway} test jar, a
 * test dependency read from the class path) through Sluice, one fresh streaming session per script, and compares
 * each statement's output with the output Flink's gateway gives for it.
 *
 * <p>The scripts hold statements, each followed by {@code !output}, the expected output and a tag: {@code !ok} for
 * rows (printed as a tableau whose columns are as wide as their widest cell, with an {@code op} column for queries
 * in streaming mode, and {@code Empty set} for no rows), {@code !info} for a statement that submits a job (the
 * output is only {@code Job ID:}), {@code !error} for a statement that fails (the output is the class and message of
 * the deepest cause). {@code SHOW CREATE} and {@code EXPLAIN} print their single value as it is.
 *
 * <p>An {@code !error} block passes when the statement fails and Sluice's message starts with Flink's (Sluice may
 * add a hint, such as the nearest existing names; the exception classes are Sluice's own and not compared), or,
 * for the statements in {@link #ERROR_TEXT_DIFFERS}, when it fails at all. Statements of {@link #SKIPPED} run
 * (later statements may need what they create) but their output is not compared, each for the reason given; an
 * entry that no statement matches, or whose statements all give Flink's output now, fails the test so the list
 * stays exact.
 */
class FlinkGatewayScriptsTest {
    private static final String RESOURCE_DIR = "sql/";
    /** A query the scripts expect to end (bounded sources) that still runs after this long is cut off. */
    private static final long QUERY_TIMEOUT_SECONDS = 30;

    private static final String PLANS = "the plan text is Sluice's own: its optimizer and plan nodes differ from "
            + "Flink's (projections and watermarks are pushed differently, VALUES and literals print differently)";

    /**
     * Statements whose output cannot match, because Sluice lacks the feature or differs from Flink on purpose:
     * script, statement start (matching every statement that starts so), reason.
     */
    static final List<Skip> SKIPPED = List.of(
            new Skip("set.q", "set;", "lists the options of Flink's cluster deployment (config dir, rest.port, "
                    + "execution.target): a Sluice session has no cluster options to list"),
            new Skip("table.q", "explain plan for select `user`", PLANS),
            new Skip("table.q", "explain plan for insert ", PLANS),
            new Skip("table.q", "explain select ", PLANS),
            new Skip("table.q", "explain insert ", PLANS),
            new Skip("table.q", "explain json_execution_plan ", PLANS),
            new Skip("table.q", "explain estimated_cost ", PLANS),
            new Skip("table.q", "explain changelog_mode", PLANS),
            new Skip("insert.q", "explain execute insert ", PLANS),
            new Skip("statement_set.q", "explain statement set begin insert ", PLANS),
            new Skip("statement_set.q", "explain execute statement set begin insert ", PLANS));

    private static final String PARSER = "a syntax error: Flink's message is its JavaCC parser's (line 0 and a "
            + "multi-line list of expected tokens); Sluice's names the same token and column";

    /**
     * {@code !error} statements that must fail but whose message cannot be Flink's: script, statement start,
     * reason.
     */
    static final List<Skip> ERROR_TEXT_DIFFERS = List.of(
            new Skip("catalog_database.q", "create catalog invalid.cat", PARSER),
            new Skip("statement_set.q", "explain statement set begin end;", PARSER),
            new Skip("statement_set.q", "execute statement set begin end;", PARSER),
            new Skip("table.q", "explain plan for select * from orders2", "Flink's datagen has more "
                    + "per-field options than Sluice's, so the lists of supported options differ; the message starts "
                    + "as Flink's (the unsupported option, then the supported ones)"),
            new Skip("set.q", "set 'table.sql-dialect' = 'unknown'", "Flink's message is Java's for an unknown enum "
                    + "constant of its own class; Sluice names the valid dialects"));

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> gatewayScripts() throws IOException {
        List<String> scripts = scriptNames();
        assertTrue(scripts.size() >= 9, "Flink's gateway scripts on the class path: " + scripts);
        return scripts.stream().map(s -> DynamicTest.dynamicTest(s.substring(RESOURCE_DIR.length()), () -> run(s)));
    }

    /** The {@code sql/*.q} entries of the jar that holds Flink's gateway scripts. */
    private static List<String> scriptNames() throws IOException {
        URL url = FlinkGatewayScriptsTest.class.getClassLoader().getResource(RESOURCE_DIR + "table.q");
        assertNotNull(url, "Flink's gateway scripts (flink-sql-gateway tests jar) are not on the class path");
        assertTrue(url.getProtocol().equals("jar"), "expected the scripts inside a jar: " + url);
        List<String> names = new ArrayList<>();
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(RESOURCE_DIR) && name.endsWith(".q") && name.indexOf('/', 4) < 0) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** Fresh directories for the script's {@code $VAR_...} placeholders. */
    private Map<String, String> variables(String script) throws IOException {
        Path dir = Files.createTempDirectory(tmp, script);
        Map<String, String> vars = new LinkedHashMap<>();
        // longer names first, so that $VAR_STREAMING_PATH2 is not replaced as $VAR_STREAMING_PATH + "2"
        Path plans = Files.createDirectory(dir.resolve("plans"));
        vars.put("$VAR_STREAMING_PLAN_RELATIVE_PATH", Path.of("").toAbsolutePath().relativize(plans).toString());
        vars.put("$VAR_STREAMING_PLAN_PATH", plans.toString());
        for (String name : List.of("STREAMING_PATH2", "STREAMING_PATH3", "STREAMING_PATH", "BATCH_CTAS_PATH",
                "BATCH_PATH2", "BATCH_PATH")) {
            vars.put("$VAR_" + name, Files.createDirectory(dir.resolve(name.toLowerCase(Locale.ROOT))).toString());
        }
        return vars;
    }

    private void run(String resource) throws IOException {
        String script = resource.substring(RESOURCE_DIR.length());
        String text;
        try (InputStream in = FlinkGatewayScriptsTest.class.getClassLoader().getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> v : variables(script).entrySet()) {
            text = text.replace(v.getKey(), v.getValue());
        }
        List<Block> blocks = parse(text);
        assertTrue(!blocks.isEmpty(), "no statements in " + resource);
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        List<String> failures = new ArrayList<>();
        Set<Skip> used = new HashSet<>();
        Set<Skip> stillDiffering = new HashSet<>();
        for (Block b : blocks) {
            Outcome out = execute(env, b.sql);
            boolean same = out.tag.equals(b.tag) && (out.tag.equals("!error")
                    ? sameError(script, b, out, used) : out.output.equals(b.expected));
            Skip skip = find(SKIPPED, script, b.sql);
            if (skip != null) {
                used.add(skip);
                if (!same) {
                    stillDiffering.add(skip);
                }
                continue;
            }
            if (!same) {
                failures.add(script + ":" + b.line + ": " + b.sql.strip() + "\n--- expected\n" + b.expected
                        + b.tag + "\n--- actual\n" + out.output + out.tag + "\n");
            }
        }
        for (Skip s : used) {
            if (SKIPPED.contains(s) && !stillDiffering.contains(s)) {
                failures.add(script + ": every statement starting with '" + s.statementStart + "' now gives Flink's"
                        + " output; remove it from SKIPPED");
            }
        }
        for (List<Skip> list : List.of(SKIPPED, ERROR_TEXT_DIFFERS)) {
            for (Skip s : list) {
                if (s.script.equals(script) && !used.contains(s)) {
                    failures.add(script + ": no statement starts with the listed '" + s.statementStart + "'");
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + blocks.size() + " statements differ from Flink's gateway output:\n\n"
                    + String.join("\n", failures));
        }
    }

    /** A failure matches when Sluice's message starts with Flink's, or (a listed statement) when it failed at all. */
    private static boolean sameError(String script, Block b, Outcome out, Set<Skip> used) {
        Skip listed = find(ERROR_TEXT_DIFFERS, script, b.sql);
        if (listed != null) {
            used.add(listed);
            return true;
        }
        return messageOf(out.output).startsWith(messageOf(b.expected));
    }

    /** The text after the exception class name ({@code class: message}). */
    static String messageOf(String errorOutput) {
        String s = errorOutput.strip();
        int colon = s.indexOf(": ");
        return colon < 0 ? s : s.substring(colon + 2);
    }

    private static Skip find(List<Skip> list, String script, String sql) {
        String normalized = sql.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (Skip s : list) {
            if (s.script.equals(script) && normalized.startsWith(s.statementStart.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    /** Runs one statement as Flink's gateway test does and renders its outcome. */
    static Outcome execute(TableEnvironment env, String sql) {
        String statement = sql.strip();
        if (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1);
        }
        String upper = statement.toUpperCase(Locale.ROOT);
        try {
            TableResult result = env.executeSql(statement);
            boolean streaming = env.getConfig().get(ExecutionOptions.RUNTIME_MODE) == RuntimeMode.STREAMING;
            if (upper.startsWith("SHOW CREATE") || upper.startsWith("EXPLAIN")) {
                try (CloseableIterator<Row> rows = result.collect()) {
                    // Flink's test prints the value trimmed
                    return new Outcome(String.valueOf(rows.next().getField(0)).strip() + "\n", "!ok");
                }
            }
            if (result.getJobClient().isPresent() && !((TableResultImpl) result).isQueryJob()) {
                result.await();
                return new Outcome("Job ID:\n", "!info");
            }
            return new Outcome(tableau(result, upper.startsWith("SELECT") && streaming), "!ok");
        } catch (Exception e) {
            return new Outcome(stringify(e) + "\n", "!error");
        }
    }

    /** All rows as a tableau with data-inferred column widths, with the row kind first when asked. */
    private static String tableau(TableResult result, boolean withRowKind) {
        ResolvedSchema schema = result.getResolvedSchema();
        List<Row> collected = new ArrayList<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (CloseableIterator<Row> it = result.collect()) {
            Future<?> all = reader.submit(() -> it.forEachRemaining(collected::add));
            try {
                all.get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                return "(the query still ran after " + QUERY_TIMEOUT_SECONDS + " s; cancelled)\n";
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } finally {
            reader.shutdownNow();
        }
        List<Row> rows = collected;
        if (withRowKind) {
            List<Column> columns = new ArrayList<>();
            columns.add(Column.physical("op", DataTypes.STRING()));
            columns.addAll(schema.getColumns());
            schema = new ResolvedSchema(columns);
            List<Row> withKinds = new ArrayList<>();
            for (Row r : rows) {
                Object[] values = new Object[r.getArity() + 1];
                values[0] = r.getKind().shortString();
                for (int i = 0; i < r.getArity(); i++) {
                    values[i + 1] = r.getField(i);
                }
                withKinds.add(Row.of(values));
            }
            rows = withKinds;
        }
        StringWriter text = new StringWriter();
        new TableauPrinter(false, ZoneId.of("UTC"), Integer.MAX_VALUE).print(schema, rows.iterator(),
                new PrintWriter(text));
        return text.toString();
    }

    /** The deepest cause that has a message, as {@code class: message} (how Flink's test prints failures). */
    static String stringify(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause().getMessage() != null
                && !root.getCause().getMessage().isEmpty()) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }

    /**
     * Splits a script: comment and blank lines before a statement belong to it; the statement runs up to a line
     * {@code !output}; the expected output runs up to the next line starting with {@code !}, its tag.
     */
    static List<Block> parse(String text) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            while (i < lines.length && (lines[i].startsWith("#") || lines[i].isBlank())) {
                i++;
            }
            if (i >= lines.length) {
                break;
            }
            int start = i + 1;
            StringBuilder sql = new StringBuilder();
            while (i < lines.length && !lines[i].strip().equals("!output")) {
                sql.append(lines[i++]).append('\n');
            }
            i++;
            StringBuilder expected = new StringBuilder();
            while (i < lines.length && !lines[i].startsWith("!")) {
                expected.append(lines[i++]).append('\n');
            }
            if (i >= lines.length) {
                throw new IllegalArgumentException("line " + start + ": a statement without !output and a tag");
            }
            blocks.add(new Block(start, sql.toString(), expected.toString(), lines[i++].strip()));
        }
        return blocks;
    }

    /** One statement, the output expected for it and its tag ({@code !ok}, {@code !info}, {@code !error}). */
    record Block(int line, String sql, String expected, String tag) {
    }

    /** What Sluice printed for a statement, and the tag it earned. */
    record Outcome(String output, String tag) {
    }

    /** A listed statement: its script, how it starts (case and runs of blanks ignored), and why it is listed. */
    record Skip(String script, String statementStart, String reason) {
    }
}
