package io.sluice.format.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The avro format on filesystem tables: Avro container files written and read through SQL. */
class AvroFileTest {
    private static final String COLUMNS = "id INT NOT NULL, name STRING, flag BOOLEAN, small SMALLINT, big BIGINT,"
            + " f FLOAT, d DOUBLE, price DECIMAL(10, 2), day DATE, t TIME, ts TIMESTAMP(3), ts6 TIMESTAMP(6),"
            + " ltz TIMESTAMP_LTZ(3), raw BYTES";

    @TempDir
    Path dir;

    private static List<String> rows(TableEnvironment env, String sql) throws Exception {
        List<String> all = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            it.forEachRemaining(r -> all.add(r.toString()));
        }
        Collections.sort(all);
        return all;
    }

    private String table(String name, Path path, String more) {
        return "CREATE TABLE " + name + " (" + COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '" + path
                + "', 'format' = 'avro'" + more + ")";
    }

    private List<Path> avroFiles(Path path) throws Exception {
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(p -> p.toString().endsWith(".avro")).toList();
        }
    }

    @Test
    void everyTypeRoundTripsThroughContainerFiles() throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        for (String codec : List.of("", ", 'avro.codec' = 'deflate'")) {
            Path out = dir.resolve("t" + codec.length());
            env.executeSql(table("t" + codec.length(), out, codec));
            env.executeSql("INSERT INTO t" + codec.length() + " VALUES (1, 'ann', TRUE, CAST(-3 AS SMALLINT),"
                    + " 12345678901, CAST(1.5 AS FLOAT), 2.25, 19.99, DATE '2024-02-29', TIME '12:34:56',"
                    + " TIMESTAMP '2024-01-02 03:04:05.678', TIMESTAMP '1969-12-31 23:59:59.123456',"
                    + " TO_TIMESTAMP_LTZ(1700000000123, 3), X'CAFE'),"
                    + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)").await();
            assertEquals(List.of("+I[1, ann, true, -3, 12345678901, 1.5, 2.25, 19.99, 2024-02-29, 12:34:56,"
                    + " 2024-01-02T03:04:05.678, 1969-12-31T23:59:59.123456, 2023-11-14T22:13:20.123Z, [-54, -2]]",
                    "+I[2, null, null, null, null, null, null, null, null, null, null, null, null, null]"),
                    rows(env, "SELECT * FROM t" + codec.length()));
            assertEquals(List.of("+I[ann]", "+I[null]"), rows(env, "SELECT name FROM t" + codec.length()));
            // the files are plain Avro container files with Flink's schema
            List<Path> files = avroFiles(out);
            try (DataFileReader<GenericRecord> reader = new DataFileReader<>(files.get(0).toFile(),
                    new GenericDatumReader<>())) {
                Schema schema = reader.getSchema();
                assertEquals("org.apache.flink.avro.generated.record", schema.getFullName());
                assertEquals("int", schema.getField("id").schema().getType().getName());
                assertEquals("[\"null\",{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":10,\"scale\":2}]",
                        schema.getField("price").schema().toString());
                if (!codec.isEmpty()) {
                    assertEquals("deflate", reader.getMetaString("avro.codec"));
                }
            }
        }
    }

    @Test
    void filesOfOtherWritersAreReadByFieldName() throws Exception {
        Schema schema = SchemaBuilder.record("other").fields().requiredString("name").optionalLong("extra")
                .requiredInt("id").endRecord();
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        File file = in.resolve("data.avro").toFile();
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
            writer.create(schema, file);
            for (int i = 1; i <= 3; i++) {
                GenericRecord r = new GenericData.Record(schema);
                r.put("name", "n" + i);
                r.put("extra", (long) i);
                r.put("id", i);
                writer.append(r);
            }
        }
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE TABLE other (id INT, name STRING, missing STRING) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + in + "', 'format' = 'avro')");
        assertEquals(List.of("+I[1, n1, null]", "+I[2, n2, null]", "+I[3, n3, null]"),
                rows(env, "SELECT * FROM other"));
        assertEquals(List.of("+I[3]"), rows(env, "SELECT COUNT(*) FROM other"));
    }

    @Test
    void aFileThatIsNotAvroIsNamed() throws Exception {
        Path in = dir.resolve("bad");
        Files.createDirectories(in);
        Files.writeString(in.resolve("data.avro"), "id,name\n1,x\n");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE TABLE bad (id INT) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'avro')");
        Exception e = assertThrows(Exception.class, () -> rows(env, "SELECT * FROM bad"));
        StringBuilder message = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            message.append(t.getMessage()).append(" | ");
        }
        assertTrue(message.toString().contains(in.resolve("data.avro").toString())
                && message.toString().contains("Avro container file"), message.toString());
        env.executeSql("CREATE TABLE bad_codec (id INT) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'avro', 'avro.codec' = 'lzma')");
        e = assertThrows(Exception.class, () -> env.executeSql("INSERT INTO bad_codec VALUES (1)").await());
        message.setLength(0);
        for (Throwable t = e; t != null; t = t.getCause()) {
            message.append(t.getMessage()).append(" | ");
        }
        assertTrue(message.toString().contains("avro.codec"), message.toString());
    }
}
