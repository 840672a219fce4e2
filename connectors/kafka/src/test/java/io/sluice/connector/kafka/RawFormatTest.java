package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.TableEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The raw format: numbers in either byte order, text in a charset, on Kafka messages and in files. */
class RawFormatTest extends KafkaTestBase {
    private static final String BOUNDED = "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'";

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void numbersAreWrittenAndReadInTheConfiguredByteOrder() throws Exception {
        kafka.createTopic("raw_ints", 1);
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE ints (v INT)" + with("raw_ints", "'format' = 'raw', 'raw.endianness' ="
                + " 'little-endian', " + BOUNDED));
        env.executeSql("INSERT INTO ints VALUES (1), (258), (-2)").await();
        List<ConsumerRecord<byte[], byte[]>> written = kafka.readAll("raw_ints", "read_uncommitted");
        assertArrayEquals(new byte[] {1, 0, 0, 0}, written.get(0).value());
        assertArrayEquals(new byte[] {2, 1, 0, 0}, written.get(1).value());
        assertEquals(List.of("+I[-2]", "+I[1]", "+I[258]"), rows(env, "SELECT * FROM ints"));
        env.executeSql("CREATE TABLE big_endian (v INT)" + with("raw_ints", "'format' = 'raw', " + BOUNDED));
        assertEquals(List.of("+I[-16777217]", "+I[16777216]", "+I[33619968]"), rows(env, "SELECT * FROM big_endian"));
        env.executeSql("CREATE TABLE longs (v BIGINT)" + with("raw_ints", "'format' = 'raw', " + BOUNDED));
        String message = ChangelogFormatsKafkaTest.fullMessage(assertThrows(Exception.class,
                () -> rows(env, "SELECT * FROM longs")));
        assertTrue(message.contains("column 'v' (BIGINT)") && message.contains("topic raw_ints, partition 0, offset 0")
                && message.contains("4 bytes, but 8"), message);
    }

    @Test
    @Timeout(60)
    void textIsWrittenInTheConfiguredCharset() throws Exception {
        kafka.createTopic("raw_text", 1);
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE latin (s STRING)" + with("raw_text", "'format' = 'raw', 'raw.charset' ="
                + " 'ISO-8859-1', " + BOUNDED));
        env.executeSql("INSERT INTO latin VALUES ('café')").await();
        assertArrayEquals("café".getBytes(StandardCharsets.ISO_8859_1),
                kafka.readAll("raw_text", "read_uncommitted").get(0).value());
        assertEquals(List.of("+I[café]"), rows(env, "SELECT * FROM latin"));
        env.executeSql("CREATE TABLE bad (s STRING)" + with("raw_text", "'format' = 'raw', 'raw.charset' ="
                + " 'no-such-charset', " + BOUNDED));
        Exception two = assertThrows(Exception.class, () -> rows(env, "SELECT * FROM bad"));
        assertTrue(ChangelogFormatsKafkaTest.fullMessage(two).contains("raw.charset"),
                ChangelogFormatsKafkaTest.fullMessage(two));
    }

    @Test
    void filesHoldOneRecordPerLine() throws Exception {
        Path out = dir.resolve("lines");
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE lines (line STRING) WITH ('connector' = 'filesystem', 'path' = '" + out
                + "', 'format' = 'raw')");
        env.executeSql("INSERT INTO lines VALUES ('first line'), ('second, with {json}')").await();
        try (var files = Files.list(out)) {
            Path file = files.filter(p -> p.toString().endsWith(".raw")).findFirst().orElseThrow();
            assertEquals(List.of("first line", "second, with {json}"), Files.readAllLines(file));
        }
        assertEquals(List.of("+I[first line]", "+I[second, with {json}]"), rows(env, "SELECT * FROM lines"));
        assertEquals(List.of("+I[2]"), rows(env, "SELECT COUNT(*) FROM lines"));
    }
}
