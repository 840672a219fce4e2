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
import java.util.List;
import java.util.Map;
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
 * scripts (for instance Flink's) the same way.
 *
 * <p>An {@code !error} block passes when the statement fails (error texts are Sluice's own); {@code !ok} and
 * {@code !info} blocks compare the printed lines, trailing blanks ignored. {@code $VAR_...} placeholders are
 * replaced: {@code $VAR_STREAMING_PATH} and {@code $VAR_BATCH_PATH} by fresh directories. {@code Job ID:} lines
 * (random ids) are left out of the comparison.
 */
class FlinkScriptsTest {
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
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private void run(Path file) throws IOException {
        Map<String, String> vars = Map.of(
                "$VAR_STREAMING_PATH", Files.createTempDirectory(tmp, "streaming").toString(),
                "$VAR_BATCH_PATH", Files.createTempDirectory(tmp, "batch").toString());
        List<Block> blocks = parse(file, vars);
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        List<String> failures = new ArrayList<>();
        for (Block b : blocks) {
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text, true);
            StatementExecutor executor = new StatementExecutor(env, ResultFormat.TABLEAU, out, out, true);
            boolean failed = false;
            try {
                String sql = b.statement.strip();
                executor.execute(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
            } catch (RuntimeException e) {
                failed = true;
                out.println("[ERROR] Could not execute SQL statement. Reason:");
                out.println(rootCause(e));
            }
            out.flush();
            String actual = normalize(text.toString().replaceAll("(?m)^Job ID: [0-9a-f]+\n", ""));
            boolean ok = switch (b.kind) {
                case "!error" -> failed;
                default -> !failed && actual.equals(normalize(b.expected));
            };
            if (!ok) {
                failures.add(file.getFileName() + ":" + b.line + ": " + b.statement.strip() + "\n--- expected ("
                        + b.kind + ")\n" + b.expected + "--- actual\n" + actual);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + blocks.size() + " statements differ:\n\n" + String.join("\n", failures));
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getName() + ": " + t.getMessage();
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
