package io.sluice.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.print.ResultFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs SQL-client scripts in the format of Flink's own SQL-client tests ({@code *.q}: statements, each followed by
 * the output Flink's client prints for it and a {@code !ok}, {@code !info} or {@code !error} line) through the
 * shell's {@link StatementExecutor}, in a fresh streaming session per script, and compares what Sluice prints with
 * what the script expects. The scripts under {@code src/test/resources/flink-scripts} are this project's own,
 * written to Flink's documented behaviour; {@code -Dsluice.flink-scripts.dir=DIR} runs another directory of such
 * scripts (for instance Flink's, see docs/shell.md) the same way.
 *
 * <p>{@code !ok} and {@code !info} blocks compare the printed lines, trailing blanks ignored; Flink's clients before
 * 1.19 printed {@code Execute statement succeed.} where later ones print {@code succeeded.}, and both are taken as
 * the same message. An {@code !error} block passes when the statement fails and, if the block gives Flink's error
 * ({@code [ERROR] Could not execute SQL statement. Reason:} and the {@code class: message} of the deepest cause),
 * when Sluice's message starts with Flink's (runs of blanks ignored; the exception classes are Sluice's own and not
 * compared; Sluice may add a hint after Flink's text). {@code Job ID:} lines (random ids) are left out.
 *
 * <p>{@code $VAR_...} placeholders are replaced: {@code $VAR_STREAMING_PATH} and {@code $VAR_BATCH_PATH} by fresh
 * directories, {@code $VAR_UDF_JAR_PATH} by a jar of the scalar functions {@code LowerUDF} and {@code UpperUDF}
 * ({@link ScriptUdfJar}) and {@code $VAR_UDF_JAR_PATH_DASH}/{@code _SPACE} by the dashes and blanks that pad a
 * tableau column holding that path; {@code $VAR_DELETE_TABLE_DATA_ID}, {@code $VAR_UPDATE_TABLE_DATA_ID} and
 * {@code $VAR_TRUNCATE_TABLE_DATA_ID} by data ids of the test connector {@code test-update-delete}
 * ({@link io.sluice.cli.rowlevel.UpdateDeleteTableFactory}) holding five rows. Catalog type
 * {@code test_procedure_catalog} ({@link io.sluice.cli.procedures.TestProcedureCatalogFactory}) provides procedures.
 *
 * <p>Statements listed in a skip list ({@link ScriptSkips}) run (later statements may need what they create) but
 * their output is not compared, each for the reason listed (a statement listed as {@code N:error} must still
 * fail). When {@code sluice.flink-scripts.dir} is set the list is
 * {@code src/test/resources/flink-sql-client-skips.txt} (the statements of Flink's SQL-client scripts that cannot
 * match), or the file {@code -Dsluice.flink-scripts.skips=FILE} names; this project's own scripts run with none. An
 * entry that names a statement which starts otherwise, or one that now gives the expected output, fails the run so
 * the list stays exact. Each script prints a line with its numbers of statements, matches and skips.
 */
class FlinkScriptsTest {
    private static final String DEFAULT_SKIPS = "src/test/resources/flink-sql-client-skips.txt";

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> scripts() throws IOException {
        String dir = System.getProperty("sluice.flink-scripts.dir");
        Path root = dir != null ? Path.of(dir) : Path.of("src/test/resources/flink-scripts");
        List<Path> files;
        try (Stream<Path> s = Files.list(root)) {
            files = s.filter(p -> p.toString().endsWith(".q")).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "no scripts in " + root);
        String skipsFile = System.getProperty("sluice.flink-scripts.skips", dir != null ? DEFAULT_SKIPS : "");
        ScriptSkips skips = skipsFile.isEmpty() || skipsFile.equals("none") ? ScriptSkips.none()
                : ScriptSkips.read(Path.of(skipsFile));
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f, skips)));
    }

    private Map<String, String> variables() throws IOException {
        Map<String, String> vars = new LinkedHashMap<>();
        String jar = ScriptUdfJar.build(Files.createTempDirectory(tmp, "udf")).toString();
        // longer names first, so that $VAR_UDF_JAR_PATH_DASH is not replaced as $VAR_UDF_JAR_PATH + "_DASH"
        vars.put("$VAR_UDF_JAR_PATH_DASH", "-".repeat(jar.length() - 4));
        vars.put("$VAR_UDF_JAR_PATH_SPACE", " ".repeat(jar.length() - 4));
        vars.put("$VAR_UDF_JAR_PATH", jar);
        vars.put("$VAR_STREAMING_PATH", Files.createTempDirectory(tmp, "streaming").toString());
        vars.put("$VAR_BATCH_PATH", Files.createTempDirectory(tmp, "batch").toString());
        for (String kind : List.of("DELETE", "UPDATE", "TRUNCATE")) {
            vars.put("$VAR_" + kind + "_TABLE_DATA_ID", rowLevelData());
        }
        return vars;
    }

    /** A fresh data id of connector 'test-update-delete' holding the rows (i, 'b_i', 2.0 * i) for i = 0..4. */
    private static String rowLevelData() {
        String id = java.util.UUID.randomUUID().toString();
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(new Object[] {i, "b_" + i, 2.0 * i});
        }
        io.sluice.cli.rowlevel.UpdateDeleteTableFactory.register(id, rows);
        return id;
    }

    private void run(Path file, ScriptSkips skips) throws IOException {
        String script = file.getFileName().toString();
        List<Block> blocks = parse(file, variables());
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        List<String> failures = new ArrayList<>();
        List<ScriptSkips.Entry> used = new ArrayList<>();
        int matching = 0;
        int skipped = 0;
        for (int n = 1; n <= blocks.size(); n++) {
            Block b = blocks.get(n - 1);
            String actual = execute(env, b.statement);
            boolean same = matches(b, actual);
            ScriptSkips.Entry skip = skips.find(script, n);
            if (skip != null) {
                used.add(skip);
                skipped++;
                if (skip.mustFail() && !actual.startsWith(ERROR_HEADER)) {
                    failures.add(script + ": statement " + n + " (line " + b.line + ") must fail (skip-list line "
                            + skip.line() + "), but printed:\n" + actual);
                } else if (!ScriptSkips.startsAsListed(skip, b.statement)) {
                    failures.add(script + ": statement " + n + " (line " + b.line + ") does not start with '"
                            + skip.statementStart() + "' as skip-list line " + skip.line() + " says: "
                            + b.statement.strip());
                } else if (same && !skip.wholeScript()) {
                    failures.add(script + ": statement " + n + " (line " + b.line + ") now gives the expected "
                            + "output; remove skip-list line " + skip.line());
                }
                continue;
            }
            if (same) {
                matching++;
            } else {
                failures.add(script + ":" + b.line + ": (statement " + n + ") " + b.statement.strip()
                        + "\n--- expected (" + b.kind + ")\n" + b.expected + "--- actual\n" + actual);
            }
        }
        for (ScriptSkips.Entry e : skips.of(script)) {
            if (!used.contains(e)) {
                failures.add(script + ": skip-list line " + e.line() + " names statement " + e.number()
                        + ", which the script does not have");
            }
        }
        System.out.println("[flink-scripts] " + script + ": " + blocks.size() + " statements, " + matching
                + " match, " + skipped + " skipped with a reason, " + (blocks.size() - matching - skipped)
                + " differ");
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + blocks.size() + " statements differ:\n\n" + String.join("\n", failures));
        }
    }

    /** Runs one statement as the shell does and returns what it printed (an error as Flink's client shows it). */
    private static String execute(TableEnvironment env, String statement) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        StatementExecutor executor = new StatementExecutor(env, ResultFormat.TABLEAU, out, out, true);
        String sql = statement.strip();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            // the ';' ends the statement unless it is inside a comment that is still open (as in "SELECT /*;")
            boolean inComment = sql.lastIndexOf("/*") > sql.lastIndexOf("*/");
            Future<?> done = thread.submit(() -> executor.execute(sql.endsWith(";") && !inComment
                    ? sql.substring(0, sql.length() - 1) : sql));
            try {
                done.get(STATEMENT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                executor.cancelRunning();
                done.cancel(true);
                return "(the statement still ran after " + STATEMENT_TIMEOUT_SECONDS + " s; cancelled)\n";
            } catch (ExecutionException e) {
                out.println(ERROR_HEADER);
                out.println(FlinkGatewayScriptsTest.stringify(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } finally {
            thread.shutdownNow();
        }
        out.flush();
        return normalize(text.toString().replaceAll("(?m)^Job ID: [0-9a-f]+\n", ""));
    }

    /** A statement (a query on an unbounded source, say) that still runs after this long is cancelled. */
    private static final long STATEMENT_TIMEOUT_SECONDS = 30;

    private static final String ERROR_HEADER = "[ERROR] Could not execute SQL statement. Reason:";

    private static boolean matches(Block b, String actual) {
        boolean failed = actual.startsWith(ERROR_HEADER);
        if (b.kind.equals("!error")) {
            String expected = b.expected.strip();
            if (!failed) {
                return false;
            }
            if (expected.isEmpty()) {
                return true;
            }
            return collapse(message(actual)).startsWith(collapse(message(expected)));
        }
        return !failed && sameMessages(actual).equals(sameMessages(normalize(b.expected)));
    }

    /** An error block without its first line and without the class name before the message. */
    private static String message(String errorText) {
        String s = errorText.strip();
        int nl = s.indexOf('\n');
        s = nl < 0 ? "" : s.substring(nl + 1);
        int colon = s.indexOf(": ");
        int space = s.indexOf(' ');
        return colon >= 0 && (space < 0 || colon < space) ? s.substring(colon + 2) : s;
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** Flink's older clients' spelling of the same message. */
    private static String sameMessages(String s) {
        return s.replace("[INFO] Execute statement succeed.\n", "[INFO] Execute statement succeeded.\n");
    }

    /** Lines with trailing blanks removed, and no trailing empty lines. */
    private static String normalize(String s) {
        StringBuilder b = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            b.append(line.stripTrailing()).append('\n');
        }
        String r = b.toString();
        while (r.endsWith("\n\n")) {
            r = r.substring(0, r.length() - 1);
        }
        return r.equals("\n") ? "" : r;
    }

    /** One statement of a script, the output expected for it, and how it is checked. */
    record Block(int line, String statement, String expected, String kind) {
    }

    /**
     * Splits a script: {@code #} lines outside a statement are comments; a statement runs up to the line ending
     * with {@code ;}; the lines after it up to {@code !ok}, {@code !info}, {@code !error} or {@code !warning} are
     * its expected output.
     */
    static List<Block> parse(Path file, Map<String, String> vars) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        int start = 0;
        boolean inOutput = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (Map.Entry<String, String> v : vars.entrySet()) {
                line = line.replace(v.getKey(), v.getValue());
            }
            if (inOutput) {
                String t = line.strip();
                if (t.equals("!ok") || t.equals("!info") || t.equals("!error") || t.equals("!warning")) {
                    blocks.add(new Block(start, statement.toString(), expected.toString(), t));
                    statement.setLength(0);
                    expected.setLength(0);
                    inOutput = false;
                } else {
                    expected.append(line).append('\n');
                }
                continue;
            }
            if (statement.length() == 0 && (line.startsWith("#") || line.isBlank())) {
                continue;
            }
            if (statement.length() == 0) {
                start = i + 1;
            }
            statement.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                inOutput = true;
            }
        }
        if (statement.length() > 0) {
            throw new IOException(file + ":" + start + ": a statement without its expected output and !ok/!info/!error");
        }
        return blocks;
    }
}
