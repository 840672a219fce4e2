package io.sluice.format.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code 'sluice.bad-records.table'} on parquet files: a file that cannot be read as parquet goes to the bad-records
 * table as one bad record, and the other files are read.
 */
@Timeout(60)
class ParquetBadRecordsTest {
    private static final String BAD_COLUMNS = "table_name STRING, source STRING, source_partition INT,"
            + " source_offset BIGINT, error STRING, raw_text STRING, raw_bytes BYTES, found_at TIMESTAMP_LTZ(3)";

    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotParquetGoesToTheBadRecordsTable() throws Exception {
        Path in = dir.resolve("in");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE TABLE bad (" + BAD_COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("bad") + "', 'format' = 'json')");
        env.executeSql("CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'parquet', 'sluice.bad-records.table' = 'bad')");
        env.executeSql("INSERT INTO t VALUES (1, 'a'), (2, 'b')").await();
        Path broken = in.resolve("zz-broken.parquet");
        Files.writeString(broken, "not a parquet file", StandardCharsets.UTF_8);

        assertEquals(List.of("+I[1, a]", "+I[2, b]"), rows(env, "SELECT id, name FROM t ORDER BY id"));
        List<String> bad = rows(env, "SELECT source, source_offset, raw_text, error FROM bad");
        assertEquals(1, bad.size(), bad.toString());
        assertTrue(bad.get(0).startsWith("+I[" + broken + ", 1, , Cannot read " + broken + " on from record 1: "),
                bad.get(0));
    }

    private static List<String> rows(TableEnvironment env, String sql) throws Exception {
        List<String> all = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            it.forEachRemaining(r -> all.add(r.toString()));
        }
        return all;
    }
}
