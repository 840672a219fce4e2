package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The changelog formats on filesystem tables: files of change events, one per line, read as changelogs. */
class ChangelogFormatsFileTest {
    @TempDir
    Path dir;

    private String table(String name, String columns, Path path, String format, String more) {
        return "CREATE TABLE " + name + " (" + columns + ") WITH ('connector' = 'filesystem', 'path' = '" + path
                + "', 'format' = '" + format + "'" + (more.isEmpty() ? "" : ", " + more) + ")";
    }

    @Test
    void aDebeziumFileIsAChangelogThatAGroupByRetracts() throws Exception {
        Path file = dir.resolve("emp.json");
        Files.writeString(file, String.join("\n",
                "{\"before\":null,\"after\":{\"id\":1,\"dept\":\"a\"},\"op\":\"c\"}",
                "{\"before\":null,\"after\":{\"id\":2,\"dept\":\"a\"},\"op\":\"r\"}",
                "",
                "{\"before\":{\"id\":1,\"dept\":\"a\"},\"after\":{\"id\":1,\"dept\":\"b\"},\"op\":\"u\"}",
                "{\"before\":{\"id\":2,\"dept\":\"a\"},\"after\":null,\"op\":\"d\"}") + "\n");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql(table("emp", "id INT, dept STRING", file, "debezium-json", ""));
        assertEquals(List.of("+I[1, a]", "+I[2, a]", "-U[1, a]", "+U[1, b]", "-D[2, a]"),
                ChangelogFormatsKafkaTest.changelog(env, "SELECT * FROM emp"));
        assertEquals(Map.of("b", "1"), ChangelogFormatsKafkaTest.finalTable(
                ChangelogFormatsKafkaTest.changelog(env, "SELECT dept, COUNT(*) FROM emp GROUP BY dept")));
        List<String> total = ChangelogFormatsKafkaTest.changelog(env, "SELECT COUNT(*) FROM emp");
        assertEquals("+U[1]", total.get(total.size() - 1), String.valueOf(total));
        TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        batch.executeSql(table("emp", "id INT, dept STRING", file, "debezium-json", ""));
        // batch aggregations do not retract yet: a clear error, not a wrong count
        String message = ChangelogFormatsKafkaTest.fullMessage(assertThrows(Exception.class,
                () -> ChangelogFormatsKafkaTest.changelog(batch, "SELECT dept, COUNT(*) FROM emp GROUP BY dept")));
        assertTrue(message.contains("not supported yet"), message);
    }

    @Test
    void canalAndMaxwellFiles() throws Exception {
        Path canal = dir.resolve("canal.json");
        Files.writeString(canal, "{\"data\":[{\"id\":\"1\",\"v\":\"x\"}],\"database\":\"d\",\"table\":\"t1\","
                + "\"type\":\"INSERT\"}\n{\"data\":[{\"id\":\"1\",\"v\":\"y\"}],\"old\":[{\"v\":\"x\"}],\"database\":\"d\","
                + "\"table\":\"t1\",\"type\":\"UPDATE\"}\n{\"data\":[{\"id\":\"5\",\"v\":\"z\"}],\"database\":\"d\","
                + "\"table\":\"t2\",\"type\":\"INSERT\"}\n");
        Path maxwell = dir.resolve("maxwell.json");
        Files.writeString(maxwell, "{\"type\":\"insert\",\"data\":{\"id\":1,\"v\":\"x\"}}\n"
                + "{\"type\":\"delete\",\"data\":{\"id\":1,\"v\":\"x\"}}\n");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql(table("c", "id INT, v STRING", canal, "canal-json", "'canal-json.table.include' = 't1'"));
        env.executeSql(table("m", "id INT, v STRING", maxwell, "maxwell-json", ""));
        assertEquals(List.of("+I[1, x]", "-U[1, x]", "+U[1, y]"),
                ChangelogFormatsKafkaTest.changelog(env, "SELECT * FROM c"));
        assertEquals(List.of("+I[1, x]", "-D[1, x]"), ChangelogFormatsKafkaTest.changelog(env, "SELECT * FROM m"));
    }

    @Test
    void malformedLinesFailNamingFileAndLineOrAreSkipped() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"before\":null,\"after\":{\"id\":1},\"op\":\"c\"}\n{\"op\":\"c\"}\n"
                + "{\"before\":null,\"after\":{\"id\":3},\"op\":\"c\"}\n");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql(table("strict_t", "id INT", file, "debezium-json", ""));
        String message = ChangelogFormatsKafkaTest.fullMessage(assertThrows(Exception.class,
                () -> ChangelogFormatsKafkaTest.changelog(env, "SELECT * FROM strict_t")));
        assertTrue(message.contains(file + ":2") && message.contains("\"after\""), message);
        env.executeSql(table("lenient_t", "id INT", file, "debezium-json", "'debezium-json.ignore-parse-errors' = 'true'"));
        assertEquals(List.of("+I[1]", "+I[3]"), ChangelogFormatsKafkaTest.changelog(env, "SELECT * FROM lenient_t"));
    }

    @Test
    void insertsAreWrittenAsChangeEventsAndReadBack() throws Exception {
        Path out = dir.resolve("out");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql(table("sink_t", "id INT, name STRING, price DECIMAL(10, 2)", out, "debezium-json", ""));
        env.executeSql("INSERT INTO sink_t VALUES (1, 'a', 1.50), (2, CAST(NULL AS STRING), 0.000000027)").await();
        List<String> lines;
        try (Stream<Path> files = Files.list(out)) {
            lines = files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p, StandardCharsets.UTF_8).stream();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).sorted().toList();
        }
        assertEquals(List.of("{\"before\":null,\"after\":{\"id\":1,\"name\":\"a\",\"price\":1.50},\"op\":\"c\"}",
                "{\"before\":null,\"after\":{\"id\":2,\"name\":null,\"price\":0.00},\"op\":\"c\"}"), lines);
        TableEnvironment streaming = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        streaming.executeSql(table("sink_t", "id INT, name STRING, price DECIMAL(10, 2)", out, "debezium-json", ""));
        assertEquals(List.of("+I[1, a, 1.50]", "+I[2, null, 0.00]"),
                ChangelogFormatsKafkaTest.changelog(streaming, "SELECT * FROM sink_t").stream().sorted().toList());
        env.executeSql(table("bad_sink", "id INT", dir.resolve("bad"), "debezium-json",
                "'debezium-json.schema-include' = 'true'"));
        String message = ChangelogFormatsKafkaTest.fullMessage(assertThrows(Exception.class,
                () -> env.executeSql("INSERT INTO bad_sink VALUES (1)").await()));
        assertTrue(message.contains("debezium-json.schema-include"), message);
    }

    @Test
    void anUpdatingQueryIsWrittenAsChangeEventsAndReadsBackToTheSameTable() throws Exception {
        Path in = dir.resolve("orders.csv");
        Files.writeString(in, "a,1\nb,2\na,3\nb,4\na,5\n");
        Path out = dir.resolve("totals");
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql(table("orders", "k STRING, v INT", in, "csv", ""));
        env.executeSql(table("totals", "k STRING, total INT", out, "debezium-json", ""));
        env.executeSql("INSERT INTO totals SELECT k, SUM(v) FROM orders GROUP BY k").await();
        TableEnvironment reader = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        reader.executeSql(table("totals", "k STRING, total INT", out, "debezium-json", ""));
        List<String> changes = ChangelogFormatsKafkaTest.changelog(reader, "SELECT * FROM totals");
        // each update is written as a delete of the old row and a create of the new one, as Flink writes it
        assertTrue(changes.stream().anyMatch(c -> c.equals("-D[a, 1]") || c.equals("-U[a, 1]")), String.valueOf(changes));
        assertEquals(Map.of("a", "9", "b", "6"), ChangelogFormatsKafkaTest.finalTable(changes));
    }
}
