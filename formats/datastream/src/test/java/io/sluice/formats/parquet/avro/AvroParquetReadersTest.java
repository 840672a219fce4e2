package io.sluice.formats.parquet.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.connector.file.src.FileSource;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AvroParquetReaders} in a {@code FileSource}: Parquet files (written with Parquet's example writer, in the
 * layout Avro-to-Parquet writers use) read as generic, specific and reflect records, across tasks (the records are
 * serialized between a source and a keyed map).
 */
class AvroParquetReadersTest {
    static final String USER_SCHEMA = "{\"type\": \"record\", \"name\": \"User\", \"fields\": ["
            + " {\"name\": \"name\", \"type\": \"string\"},"
            + " {\"name\": \"favoriteNumber\", \"type\": [\"int\", \"null\"]},"
            + " {\"name\": \"favoriteColor\", \"type\": [\"string\", \"null\"]}]}";

    @TempDir
    Path dir;

    /** Writes {@code rows} of {@code schema} to {@code file}; each row is the field values in order (null: unset). */
    static void writeUsers(Path file) throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType("message User {\n"
                + "  required binary name (STRING);\n"
                + "  optional int32 favoriteNumber;\n"
                + "  optional binary favoriteColor (STRING);\n"
                + "  optional double unread;\n"
                + "}");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .build()) {
            writer.write(groups.newGroup().append("name", "Jack").append("favoriteNumber", 1)
                    .append("favoriteColor", "green").append("unread", 1.5));
            writer.write(groups.newGroup().append("name", "Tom").append("favoriteNumber", 3));
            writer.write(groups.newGroup().append("name", "Ann").append("favoriteColor", "yellow"));
        }
    }

    @Test
    void genericRecordsOfTheReaderSchema() throws Exception {
        Files.createDirectories(dir.resolve("users"));
        writeUsers(dir.resolve("users/part-0.parquet"));
        writeUsers(dir.resolve("users/part-1.parquet"));
        Schema schema = new Schema.Parser().parse(USER_SCHEMA);
        FileSource<GenericRecord> source = FileSource.forRecordStreamFormat(AvroParquetReaders.forGenericRecord(schema),
                new io.sluice.core.fs.Path(dir.resolve("users").toString())).build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(10L);
        List<GenericRecord> records = env.fromSource(source, WatermarkStrategy.noWatermarks(), "file-source")
                .executeAndCollect(100);
        assertInstanceOf(Utf8.class, records.get(0).get("name"));
        List<String> seen = new ArrayList<>();
        for (GenericRecord r : records) {
            seen.add(r.toString());
        }
        seen.sort(null);
        assertEquals(List.of(
                "{\"name\": \"Ann\", \"favoriteNumber\": null, \"favoriteColor\": \"yellow\"}",
                "{\"name\": \"Ann\", \"favoriteNumber\": null, \"favoriteColor\": \"yellow\"}",
                "{\"name\": \"Jack\", \"favoriteNumber\": 1, \"favoriteColor\": \"green\"}",
                "{\"name\": \"Jack\", \"favoriteNumber\": 1, \"favoriteColor\": \"green\"}",
                "{\"name\": \"Tom\", \"favoriteNumber\": 3, \"favoriteColor\": null}",
                "{\"name\": \"Tom\", \"favoriteNumber\": 3, \"favoriteColor\": null}"), seen);
    }

    @Test
    void genericRecordsTravelBetweenTasks() throws Exception {
        writeUsers(dir.resolve("users.parquet"));
        Schema schema = new Schema.Parser().parse(USER_SCHEMA);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<String> out = env.fromSource(FileSource.forRecordStreamFormat(AvroParquetReaders.forGenericRecord(schema),
                        new io.sluice.core.fs.Path(dir.resolve("users.parquet").toString())).build(),
                        WatermarkStrategy.noWatermarks(), "users")
                .keyBy(r -> r.get("name").toString())
                .map(r -> r.get("name") + "=" + r.get("favoriteNumber")).returns(Types.STRING)
                .executeAndCollect(100);
        out.sort(null);
        assertEquals(List.of("Ann=null", "Jack=1", "Tom=3"), out);
    }

    @Test
    void specificRecordsOfAGeneratedClass() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message Address {\n"
                + "  required int32 num;\n  required binary street (STRING);\n  required binary city (STRING);\n"
                + "  required binary state (STRING);\n}");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        Path file = dir.resolve("addresses.parquet");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .build()) {
            writer.write(groups.newGroup().append("num", 1).append("street", "Main St").append("city", "Springfield")
                    .append("state", "IL"));
            writer.write(groups.newGroup().append("num", 22).append("street", "Elm St").append("city", "Shelbyville")
                    .append("state", "IL"));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<Address> out = env.fromSource(FileSource.forRecordStreamFormat(
                        AvroParquetReaders.forSpecificRecord(Address.class),
                        new io.sluice.core.fs.Path(file.toString())).build(), WatermarkStrategy.noWatermarks(), "a")
                .keyBy(Address::getCity).map(a -> a).executeAndCollect(100);
        out.sort((x, y) -> Integer.compare(x.getNum(), y.getNum()));
        assertEquals("[{\"num\": 1, \"street\": \"Main St\", \"city\": \"Springfield\", \"zip\": null},"
                + " {\"num\": 22, \"street\": \"Elm St\", \"city\": \"Shelbyville\", \"zip\": null}]", out.toString());
        assertEquals(String.class, out.get(0).get(1).getClass());
    }

    @Test
    void reflectRecordsOfAPlainClass() throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message Datum {\n"
                + "  required binary a (STRING);\n  required int32 b;\n"
                + "  required group tags (LIST) {\n    repeated binary array (STRING);\n  }\n}");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        Path file = dir.resolve("data.parquet");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .build()) {
            Group g = groups.newGroup().append("a", "x").append("b", 7);
            g.addGroup("tags").append("array", "p").append("array", "q");
            writer.write(g);
            Group empty = groups.newGroup().append("a", "y").append("b", 8);
            empty.addGroup("tags");
            writer.write(empty);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        List<Datum> out = env.fromSource(FileSource.forRecordStreamFormat(AvroParquetReaders.forReflectRecord(Datum.class),
                        new io.sluice.core.fs.Path(file.toString())).build(), WatermarkStrategy.noWatermarks(), "d")
                .rebalance().map(d -> d).returns(Datum.class).executeAndCollect(100);
        out.sort((x, y) -> Integer.compare(x.b, y.b));
        assertEquals("[Datum(x, 7, [p, q]), Datum(y, 8, [])]", out.toString());
    }

    @Test
    void nestedListsMapsRecordsEnumsAndDefaults() throws Exception {
        MessageType parquet = MessageTypeParser.parseMessageType("message Order {\n"
                + "  required int64 id;\n"
                + "  optional group items (LIST) {\n    repeated group list {\n      optional binary element (STRING);\n"
                + "    }\n  }\n"
                + "  optional group attrs (MAP) {\n    repeated group key_value {\n      required binary key (STRING);\n"
                + "      optional int32 value;\n    }\n  }\n"
                + "  optional group customer {\n    required binary name (STRING);\n    optional float score;\n"
                + "    optional binary ignored (STRING);\n  }\n"
                + "  optional binary status (ENUM);\n"
                + "  repeated int32 codes;\n"
                + "  optional binary raw;\n"
                + "}");
        SimpleGroupFactory groups = new SimpleGroupFactory(parquet);
        Path file = dir.resolve("orders.parquet");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(parquet)
                .build()) {
            Group g = groups.newGroup().append("id", 1L);
            Group items = g.addGroup("items");
            items.addGroup("list").append("element", "apple");
            items.addGroup("list");
            items.addGroup("list").append("element", "pear");
            Group attrs = g.addGroup("attrs");
            attrs.addGroup("key_value").append("key", "a").append("value", 1);
            attrs.addGroup("key_value").append("key", "b");
            g.addGroup("customer").append("name", "Ann").append("score", 2.5f).append("ignored", "x");
            g.append("status", "SHIPPED").append("codes", 4).append("codes", 5);
            g.append("raw", org.apache.parquet.io.api.Binary.fromConstantByteArray(new byte[] {1, 2}));
            writer.write(g);
            writer.write(groups.newGroup().append("id", 2L));
        }
        Schema avro = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"Order\", \"fields\": ["
                + " {\"name\": \"id\", \"type\": \"long\"},"
                + " {\"name\": \"items\", \"type\": [\"null\", {\"type\": \"array\", \"items\": [\"null\", \"string\"]}]},"
                + " {\"name\": \"attrs\", \"type\": [\"null\", {\"type\": \"map\", \"values\": [\"null\", \"int\"]}]},"
                + " {\"name\": \"customer\", \"type\": [\"null\", {\"type\": \"record\", \"name\": \"Customer\","
                + "    \"fields\": [{\"name\": \"name\", \"type\": \"string\"},"
                + "                 {\"name\": \"score\", \"type\": [\"null\", \"double\"]}]}]},"
                + " {\"name\": \"status\", \"type\": [\"null\", {\"type\": \"enum\", \"name\": \"Status\","
                + "    \"symbols\": [\"NEW\", \"SHIPPED\"]}]},"
                + " {\"name\": \"codes\", \"type\": {\"type\": \"array\", \"items\": \"int\"}},"
                + " {\"name\": \"raw\", \"type\": [\"null\", \"bytes\"]},"
                + " {\"name\": \"region\", \"type\": \"string\", \"default\": \"EU\"}]}");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        List<GenericRecord> out = env.fromSource(FileSource.forRecordStreamFormat(
                        AvroParquetReaders.forGenericRecord(avro), new io.sluice.core.fs.Path(file.toString())).build(),
                        WatermarkStrategy.noWatermarks(), "orders")
                .rebalance().map(r -> r).returns(new io.sluice.formats.avro.typeutils.GenericRecordAvroTypeInfo(avro))
                .executeAndCollect(100);
        out.sort((x, y) -> Long.compare((Long) x.get("id"), (Long) y.get("id")));
        GenericRecord first = out.get(0);
        assertEquals("[apple, null, pear]", first.get("items").toString());
        assertEquals("{a=1, b=null}", new TreeMap<>(stringKeys((Map<?, ?>) first.get("attrs"))).toString());
        assertEquals("{\"name\": \"Ann\", \"score\": 2.5}", first.get("customer").toString());
        assertEquals("SHIPPED", first.get("status").toString());
        assertEquals("[4, 5]", first.get("codes").toString());
        assertEquals(java.nio.ByteBuffer.wrap(new byte[] {1, 2}), first.get("raw"));
        assertEquals("EU", first.get("region").toString());
        assertEquals("{\"id\": 2, \"items\": null, \"attrs\": null, \"customer\": null, \"status\": null,"
                + " \"codes\": [], \"raw\": null, \"region\": \"EU\"}", out.get(1).toString());
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new java.util.HashMap<>();
        m.forEach((k, v) -> out.put(k.toString(), v));
        return out;
    }

    @Test
    void aRequiredFieldTheFileLacksFailsTheJob() throws Exception {
        writeUsers(dir.resolve("users.parquet"));
        Schema schema = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"User\", \"fields\": ["
                + " {\"name\": \"name\", \"type\": \"string\"}, {\"name\": \"age\", \"type\": \"int\"}]}");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Exception e = assertThrows(Exception.class, () -> env.fromSource(FileSource.forRecordStreamFormat(
                        AvroParquetReaders.forGenericRecord(schema),
                        new io.sluice.core.fs.Path(dir.resolve("users.parquet").toString())).build(),
                        WatermarkStrategy.noWatermarks(), "users").executeAndCollect(100));
        Throwable t = e;
        while (t.getCause() != null && !String.valueOf(t.getMessage()).contains("'age'")) {
            t = t.getCause();
        }
        assertTrue(String.valueOf(t.getMessage()).contains("the Avro field 'age' is not in the Parquet file"),
                String.valueOf(e));
    }
}
