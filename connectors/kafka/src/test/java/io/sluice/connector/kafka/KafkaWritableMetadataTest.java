package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Persisted {@code METADATA} columns written by the kafka sink: the record timestamp and the headers (Flink's
 * {@code MAP<STRING, BYTES>}, or a JSON object in a STRING column), read back by the source.
 */
class KafkaWritableMetadataTest extends KafkaTestBase {
    private static final String BOUNDED = "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'";

    @Test
    @Timeout(60)
    void timestampAndHeadersAreWrittenIntoTheRecordsAndReadBack() throws Exception {
        kafka.createTopic("meta_out", 1);
        TableEnvironment env = batchEnv();
        // declared order (metadata between physical columns) is the order INSERT fills without a column list
        env.executeSql("CREATE TABLE events (id INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', v STRING,"
                + " hdrs STRING METADATA FROM 'headers')" + with("meta_out", "'format' = 'csv', " + BOUNDED));
        env.executeSql("INSERT INTO events VALUES"
                + " (1, TO_TIMESTAMP_LTZ(1700000000000, 3), 'a', '{\"trace\":\"t-1\",\"tenant\":\"x\"}'),"
                + " (2, TO_TIMESTAMP_LTZ(1700000000500, 3), 'b', CAST(NULL AS STRING))").await();
        List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>(kafka.readAll("meta_out",
                "read_uncommitted"));
        records.sort(Comparator.comparingLong(ConsumerRecord::offset));
        assertEquals(2, records.size());
        ConsumerRecord<byte[], byte[]> first = records.get(0);
        assertEquals("1,a", new String(first.value(), StandardCharsets.UTF_8), "metadata is not in the value");
        assertEquals(1700000000000L, first.timestamp());
        assertEquals("t-1", new String(first.headers().lastHeader("trace").value(), StandardCharsets.UTF_8));
        assertEquals("x", new String(first.headers().lastHeader("tenant").value(), StandardCharsets.UTF_8));
        assertEquals(1700000000500L, records.get(1).timestamp());
        assertEquals(0, records.get(1).headers().toArray().length);

        env.executeSql("CREATE TABLE events_in (id INT, v STRING, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp'"
                + " VIRTUAL, headers STRING METADATA VIRTUAL)" + with("meta_out", "'format' = 'csv', " + BOUNDED));
        List<String> read = rows(env, "SELECT id, v, ts, headers FROM events_in");
        assertEquals(List.of("+I[1, a, 2023-11-14T22:13:20Z, {\"trace\":\"t-1\",\"tenant\":\"x\"}]",
                "+I[2, b, 2023-11-14T22:13:20.500Z, null]"), read);
    }

    @Test
    @Timeout(60)
    void headersAreAMapOfBytesAsInFlink() throws Exception {
        kafka.createTopic("meta_map", 1);
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE m (id INT, headers MAP<STRING, BYTES> METADATA)"
                + with("meta_map", "'format' = 'csv', " + BOUNDED));
        env.executeSql("INSERT INTO m VALUES (1, MAP['trace', ENCODE('t-1', 'UTF-8'), 'tenant', ENCODE('x', 'UTF-8')])")
                .await();
        ConsumerRecord<byte[], byte[]> written = kafka.readAll("meta_map", "read_uncommitted").get(0);
        assertEquals("1", new String(written.value(), StandardCharsets.UTF_8), "metadata is not in the value");
        assertEquals("t-1", new String(written.headers().lastHeader("trace").value(), StandardCharsets.UTF_8));
        // a header value that is not text, and a record without headers
        org.apache.kafka.common.header.internals.RecordHeaders binary = new org.apache.kafka.common.header.internals
                .RecordHeaders();
        binary.add("bin", new byte[] {0, (byte) 0xFF});
        try (org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]> p = new org.apache.kafka.clients.producer
                .KafkaProducer<>(java.util.Map.of("bootstrap.servers", kafka.bootstrap()),
                new org.apache.kafka.common.serialization.ByteArraySerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            p.send(new org.apache.kafka.clients.producer.ProducerRecord<>("meta_map", 0, null, null,
                    "2".getBytes(StandardCharsets.UTF_8), binary));
            p.send(new org.apache.kafka.clients.producer.ProducerRecord<>("meta_map", 0, null,
                    "3".getBytes(StandardCharsets.UTF_8)));
        }
        List<io.sluice.types.Row> read = new java.util.ArrayList<>();
        try (io.sluice.util.CloseableIterator<io.sluice.types.Row> it = env.executeSql(
                "SELECT id, headers, DECODE(headers['trace'], 'UTF-8') FROM m").collect()) {
            it.forEachRemaining(read::add);
        }
        read.sort(Comparator.comparing(r -> (Integer) r.getField(0)));
        assertEquals(3, read.size());
        java.util.Map<?, ?> first = (java.util.Map<?, ?>) read.get(0).getField(1);
        assertEquals(java.util.Set.of("trace", "tenant"), first.keySet());
        assertEquals("t-1", read.get(0).getField(2));
        java.util.Map<?, ?> second = (java.util.Map<?, ?>) read.get(1).getField(1);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {0, (byte) 0xFF}, (byte[]) second.get("bin"));
        assertEquals(java.util.Map.of(), read.get(2).getField(1), "a record without headers has an empty map");
    }

    @Test
    @Timeout(60)
    void anExplicitColumnListMayNameMetadataColumnsAndANullTimestampLetsKafkaSetIt() throws Exception {
        kafka.createTopic("meta_cols", 1);
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE t (id INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp')"
                + with("meta_cols", "'format' = 'csv'"));
        long before = System.currentTimeMillis();
        env.executeSql("INSERT INTO t (id) VALUES (7)").await();
        ConsumerRecord<byte[], byte[]> r = kafka.readAll("meta_cols", "read_uncommitted").get(0);
        assertEquals("7", new String(r.value(), StandardCharsets.UTF_8));
        assertTrue(r.timestamp() >= before - 1000, "the producer's time: " + r.timestamp());
        assertNull(r.headers().lastHeader("trace"));
    }

    @Test
    void unwritableMetadataIsRejectedWithTheWritableKeys() {
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE t (id INT, o BIGINT METADATA FROM 'offset')" + with("meta_bad", "'format' = 'csv'"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> env.executeSql("INSERT INTO t VALUES (1, 2)"));
        assertTrue(e.getMessage().contains("Invalid metadata key 'offset' in column 'o'")
                && e.getMessage().contains("headers, timestamp"), e.getMessage());
        env.executeSql("CREATE TABLE t2 (id INT, ts TIMESTAMP(3) METADATA FROM 'timestamp')"
                + with("meta_bad", "'format' = 'csv'"));
        e = assertThrows(ValidationException.class, () -> env.executeSql("INSERT INTO t2 VALUES (1, TIMESTAMP"
                + " '2024-01-01 00:00:00')"));
        assertTrue(e.getMessage().contains("must have type TIMESTAMP_LTZ(3)"), e.getMessage());
        env.executeSql("CREATE TABLE t3 (id INT, h MAP<STRING, INT> METADATA FROM 'headers')"
                + with("meta_bad", "'format' = 'csv'"));
        e = assertThrows(ValidationException.class, () -> env.executeSql("INSERT INTO t3 SELECT 1, MAP['a', 1]"));
        assertTrue(e.getMessage().contains("must have type MAP<STRING, BYTES> (or STRING for JSON text)"),
                e.getMessage());
    }
}
