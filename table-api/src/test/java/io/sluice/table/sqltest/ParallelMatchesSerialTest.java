package io.sluice.table.sqltest;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * The property that {@code parallelism.default} = 2 and 4 give the same results as one instance: every query of
 * every golden file runs again with N parallel instances (hash exchanges between keyed stages), its changelog is
 * folded into a final table and compared, sorted, with the expected rows (for streaming files, the expected
 * changelog folded the same way). Records listed in {@code parallel-differs.txt} (results that depend on arrival
 * order, like LIMIT without ORDER BY) and the known gaps are skipped; error records are checked at parallelism 1.
 */
class ParallelMatchesSerialTest {
    private static final String SUFFIX = ".sql.test";

    @TestFactory
    Stream<DynamicNode> parallelRunsEndWithTheSameTables() throws IOException {
        Path dir = Path.of("src/test/resources/sqltest").toAbsolutePath();
        Map<String, String> excluded = new HashMap<>();
        excluded.putAll(ChangelogFolding.listing(dir.resolve("known-gaps.txt")));
        excluded.putAll(ChangelogFolding.listing(dir.resolve("parallel-differs.txt")));
        String filter = System.getProperty("sluice.sqltest.filter", "");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .filter(p -> p.getFileName().toString().contains(filter))
                    .sorted().toList();
        }
        Path data = dir.resolve("data");
        List<DynamicNode> nodes = new ArrayList<>();
        for (int parallelism : new int[] {2, 4}) {
            Path out = Path.of("target/sqltest-parallel-" + parallelism).toAbsolutePath();
            List<DynamicNode> tests = new ArrayList<>();
            for (Path f : files) {
                tests.addAll(testsOf(f, data, out, excluded, parallelism));
            }
            nodes.add(DynamicContainer.dynamicContainer("parallelism " + parallelism, tests));
        }
        return nodes.stream();
    }

    private static List<DynamicTest> testsOf(Path file, Path data, Path outRoot, Map<String, String> excluded,
            int parallelism) {
        String name = file.getFileName().toString();
        List<SqlTestRecord> records;
        try {
            records = SqlTestFileParser.parse(name, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        boolean streaming = name.startsWith("stream_");
        Run run = new Run(data, outRoot.resolve(name.substring(0, name.length() - SUFFIX.length())), streaming,
                parallelism);
        List<DynamicTest> tests = new ArrayList<>();
        for (SqlTestRecord r : records) {
            String where = name + ":" + r.line();
            tests.add(DynamicTest.dynamicTest(where + " (parallelism " + parallelism + ")", file.toUri(),
                    () -> run.execute(where, r, excluded.get(where))));
        }
        return tests;
    }


    /** One file's environment at one parallelism. */
    private static final class Run {
        private final Path data;
        private final Path target;
        private final boolean streaming;
        private final int parallelism;
        private TableEnvironment env;

        Run(Path data, Path target, boolean streaming, int parallelism) {
            this.data = data;
            this.target = target;
            this.streaming = streaming;
            this.parallelism = parallelism;
        }

        private TableEnvironment env() throws IOException {
            if (env == null) {
                ChangelogFolding.recreate(target);
                env = TableEnvironment.create(streaming ? EnvironmentSettings.inStreamingMode()
                        : EnvironmentSettings.inBatchMode());
                env.executeSql("SET 'parallelism.default' = '" + parallelism + "'");
            }
            return env;
        }

        void execute(String where, SqlTestRecord r, String exclusion) throws Exception {
            String sql = r.sql().replace("${DATA}", data.toString()).replace("${TARGET}", target.toString());
            switch (r.kind()) {
                case STATEMENT_ERROR -> {
                    try {
                        ChangelogFolding.drain(env().executeSql(sql), null);
                    } catch (Throwable expected) {
                        // the message is checked at parallelism 1; the environment stays usable
                    }
                    Assumptions.abort("error records are checked at parallelism 1");
                }
                case STATEMENT_OK -> {
                    Assumptions.assumeTrue(exclusion == null, () -> "excluded: " + exclusion);
                    ChangelogFolding.drain(env().executeSql(sql), null);
                }
                default -> {
                    Assumptions.assumeTrue(exclusion == null, () -> "excluded: " + exclusion);
                    TableResult result = env().executeSql(sql);
                    List<String> actual = new ArrayList<>();
                    ChangelogFolding.drain(result, new ChangelogFolding.Folder(where, new RowRenderer(result.getResolvedSchema()), actual));
                    List<String> expected = expectedTable(where, r);
                    Collections.sort(expected);
                    Collections.sort(actual);
                    if (!expected.equals(actual)) {
                        throw new AssertionFailedError(where + ": parallelism " + parallelism
                                + " gives a different table\nSQL:\n" + sql + "\nexpected:\n" + String.join("\n", expected)
                                + "\nactual:\n" + String.join("\n", actual),
                                String.join("\n", expected), String.join("\n", actual));
                    }
                }
            }
        }

        private List<String> expectedTable(String where, SqlTestRecord r) {
            if (!streaming || r.finalTable()) {
                return new ArrayList<>(r.expected());
            }
            List<String> table = new ArrayList<>();
            for (String line : r.expected()) {
                int bar = line.indexOf('|');
                String kind = line.substring(0, bar);
                String row = line.substring(bar + 1);
                if (kind.equals("+I") || kind.equals("+U")) {
                    table.add(row);
                } else if (!table.remove(row)) {
                    throw new AssertionFailedError(where + ": the expected changelog retracts a missing row " + row);
                }
            }
            return table;
        }

    }

}
