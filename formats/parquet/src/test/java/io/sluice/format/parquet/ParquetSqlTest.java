package io.sluice.format.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet tables written with INSERT INTO and read back with SELECT, through the filesystem connector. */
class ParquetSqlTest {
    static final String ALL_COLUMNS = "b BOOLEAN, ti TINYINT, si SMALLINT, i INT, bi BIGINT, f FLOAT, d DOUBLE,"
            + " dec_small DECIMAL(5, 2), dec_mid DECIMAL(15, 3), dec_big DECIMAL(30, 4), s STRING, c CHAR(3),"
            + " bin BYTES, dt DATE, tm TIME, ts3 TIMESTAMP(3), ts6 TIMESTAMP(6), ts9 TIMESTAMP(9),"
            + " ltz TIMESTAMP_LTZ(3), ltz6 TIMESTAMP_LTZ(6)";

    static final String ROW_1 = "(TRUE, CAST(-1 AS TINYINT), CAST(300 AS SMALLINT), -7, -9223372036854775807,"
            + " CAST(1.5 AS FLOAT), -0.25, CAST(123.45 AS DECIMAL(5, 2)), CAST(-123456789012.345 AS DECIMAL(15, 3)),"
            + " CAST(-12345678901234567890123456.7891 AS DECIMAL(30, 4)), 'héllo ✓', 'ab', X'00FF07', DATE '2024-02-29',"
            + " TIME '23:59:58.123', TIMESTAMP '2024-01-01 10:00:00.123', TIMESTAMP '1969-07-20 20:17:40.123456',"
            + " TIMESTAMP '2262-04-11 23:47:16.854775807', TO_TIMESTAMP_LTZ(1700000000123, 3),"
            + " TO_TIMESTAMP_LTZ(-1, 3))";

    static final String ROW_NULLS = "(CAST(NULL AS BOOLEAN), CAST(NULL AS TINYINT), CAST(NULL AS SMALLINT),"
            + " CAST(NULL AS INT), CAST(NULL AS BIGINT), CAST(NULL AS FLOAT), CAST(NULL AS DOUBLE),"
            + " CAST(NULL AS DECIMAL(5, 2)), CAST(NULL AS DECIMAL(15, 3)), CAST(NULL AS DECIMAL(30, 4)),"
            + " CAST(NULL AS STRING), CAST(NULL AS CHAR(3)), CAST(NULL AS BYTES), CAST(NULL AS DATE),"
            + " CAST(NULL AS TIME), CAST(NULL AS TIMESTAMP(3)), CAST(NULL AS TIMESTAMP(6)),"
            + " CAST(NULL AS TIMESTAMP(9)), CAST(NULL AS TIMESTAMP_LTZ(3)), CAST(NULL AS TIMESTAMP_LTZ(6)))";

    static final String ROW_3 = "(FALSE, CAST(127 AS TINYINT), CAST(-32768 AS SMALLINT), 2147483647, 0,"
            + " CAST(-0.0 AS FLOAT), 1.0E300, CAST(-0.01 AS DECIMAL(5, 2)), CAST(0 AS DECIMAL(15, 3)),"
            + " CAST(99999999999999999999999999.9999 AS DECIMAL(30, 4)), '', 'xyz', X'', DATE '1900-01-01',"
            + " TIME '00:00:00', TIMESTAMP '1900-01-01 00:00:00', TIMESTAMP '2024-12-31 23:59:59.999999',"
            + " TIMESTAMP '1970-01-01 00:00:00.000000001', TO_TIMESTAMP_LTZ(0, 3), TO_TIMESTAMP_LTZ(86400000, 3))";

    @TempDir
    Path tmp;

    static TableEnvironment batchEnv() {
        return TableEnvironment.create(EnvironmentSettings.inBatchMode());
    }

    static List<String> rows(TableEnvironment env, String sql) throws Exception {
        List<String> all = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            it.forEachRemaining(r -> all.add(r.toString()));
        }
        Collections.sort(all);
        return all;
    }

    static List<Path> dataFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private void everyTypeRoundTrips(String extraOptions) throws Exception {
        Path dir = tmp.resolve("all" + Math.abs(extraOptions.hashCode()));
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE src (" + ALL_COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '"
                + tmp.resolve("csv-" + Math.abs(extraOptions.hashCode())) + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE pq (" + ALL_COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '" + dir
                + "', 'format' = 'parquet'" + extraOptions + ")");
        env.executeSql("INSERT INTO src VALUES " + ROW_1 + ", " + ROW_NULLS + ", " + ROW_3).await();
        env.executeSql("INSERT INTO pq SELECT * FROM src").await();
        assertEquals(1, dataFiles(dir).size());
        List<String> expected = rows(env, "SELECT * FROM src");
        assertEquals(3, expected.size());
        assertEquals(expected, rows(env, "SELECT * FROM pq"));
    }

    @Test
    void everyTypeIncludingNullsRoundTrips() throws Exception {
        everyTypeRoundTrips("");
    }

    @Test
    void everyTypeRoundTripsWithInt64NanoTimestampsAndUtcTime() throws Exception {
        everyTypeRoundTrips(", 'parquet.write.int64.timestamp' = 'true', 'parquet.timestamp.time.unit' = 'nanos',"
                + " 'parquet.utc-timezone' = 'true'");
    }

    @Test
    void everyTypeRoundTripsWithDictionaryOffAndV2Pages() throws Exception {
        everyTypeRoundTrips(", 'parquet.enable.dictionary' = 'false', 'parquet.writer.version' = 'v2',"
                + " 'parquet.page.size' = '64'");
    }

    @Test
    void valuesAreTheOnesWritten() throws Exception {
        Path dir = tmp.resolve("values");
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE pq (i INT, s STRING, dec_big DECIMAL(30, 4), ts9 TIMESTAMP(9), ltz"
                + " TIMESTAMP_LTZ(3), dt DATE, tm TIME) WITH ('connector' = 'filesystem', 'path' = '" + dir
                + "', 'format' = 'parquet')");
        env.executeSql("INSERT INTO pq VALUES (1, 'a', CAST(-12345678901234567890123456.7891 AS DECIMAL(30, 4)),"
                + " TIMESTAMP '2262-04-11 23:47:16.854775807', TO_TIMESTAMP_LTZ(1700000000123, 3), DATE '2024-02-29',"
                + " TIME '23:59:58.123'), (2, NULL, NULL, NULL, NULL, NULL, NULL)").await();
        env.executeSql("SET 'table.local-time-zone' = 'UTC'");
        assertEquals(List.of("+I[1, a, -12345678901234567890123456.7891, 2262-04-11T23:47:16.854775807,"
                + " 2023-11-14T22:13:20.123Z, 2024-02-29, 23:59:58.123]", "+I[2, null, null, null, null, null, null]"),
                rows(env, "SELECT * FROM pq"));
    }

    @Test
    void onlyTheProjectedColumnsAreDecoded() throws Exception {
        Path dir = tmp.resolve("projection");
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE w (a INT, s STRING, b BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
                + dir + "', 'format' = 'parquet')");
        env.executeSql("INSERT INTO w VALUES (1, 'x', 10), (2, 'y', 20)").await();
        // the same files declared with a column type the stored strings cannot be read as
        env.executeSql("CREATE TABLE r (a INT, s DATE, b BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
                + dir + "', 'format' = 'parquet')");
        assertEquals(List.of("+I[1, 10]", "+I[2, 20]"), rows(env, "SELECT a, b FROM r"));
        assertEquals(List.of("+I[30]"), rows(env, "SELECT SUM(b) FROM r"));
        assertEquals(List.of("+I[2]"), rows(env, "SELECT COUNT(*) FROM r"));
        Exception e = assertThrows(Exception.class, () -> rows(env, "SELECT s FROM r"));
        assertTrue(messages(e).contains("Column 's' of parquet file"), messages(e));
        assertTrue(messages(e).contains("cannot be read as DATE"), messages(e));
    }

    @Test
    void aColumnMissingFromTheFileReadsAsNull() throws Exception {
        Path dir = tmp.resolve("evolution");
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE old (a INT) WITH ('connector' = 'filesystem', 'path' = '" + dir
                + "', 'format' = 'parquet')");
        env.executeSql("INSERT INTO old VALUES (1)").await();
        env.executeSql("CREATE TABLE wider (a INT, added STRING) WITH ('connector' = 'filesystem', 'path' = '" + dir
                + "', 'format' = 'parquet')");
        assertEquals(List.of("+I[1, null]"), rows(env, "SELECT * FROM wider"));
    }

    @Test
    void partitionedTableWritesPartitionDirectoriesAndPrunes() throws Exception {
        Path dir = tmp.resolve("partitioned");
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE p (id INT, name STRING, amount DECIMAL(10, 2), dt STRING) PARTITIONED BY (dt)"
                + " WITH ('connector' = 'filesystem', 'path' = '" + dir + "', 'format' = 'parquet')");
        env.executeSql("INSERT INTO p VALUES (1, 'a', 1.50, '2024-01-01'), (2, 'b', NULL, '2024-01-02'),"
                + " (3, NULL, 3.25, '2024-01-01'), (4, 'd', 4.00, CAST(NULL AS STRING))").await();
        assertTrue(Files.isDirectory(dir.resolve("dt=2024-01-01")));
        assertTrue(Files.isDirectory(dir.resolve("dt=2024-01-02")));
        assertEquals(3, dataFiles(dir).size());
        assertEquals(List.of("+I[1, a, 1.50, 2024-01-01]", "+I[2, b, null, 2024-01-02]", "+I[3, null, 3.25, 2024-01-01]",
                "+I[4, d, 4.00, null]"), rows(env, "SELECT * FROM p"));
        assertEquals(List.of("+I[1, 2024-01-01]", "+I[3, 2024-01-01]"),
                rows(env, "SELECT id, dt FROM p WHERE dt = '2024-01-01'"));
        assertEquals(List.of("+I[2]"), rows(env, "SELECT COUNT(*) FROM p WHERE dt = '2024-01-01'"));
    }

    @Test
    void compressionCodecsWriteAndRead() throws Exception {
        for (String codec : List.of("uncompressed", "snappy", "gzip", "zstd", "lz4_raw")) {
            Path dir = tmp.resolve("codec-" + codec);
            TableEnvironment env = batchEnv();
            env.executeSql("CREATE TABLE c (id BIGINT, s STRING) WITH ('connector' = 'filesystem', 'path' = '" + dir
                    + "', 'format' = 'parquet', 'parquet.compression' = '" + codec + "')");
            env.executeSql("INSERT INTO c SELECT CAST(x AS BIGINT), 'value ' || CAST(x AS STRING) FROM (VALUES (1),"
                    + " (2), (3)) AS v(x)").await();
            assertEquals(List.of("+I[1, value 1]", "+I[2, value 2]", "+I[3, value 3]"), rows(env, "SELECT * FROM c"));
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(dataFiles(dir).get(0)))) {
                CompressionCodecName written = reader.getRowGroups().get(0).getColumns().get(0).getCodec();
                assertEquals(codec.toUpperCase(), written.name());
            }
        }
    }

    @Test
    void manyRowGroupsAndPagesAcrossBatchesReadBackExactly() throws Exception {
        Path dir = tmp.resolve("groups");
        TableEnvironment env = batchEnv();
        env.executeSql("SET 'table.exec.batch-size' = '1000'");
        env.executeSql("CREATE TABLE g (id BIGINT, s STRING, d DOUBLE) WITH ('connector' = 'filesystem', 'path' = '"
                + dir + "', 'format' = 'parquet', 'parquet.block.size' = '4096', 'parquet.page.size' = '512')");
        env.executeSql("CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '5000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5000')");
        env.executeSql("INSERT INTO g SELECT id, CASE WHEN MOD(id, 7) = 0 THEN NULL ELSE 'k' || CAST(MOD(id, 13) AS"
                + " STRING) END, id / 4.0 FROM gen").await();
        List<Path> files = dataFiles(dir);
        assertEquals(1, files.size());
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(files.get(0)))) {
            assertTrue(reader.getRowGroups().size() > 3, "row groups: " + reader.getRowGroups().size());
        }
        assertEquals(List.of("+I[5000, 12502500, 4286, 13, 3125625.0]"),
                rows(env, "SELECT COUNT(*), SUM(id), COUNT(s), COUNT(DISTINCT s), SUM(d) FROM g"));
        assertEquals(List.of("+I[4999, k7, 1249.75]", "+I[5000, k8, 1250.0]"),
                rows(env, "SELECT * FROM g WHERE id > 4998"));
    }

    @Test
    void theRollingPolicyCountsTheRowGroupBeingBuilt() throws Exception {
        Path dir = tmp.resolve("rolling");
        TableEnvironment env = batchEnv();
        env.executeSql("SET 'table.exec.batch-size' = '500'");
        env.executeSql("CREATE TABLE r (id BIGINT, s STRING) WITH ('connector' = 'filesystem', 'path' = '" + dir
                + "', 'format' = 'parquet', 'parquet.enable.dictionary' = 'false', 'parquet.compression' ="
                + " 'uncompressed', 'sink.rolling-policy.file-size' = '20 kb')");
        env.executeSql("CREATE TABLE gen (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '5000',"
                + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5000')");
        // about 30 bytes a row: 150 kB in all, held in one row group until the file is closed
        env.executeSql("INSERT INTO r SELECT id, 'some text of row ' || CAST(id AS STRING) FROM gen").await();
        List<Path> files = dataFiles(dir);
        assertTrue(files.size() >= 4, "files: " + files.size());
        for (Path f : files) {
            assertTrue(Files.size(f) < 40 * 1024, f + " is " + Files.size(f) + " bytes");
        }
        assertEquals(List.of("+I[5000, 12502500]"), rows(env, "SELECT COUNT(*), SUM(id) FROM r"));
    }

    @Test
    void badOptionsAreRejectedWithTheNearestKey() {
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE t1 (a INT) WITH ('connector' = 'filesystem', 'path' = '" + tmp.resolve("x")
                + "', 'format' = 'parquet', 'parquet.compresion' = 'zstd')");
        Exception e = assertThrows(Exception.class, () -> env.executeSql("INSERT INTO t1 VALUES (1)"));
        assertTrue(messages(e).contains("Did you mean 'parquet.compression'"), messages(e));
        assertTrue(messages(e).contains("parquet.compression"), messages(e));
        env.executeSql("CREATE TABLE t2 (a INT) WITH ('connector' = 'filesystem', 'path' = '" + tmp.resolve("y")
                + "', 'format' = 'parquet', 'parquet.compression' = 'brotli')");
        e = assertThrows(Exception.class, () -> env.executeSql("INSERT INTO t2 VALUES (1)").await());
        assertTrue(messages(e).contains("not supported yet: parquet compression codec 'brotli'"), messages(e));
        env.executeSql("CREATE TABLE t3 (a INTERVAL DAY TO SECOND) WITH ('connector' = 'filesystem', 'path' = '"
                + tmp.resolve("z") + "', 'format' = 'parquet')");
        e = assertThrows(Exception.class, () -> env.executeSql("SELECT * FROM t3").await());
        assertTrue(messages(e).contains("not supported yet"), messages(e));
    }

    @Test
    void aFileThatIsNotParquetIsReportedByName() throws Exception {
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("data.parquet"), "a,b\n1,2\n");
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE t (a INT) WITH ('connector' = 'filesystem', 'path' = '" + dir
                + "', 'format' = 'parquet')");
        Exception e = assertThrows(Exception.class, () -> rows(env, "SELECT * FROM t"));
        assertTrue(messages(e).contains("Cannot read parquet file " + dir.resolve("data.parquet")), messages(e));
    }

    static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}
