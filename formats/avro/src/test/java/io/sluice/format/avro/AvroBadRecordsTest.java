package io.sluice.format.avro;

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
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code 'sluice.bad-records.table'} on avro files: a record whose value does not fit its column goes to the
 * bad-records table with its record number and JSON text, a file that is not an Avro file as one bad record, and the
 * other records are read.
 */
@Timeout(60)
class AvroBadRecordsTest {
    private static final String BAD_COLUMNS = "table_name STRING, source STRING, source_partition INT,"
            + " source_offset BIGINT, error STRING, raw_text STRING, raw_bytes BYTES, found_at TIMESTAMP_LTZ(3)";

    @TempDir
    Path dir;

    @Test
    void recordsThatDoNotFitAndFilesThatAreNotAvroGoToTheBadRecordsTable() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Schema schema = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"r\", \"fields\": ["
                + "{\"name\": \"id\", \"type\": \"int\"}, {\"name\": \"v\", \"type\": [\"int\", \"string\"]}]}");
        Path good = in.resolve("a.avro");
        try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
            w.create(schema, good.toFile());
            Object[][] values = {{1, 10}, {2, "oops"}, {3, 30}};
            for (Object[] v : values) {
                GenericRecord r = new GenericData.Record(schema);
                r.put("id", v[0]);
                r.put("v", v[1]);
                w.append(r);
            }
        }
        Path broken = in.resolve("b.avro");
        Files.writeString(broken, "not an avro file", StandardCharsets.UTF_8);

        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE TABLE bad (" + BAD_COLUMNS + ") WITH ('connector' = 'filesystem', 'path' = '"
                + dir.resolve("bad") + "', 'format' = 'json')");
        env.executeSql("CREATE TABLE t (id INT, v INT) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'avro', 'sluice.bad-records.table' = 'bad')");
        assertEquals(List.of("+I[1, 10]", "+I[3, 30]"), rows(env, "SELECT id, v FROM t ORDER BY id"));

        List<String> bad = rows(env, "SELECT source, source_offset, raw_text, error FROM bad ORDER BY source");
        assertEquals(2, bad.size(), bad.toString());
        assertTrue(bad.get(0).startsWith("+I[" + good + ", 2, {\"id\": 2, \"v\": \"oops\"}, ")
                && bad.get(0).contains("Failed to read field 'v'"), bad.get(0));
        assertTrue(bad.get(1).startsWith("+I[" + broken + ", 1, , Cannot read " + broken + " on from record 1: "),
                bad.get(1));
    }

    @Test
    void withoutTheOptionARecordThatDoesNotFitFailsTheRead() throws Exception {
        Path in = Files.createDirectory(dir.resolve("plain"));
        Files.writeString(in.resolve("x.avro"), "not an avro file", StandardCharsets.UTF_8);
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE TABLE t (id INT) WITH ('connector' = 'filesystem', 'path' = '" + in
                + "', 'format' = 'avro')");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> rows(env,
                "SELECT id FROM t"));
        StringBuilder all = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        assertTrue(all.toString().contains("as an Avro container file"), all.toString());
    }

    private static List<String> rows(TableEnvironment env, String sql) throws Exception {
        List<String> all = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            it.forEachRemaining(r -> all.add(r.toString()));
        }
        return all;
    }
}
