package io.sluice.table.api.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARRAY and ROW columns of csv filesystem tables through SQL: INSERT writes Flink's text, SELECT reads it back,
 * element access and UNNEST work on what was read, a malformed nested value goes to the bad-records table, and a
 * MAP column is refused naming the column.
 */
@Timeout(60)
class CsvCollectionsSqlTest {
    @TempDir
    Path dir;

    private static List<String> rows(TableEnvironment env, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            while (it.hasNext()) {
                out.add(it.next().toString());
            }
        }
        return out;
    }

    private String table(String name, String path, String extra) {
        return "CREATE TABLE " + name + " (id INT, tags ARRAY<STRING>, scores ARRAY<DOUBLE>,"
                + " place ROW<city STRING, zip INT>) WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve(path) + "', 'format' = 'csv'" + extra + ")";
    }

    @Test
    void insertWritesFlinksTextAndSelectReadsItBack() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql(table("t", "out", ""));
        env.executeSql("INSERT INTO t VALUES (1, ARRAY['a', 'b'], ARRAY[1.5E0, 2.0E0], ROW('Bern', 3000)),"
                + " (2, ARRAY['c,d'], ARRAY[CAST(NULL AS DOUBLE)], ROW('Oslo', CAST(NULL AS INT)))").await();
        String text;
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            List<Path> files = s.collect(Collectors.toList());
            assertEquals(1, files.size());
            text = Files.readString(files.get(0));
        }
        assertEquals("1,a;b,1.5;2.0,Bern;3000\n2,\"c,d\",,Oslo;\n", text);
        assertEquals(List.of("+I[1, [a, b], [1.5, 2.0], +I[Bern, 3000]]", "+I[2, [c,d], [], +I[Oslo, null]]"),
                rows(env, "SELECT * FROM t ORDER BY id"));
        assertEquals(List.of("+I[1, b, 2.0, Bern, 3000]", "+I[2, null, null, Oslo, null]"),
                rows(env, "SELECT id, tags[2], scores[2], place.city, t.place.zip FROM t ORDER BY id"));
        assertEquals(List.of("+I[1, a]", "+I[1, b]", "+I[2, c,d]"),
                rows(env, "SELECT id, tag FROM t CROSS JOIN UNNEST(tags) AS u(tag) ORDER BY id, tag"));
    }

    @Test
    void arrayElementDelimiterAndNullLiteralOptions() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        Files.writeString(dir.resolve("in/a.csv"), "1,x|y,0.5|N,N\n2,N,,Rome|N\n", StandardCharsets.UTF_8);
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql(table("t", "in", ", 'csv.array-element-delimiter' = '|', 'csv.null-literal' = 'N'"));
        assertEquals(List.of("+I[1, [x, y], [0.5, null], null]", "+I[2, null, [], +I[Rome, null]]"),
                rows(env, "SELECT * FROM t"));
    }

    @Test
    void malformedNestedValueGoesToTheBadRecordsTable() throws Exception {
        Files.createDirectories(dir.resolve("in"));
        Path in = dir.resolve("in/a.csv");
        Files.writeString(in, "1,a,1.0,Bern;3000\n2,b,x;1,Oslo;1\n3,c,2.0,Rome\n4,d,,Lima;5\n", StandardCharsets.UTF_8);
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql(table("t", "in", ""));
        Exception e = assertThrows(Exception.class, () -> rows(env, "SELECT * FROM t"));
        Throwable t = e;
        while (t.getCause() != null && !String.valueOf(t.getMessage()).contains("a.csv")) {
            t = t.getCause();
        }
        assertTrue(t.getMessage().contains("Failed to parse field 'scores' (ARRAY<DOUBLE>) from 'x;1' at " + in + ":2"),
                t.getMessage());

        env.executeSql("CREATE TABLE bad (table_name STRING, source STRING, source_partition INT,"
                + " source_offset BIGINT, error STRING, raw_text STRING, raw_bytes BYTES, found_at TIMESTAMP_LTZ(3))"
                + " WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("bad") + "', 'format' = 'json')");
        env.executeSql(table("t2", "in", ", 'sluice.bad-records.table' = 'bad'"));
        env.executeSql(table("good", "good", ""));
        env.executeSql("INSERT INTO good SELECT * FROM t2").await();
        assertEquals(List.of("+I[1, [a], [1.0], +I[Bern, 3000]]", "+I[4, [d], [], +I[Lima, 5]]"),
                rows(env, "SELECT * FROM good ORDER BY id"));
        List<String> bad = rows(env, "SELECT source_offset, raw_text, error FROM bad ORDER BY source_offset");
        assertEquals(2, bad.size(), bad.toString());
        assertTrue(bad.get(0).startsWith("+I[2, 2,b,x;1,Oslo;1, ") && bad.get(0).contains("'scores'"), bad.get(0));
        assertTrue(bad.get(1).startsWith("+I[3, 3,c,2.0,Rome, ") && bad.get(1).contains("'place'"), bad.get(1));
    }

    @Test
    void mapColumnIsRefusedNamingTheColumn() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE TABLE m (id INT, attrs MAP<STRING, INT>) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir.resolve("m") + "', 'format' = 'csv')");
        Exception e = assertThrows(Exception.class, () -> rows(env, "SELECT * FROM m"));
        Throwable t = e;
        while (t.getCause() != null && !String.valueOf(t.getMessage()).contains("not supported yet")) {
            t = t.getCause();
        }
        assertTrue(t.getMessage().contains("not supported yet: the csv format for column 'attrs' of type MAP<STRING, INT>"),
                t.getMessage());
    }
}
