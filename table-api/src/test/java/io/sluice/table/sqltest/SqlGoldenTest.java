package io.sluice.table.sqltest;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.ResultKind;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the end-to-end SQL golden files {@code src/test/resources/sqltest/*.sql.test} (format: see
 * {@link SqlTestFileParser}) through {@link TableEnvironment#executeSql}, one fresh environment per file (streaming
 * mode for files named {@code stream_*}, batch mode otherwise), records in file order, one dynamic test per record
 * named {@code file:line}.
 *
 * <p>Placeholders in SQL: {@code ${DATA}} is the absolute path of {@code src/test/resources/sqltest/data};
 * {@code ${TARGET}} is {@code target/sqltest-out/<file name without .sql.test>}, emptied before the file runs.
 *
 * <p>System properties: {@code -Dsluice.sqltest.filter=<substring>} runs only files whose name contains it;
 * {@code -Dsluice.sqltest.rewrite=true} replaces the expected block of every query whose rows differ with its
 * actual rows in the source files (review the diff); {@code -Dsluice.sqltest.timeout=<seconds>} bounds each
 * record (default 60).
 */
class SqlGoldenTest {
    private static final String SUFFIX = ".sql.test";
    private static final boolean REWRITE = Boolean.getBoolean("sluice.sqltest.rewrite");
    private static final String FILTER = System.getProperty("sluice.sqltest.filter", "");
    /** Runs the corpus with this {@code state.backend.type} (e.g. rocksdb) when set. */
    private static final String STATE_BACKEND = System.getProperty("sluice.sqltest.state-backend", "");
    private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("sluice.sqltest.timeout", 60));

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        Path dir = testDirectory();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .filter(p -> p.getFileName().toString().contains(FILTER))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no *" + SUFFIX + " file in " + dir + " matches filter '" + FILTER + "'");
        }
        Path data = dir.resolve("data").toAbsolutePath();
        Path outRoot = moduleDirectory().resolve("target").resolve("sqltest-out");
        Map<String, String> knownGaps = knownGaps(dir.resolve("known-gaps.txt"));
        return files.stream().flatMap(f -> testsOf(f, data, outRoot, knownGaps));
    }

    /**
     * Records that differ from Flink because of a known engine gap ({@code file:line reason} per line). Such a
     * record still runs: while it fails it is reported as skipped with its reason; once it passes the test fails,
     * so the entry gets removed.
     */
    private static Map<String, String> knownGaps(Path file) throws IOException {
        Map<String, String> gaps = new java.util.HashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                int space = t.indexOf(' ');
                gaps.put(space < 0 ? t : t.substring(0, space), space < 0 ? "" : t.substring(space + 1).strip());
            }
        }
        return gaps;
    }

    private static Stream<DynamicTest> testsOf(Path file, Path data, Path outRoot, Map<String, String> knownGaps) {
        String name = file.getFileName().toString();
        List<String> lines = readLines(file);
        List<SqlTestRecord> records = SqlTestFileParser.parse(name, lines);
        String base = name.substring(0, name.length() - SUFFIX.length());
        FileRun run = new FileRun(name, data, outRoot.resolve(base));
        List<DynamicTest> tests = new ArrayList<>();
        for (SqlTestRecord r : records) {
            String where = name + ":" + r.line();
            org.junit.jupiter.api.function.Executable body = () -> assertTimeoutPreemptively(TIMEOUT,
                    () -> run.execute(r), () -> where + " did not finish within " + TIMEOUT.toSeconds()
                            + "s\nSQL:\n" + run.substitute(r.sql()));
            String gap = knownGaps.get(where);
            if (gap != null) {
                org.junit.jupiter.api.function.Executable guarded = body;
                body = () -> {
                    try {
                        guarded.execute();
                    } catch (Throwable t) {
                        org.junit.jupiter.api.Assumptions.abort("known gap: " + gap + " (" + t.getMessage() + ")");
                    }
                    org.junit.jupiter.api.Assertions.fail(where + " is listed in known-gaps.txt but now passes;"
                            + " remove it from the list");
                };
            }
            tests.add(DynamicTest.dynamicTest(where, file.toUri(), body));
        }
        if (REWRITE) {
            tests.add(DynamicTest.dynamicTest(name + ":rewrite", file.toUri(), () -> run.rewrite(file, lines)));
        }
        return tests.stream();
    }

    /** The state of one file's run: its environment (created on first use) and, when rewriting, actual rows. */
    private static final class FileRun {
        private final String fileName;
        private final Path data;
        private final Path target;
        private TableEnvironment env;
        private final Map<Integer, List<String>> actualByLine = new TreeMap<>(Comparator.reverseOrder());
        private final Map<Integer, SqlTestRecord> recordsByLine = new TreeMap<>();

        FileRun(String fileName, Path data, Path target) {
            this.fileName = fileName;
            this.data = data;
            this.target = target;
        }

        /** Files named {@code stream_*} run in streaming mode; their rows carry row kinds. */
        boolean isStreaming() {
            return fileName.startsWith("stream_");
        }

        String substitute(String sql) {
            return sql.replace("${DATA}", data.toString()).replace("${TARGET}", target.toAbsolutePath().toString());
        }

        private TableEnvironment env() throws IOException {
            if (env == null) {
                deleteRecursively(target);
                Files.createDirectories(target);
                env = TableEnvironment.create(isStreaming()
                        ? EnvironmentSettings.inStreamingMode() : EnvironmentSettings.inBatchMode());
                if (!STATE_BACKEND.isEmpty()) {
                    env.getConfig().set("state.backend.type", STATE_BACKEND);
                }
            }
            return env;
        }

        void execute(SqlTestRecord r) throws Exception {
            String sql = substitute(r.sql());
            String where = fileName + ":" + r.line();
            switch (r.kind()) {
                case STATEMENT_OK -> runToEnd(env().executeSql(sql));
                case STATEMENT_ERROR -> expectError(where, sql, r.errorSubstring());
                case QUERY -> checkQuery(where, sql, r);
                default -> throw new IllegalStateException(r.kind().toString());
            }
        }

        private void expectError(String where, String sql, String expected) throws IOException {
            TableEnvironment e = env();
            try {
                runToEnd(e.executeSql(sql));
            } catch (Throwable t) {
                String messages = messageChain(t);
                if (!messages.contains(expected)) {
                    AssertionFailedError failure = new AssertionFailedError(where + ": error message does not contain '"
                            + expected + "'\nSQL:\n" + sql + "\nactual error:\n" + messages, expected, messages);
                    failure.addSuppressed(t);
                    throw failure;
                }
                return;
            }
            throw new AssertionFailedError(where + ": expected an error containing '" + expected
                    + "' but the statement succeeded\nSQL:\n" + sql);
        }

        private void checkQuery(String where, String sql, SqlTestRecord r) throws Exception {
            TableResult result = env().executeSql(sql);
            RowRenderer renderer = new RowRenderer(result.getResolvedSchema());
            List<String> actual = new ArrayList<>();
            try (CloseableIterator<Row> it = result.collect()) {
                while (it.hasNext()) {
                    Row row = it.next();
                    String text = renderer.render(row);
                    if (r.finalTable()) {
                        applyChange(where, actual, row.getKind(), text);
                    } else {
                        actual.add(isStreaming() ? row.getKind().shortString() + "|" + text : text);
                    }
                }
            }
            List<String> expected = new ArrayList<>(r.expected());
            if (r.rowSort()) {
                Collections.sort(actual);
                Collections.sort(expected);
            }
            if (REWRITE) {
                if (expected.equals(actual)) {
                    return; // keep the block as written (rowsort blocks need not be sorted in the file)
                }
                synchronized (this) {
                    actualByLine.put(r.line(), actual);
                    recordsByLine.put(r.line(), r);
                }
                return;
            }
            if (!expected.equals(actual)) {
                String exp = String.join("\n", expected);
                String act = String.join("\n", actual);
                throw new AssertionFailedError(where + ": result mismatch" + (r.rowSort() ? " (rowsort)" : "")
                        + "\nSQL:\n" + sql + "\nexpected (" + expected.size() + " rows):\n" + exp
                        + "\nactual (" + actual.size() + " rows):\n" + act, exp, act);
            }
        }

        /** Folds one changelog row into {@code table}: inserts add the row, retractions remove one equal row. */
        private static void applyChange(String where, List<String> table, io.sluice.types.RowKind kind, String row) {
            if (kind.isAccumulate()) {
                table.add(row);
            } else if (!table.remove(row)) {
                throw new AssertionFailedError(where + ": " + kind.shortString() + " retracts row " + row
                        + " which is not in the result table " + table);
            }
        }

        /** Replaces the expected blocks of the queries that ran with their actual rows, bottom-up. */
        synchronized void rewrite(Path file, List<String> original) throws IOException {
            List<String> lines = new ArrayList<>(original);
            for (Map.Entry<Integer, List<String>> e : actualByLine.entrySet()) {
                SqlTestRecord r = recordsByLine.get(e.getKey());
                List<String> block = lines.subList(r.expectedFrom(), r.expectedTo());
                block.clear();
                block.addAll(e.getValue());
            }
            if (!lines.equals(original)) {
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
        }
    }

    /** Drains a statement's rows and waits for its job, so that run-time failures surface here. */
    private static void runToEnd(TableResult result) throws Exception {
        if (result.getResultKind() == ResultKind.SUCCESS_WITH_CONTENT) {
            try (CloseableIterator<Row> it = result.collect()) {
                while (it.hasNext()) {
                    it.next();
                }
            }
        }
        if (result.getJobClient().isPresent()) {
            result.await();
        }
    }

    /**
     * The messages of an exception and its causes, one per line, each as {@code Class: message}; a
     * {@link io.sluice.table.api.TableException} that knows where in the statement the problem is ends with
     * {@code [line L, column C]}.
     */
    static String messageChain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(c.getClass().getName()).append(": ").append(c.getMessage());
            if (c instanceof io.sluice.table.api.TableException te && te.hasPosition()) {
                sb.append(" [line ").append(te.line()).append(", column ").append(te.column()).append(']');
            }
        }
        return sb.toString();
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code src/test/resources/sqltest} of this module when present (rewrite edits it), else the class path copy. */
    private static Path testDirectory() {
        Path source = moduleDirectory().resolve("src/test/resources/sqltest");
        return Files.isDirectory(source) ? source : classPathDirectory();
    }

    /** {@code <module>/target/test-classes/sqltest} as found on the class path. */
    private static Path classPathDirectory() {
        URL url = SqlGoldenTest.class.getResource("/sqltest");
        if (url == null) {
            throw new IllegalStateException("resource directory /sqltest not found on the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The module directory: three levels above {@code target/test-classes/sqltest}. */
    private static Path moduleDirectory() {
        return classPathDirectory().getParent().getParent().getParent();
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
