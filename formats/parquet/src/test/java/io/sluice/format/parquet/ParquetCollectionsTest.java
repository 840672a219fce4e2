package io.sluice.format.parquet;

import static io.sluice.format.parquet.ParquetSqlTest.batchEnv;
import static io.sluice.format.parquet.ParquetSqlTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.TableEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARRAY, MAP, MULTISET and ROW columns in the parquet format: written as Flink writes them (3-level LISTs, MAP
 * groups, groups for rows) and read back through SQL, and nested files of parquet-java's example writer (3-level and
 * 2-level lists, bare repeated fields) read by name.
 */
class ParquetCollectionsTest {
    private static final String COLUMNS = "id INT, tags ARRAY<STRING>, nums ARRAY<BIGINT NOT NULL>,"
            + " prices MAP<STRING, DECIMAL(5, 2)>, owner ROW<name STRING, since TIMESTAMP(3),"
            + " home ROW<city STRING, days ARRAY<DATE>>>, items ARRAY<ROW<k STRING, v DOUBLE>>,"
            + " nested ARRAY<ARRAY<INT>>, byId MAP<INT, ARRAY<STRING>>";

    @TempDir
    Path tmp;

    private Path parquetFile(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
    }

    @Test
    void collectionsRoundTripThroughSqlWithFlinksLayout() throws Exception {
        TableEnvironment env = batchEnv();
        Path out = tmp.resolve("t");
        env.executeSql("CREATE TABLE t (" + COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '" + out
                + "', 'format' = 'parquet')");
        env.executeSql("INSERT INTO t VALUES (1, ARRAY['a', CAST(NULL AS STRING), ''], ARRAY[CAST(1 AS BIGINT), 2],"
                + " MAP['x', 1.50, 'y', CAST(NULL AS DECIMAL(5, 2))],"
                + " ROW('ann', TIMESTAMP '2024-01-02 03:04:05.678', ROW('Bern', ARRAY[DATE '2024-02-29'])),"
                + " ARRAY[ROW('k1', 0.5E0), ROW('k2', CAST(NULL AS DOUBLE))], ARRAY[ARRAY[1, 2], ARRAY[3]],"
                + " MAP[7, ARRAY['seven']]),"
                + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
                + " (3, ARRAY['q1'], ARRAY[CAST(3 AS BIGINT)], MAP['z', 9.99],"
                + " ROW(CAST(NULL AS STRING), CAST(NULL AS TIMESTAMP(3)), CAST(NULL AS ROW<city STRING, days ARRAY<DATE>>)),"
                + " ARRAY[ROW('k3', 1E0)], ARRAY[CAST(NULL AS ARRAY<INT>), ARRAY[CAST(NULL AS INT)]],"
                + " MAP[8, CAST(NULL AS ARRAY<STRING>)])").await();
        env.executeSql("INSERT INTO t SELECT 4, tags, nums, prices, owner, items, nested, byId FROM t WHERE id = 1"
                + " UNION ALL SELECT 5, ARRAY['e'], ARRAY[CAST(5 AS BIGINT)], prices, owner, items, nested, byId"
                + " FROM t WHERE id = 2").await();
        assertEquals(List.of(
                "+I[1, [a, null, ], [1, 2], {x=1.50, y=null}, +I[ann, 2024-01-02T03:04:05.678, +I[Bern, [2024-02-29]]],"
                        + " [+I[k1, 0.5], +I[k2, null]], [[1, 2], [3]]]",
                "+I[2, null, null, null, null, null, null]",
                "+I[3, [q1], [3], {z=9.99}, +I[null, null, null], [+I[k3, 1.0]], [null, [null]]]",
                "+I[4, [a, null, ], [1, 2], {x=1.50, y=null}, +I[ann, 2024-01-02T03:04:05.678, +I[Bern, [2024-02-29]]],"
                        + " [+I[k1, 0.5], +I[k2, null]], [[1, 2], [3]]]",
                "+I[5, [e], [5], null, null, null, null]"),
                rows(env, "SELECT id, tags, nums, prices, owner, items, nested FROM t"));
        assertEquals(List.of("+I[1, [seven], true]", "+I[2, null, null]", "+I[3, null, true]", "+I[4, [seven], true]",
                        "+I[5, null, null]"),
                rows(env, "SELECT id, byId[7], byId[8] IS NULL AND CARDINALITY(byId) = 1 FROM t"));
        assertEquals(List.of("+I[1, 0.5, Bern, 3]", "+I[2, null, null, null]", "+I[3, 1.0, null, null]",
                        "+I[4, 0.5, Bern, 3]", "+I[5, null, null, null]"),
                rows(env, "SELECT id, items[1].v, owner.home.city, nested[2][1] FROM t"));
        assertEquals(List.of("+I[1, k1]", "+I[1, k2]", "+I[3, k3]", "+I[4, k1]", "+I[4, k2]"),
                rows(env, "SELECT id, k FROM t CROSS JOIN UNNEST(items) AS u(k, v)"));
        assertEquals(List.of("+I[1, Bern]", "+I[2, null]", "+I[3, null]", "+I[4, Bern]", "+I[5, null]"),
                rows(env, "SELECT id, owner.home.city FROM t"), "a projection reading only a nested column");

        // the layout Flink writes
        Path file = parquetFile(out);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            String schema = reader.getFileMetaData().getSchema().toString();
            assertTrue(schema.contains("optional group tags (LIST) {\n    repeated group list {\n"
                    + "      optional binary element (STRING);"), schema);
            assertTrue(schema.contains("optional group nums (LIST) {\n    repeated group list {\n"
                    + "      required int64 element;"), schema);
            assertTrue(schema.contains("optional group prices (MAP) {\n    repeated group key_value {\n"
                    + "      required binary key (STRING);\n      optional int32 value (DECIMAL(5,2));"), schema);
            assertTrue(schema.contains("optional group owner {\n    optional binary name (STRING);\n"
                    + "    optional int96 since;\n    optional group home {"), schema);
        }
    }

    @Test
    void multisetIsAMapFromElementToARequiredCount() throws Exception {
        TableEnvironment env = batchEnv();
        Path out = tmp.resolve("ms");
        env.executeSql("CREATE TABLE ms (g INT, words MULTISET<STRING>) WITH ('connector' = 'filesystem', 'path' = '"
                + out + "', 'format' = 'parquet')");
        env.executeSql("INSERT INTO ms SELECT g, COLLECT(w) FROM (VALUES (1, 'a'), (1, 'b'), (1, 'a'), (2, 'c'))"
                + " AS v(g, w) GROUP BY g").await();
        assertEquals(List.of("+I[1, a]", "+I[1, a]", "+I[1, b]", "+I[2, c]"),
                rows(env, "SELECT g, w FROM ms CROSS JOIN UNNEST(words) AS u(w)"));
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(parquetFile(out)))) {
            String schema = reader.getFileMetaData().getSchema().toString();
            assertTrue(schema.contains("optional group words (MAP) {\n    repeated group key_value {\n"
                    + "      required binary key (STRING);\n      required int32 value;"), schema);
        }
    }

    @Test
    void nestedFilesOfTheExampleWriterAreReadByName() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message example {\n"
                + "  required int32 id;\n"
                + "  optional group three (LIST) { repeated group list { optional int32 element; } }\n"
                + "  optional group two (LIST) { repeated int32 array; }\n"
                + "  repeated binary bare (STRING);\n"
                + "  optional group pts (LIST) { repeated group array { required double y; required double x;"
                + " optional binary extra (STRING); } }\n"
                + "  optional group m (MAP) { repeated group key_value { required binary key (STRING);"
                + " optional int64 value; } }\n"
                + "  optional group r { optional binary name (STRING); optional group inner { optional int32 a; }"
                + " repeated int32 many; }\n"
                + "}");
        Path dir = tmp.resolve("example");
        Files.createDirectories(dir);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(dir.resolve("a.parquet")))
                .withType(schema).build()) {
            Group g = groups.newGroup().append("id", 1);
            Group three = g.addGroup("three");
            three.addGroup("list").append("element", 10);
            three.addGroup("list");
            three.addGroup("list").append("element", 30);
            g.addGroup("two").append("array", 1).append("array", 2);
            g.append("bare", "p").append("bare", "q");
            Group pts = g.addGroup("pts");
            pts.addGroup("array").append("y", 2.0).append("x", 1.0).append("extra", "ignored");
            Group m = g.addGroup("m");
            m.addGroup("key_value").append("key", "k").append("value", 5L);
            m.addGroup("key_value").append("key", "none");
            Group r = g.addGroup("r").append("name", "n").append("many", 4).append("many", 5);
            r.addGroup("inner").append("a", 9);
            writer.write(g);
            writer.write(groups.newGroup().append("id", 2));
        }
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE ex (id INT, three ARRAY<INT>, two ARRAY<INT>, bare ARRAY<STRING>,"
                + " pts ARRAY<ROW<x DOUBLE, y DOUBLE, z INT>>, m MAP<STRING, BIGINT>,"
                + " r ROW<inner ROW<a INT>, missing STRING, many ARRAY<INT>, name STRING>)"
                + " WITH ('connector' = 'filesystem', 'path' = '" + dir + "', 'format' = 'parquet')");
        assertEquals(List.of("+I[1, [10, null, 30], [1, 2], [p, q], [+I[1.0, 2.0, null]], {k=5, none=null},"
                        + " +I[+I[9], null, [4, 5], n]]",
                "+I[2, null, null, [], null, null, null]"), rows(env, "SELECT * FROM ex"));
        assertEquals(List.of("+I[1, [p, q], 30]", "+I[2, [], null]"), rows(env, "SELECT id, bare, three[3] FROM ex"));

        env.executeSql("CREATE TABLE wrong (id INT, two MAP<STRING, INT>) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir + "', 'format' = 'parquet')");
        Exception e = assertThrows(Exception.class, () -> rows(env, "SELECT * FROM wrong"));
        StringBuilder message = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            message.append(t.getMessage()).append(" | ");
        }
        assertTrue(message.toString().contains("Column 'two' of parquet file") && message.toString()
                .contains("cannot be read as MAP<STRING, INT>"), message.toString());
        env.executeSql("CREATE TABLE flat (id INT, r STRING) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir + "', 'format' = 'parquet')");
        e = assertThrows(Exception.class, () -> rows(env, "SELECT * FROM flat"));
        message.setLength(0);
        for (Throwable t = e; t != null; t = t.getCause()) {
            message.append(t.getMessage()).append(" | ");
        }
        assertTrue(message.toString().contains("cannot be read as STRING"), message.toString());
    }
}
