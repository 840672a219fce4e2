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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * The property that on bounded input streaming mode ends with the same table as batch mode: every query of the
 * batch golden files ({@code *.sql.test} not named {@code stream_*}) runs again in streaming mode, its changelog is
 * folded into a final table, and that table must equal the batch expected rows (compared sorted).
 *
 * <p>A query streaming mode rejects as "not supported yet" (OVER windows, ...) or as Flink does (ORDER BY on a column
 * that is not a time attribute) is reported as skipped,
 * as are records listed in {@code streaming-differs.txt} (where Flink's streaming result legitimately differs from
 * batch, e.g. a global aggregate over empty input) and the known gaps. Once a statement fails in streaming mode the
 * rest of its file is skipped, since later records may depend on it.
 */
class StreamingMatchesBatchTest {
    private static final String SUFFIX = ".sql.test";

    @TestFactory
    Stream<DynamicTest> batchQueriesEndWithTheSameTableInStreamingMode() throws IOException {
        Path dir = Path.of("src/test/resources/sqltest").toAbsolutePath();
        Map<String, String> excluded = new HashMap<>();
        excluded.putAll(ChangelogFolding.listing(dir.resolve("known-gaps.txt")));
        excluded.putAll(ChangelogFolding.listing(dir.resolve("streaming-differs.txt")));
        String filter = System.getProperty("sluice.sqltest.filter", "");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .filter(p -> !p.getFileName().toString().startsWith("stream_"))
                    .filter(p -> p.getFileName().toString().contains(filter))
                    .sorted().toList();
        }
        Path data = dir.resolve("data");
        Path out = Path.of("target/sqltest-streaming-out").toAbsolutePath();
        return files.stream().flatMap(f -> testsOf(f, data, out, excluded));
    }

    private static Stream<DynamicTest> testsOf(Path file, Path data, Path outRoot, Map<String, String> excluded) {
        String name = file.getFileName().toString();
        List<SqlTestRecord> records;
        try {
            records = SqlTestFileParser.parse(name, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path target = outRoot.resolve(name.substring(0, name.length() - SUFFIX.length()));
        Run run = new Run(data, target);
        List<DynamicTest> tests = new ArrayList<>();
        for (SqlTestRecord r : records) {
            String where = name + ":" + r.line();
            tests.add(DynamicTest.dynamicTest(where, file.toUri(), () -> run.execute(where, r, excluded.get(where))));
        }
        return tests.stream();
    }


    /** One file's streaming environment; stops at the first failing statement. */
    private static final class Run {
        private final Path data;
        private final Path target;
        private TableEnvironment env;
        private String brokenBy;

        Run(Path data, Path target) {
            this.data = data;
            this.target = target;
        }

        private TableEnvironment env() throws IOException {
            if (env == null) {
                ChangelogFolding.recreate(target);
                env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
            }
            return env;
        }

        void execute(String where, SqlTestRecord r, String exclusion) throws Exception {
            Assumptions.assumeTrue(brokenBy == null, () -> "an earlier statement failed in streaming mode: " + brokenBy);
            String sql = r.sql().replace("${DATA}", data.toString()).replace("${TARGET}", target.toString());
            switch (r.kind()) {
                case STATEMENT_ERROR -> Assumptions.abort("error records are checked in batch mode only");
                case STATEMENT_OK -> {
                    try {
                        ChangelogFolding.drain(env().executeSql(sql), null);
                    } catch (Throwable t) {
                        brokenBy = where + " (" + t.getMessage() + ")";
                        Assumptions.abort("statement fails in streaming mode: " + t.getMessage());
                    }
                }
                default -> {
                    Assumptions.assumeTrue(exclusion == null, () -> "excluded: " + exclusion);
                    List<String> actual = new ArrayList<>();
                    try {
                        TableResult result = env().executeSql(sql);
                        ChangelogFolding.drain(result, new ChangelogFolding.Folder(where, new RowRenderer(result.getResolvedSchema()), actual));
                    } catch (Throwable t) {
                        String message = String.valueOf(t.getMessage());
                        // Flink's own streaming restriction on ORDER BY reads "... is not supported."
                        if (message.contains("not supported yet")
                                || message.startsWith("Sort on a non-time-attribute field is not supported")) {
                            Assumptions.abort("streaming mode: " + t.getMessage());
                        }
                        throw t;
                    }
                    List<String> expected = new ArrayList<>(r.expected());
                    Collections.sort(expected);
                    Collections.sort(actual);
                    if (!expected.equals(actual)) {
                        throw new AssertionFailedError(where + ": the streaming final table differs from batch mode\n"
                                + "SQL:\n" + sql + "\nbatch (expected):\n" + String.join("\n", expected)
                                + "\nstreaming final table:\n" + String.join("\n", actual),
                                String.join("\n", expected), String.join("\n", actual));
                    }
                }
            }
        }

    }

}
