package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.internal.JobClientImpl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code 'sluice.bad-records.table'} on a Kafka source: messages the value (or key) format cannot decode go to the
 * named table - files, or another Kafka topic - with topic, partition, offset, error and bytes, and the good messages
 * are read as before; through a failure and a restore from the latest checkpoint, a transactional bad-records topic
 * holds every bad message once.
 */
class BadRecordsKafkaTest extends KafkaTestBase {
    private static final String BOUNDED = "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'";
    private static final String BAD_COLUMNS = "table_name STRING, source STRING, source_partition INT,"
            + " source_offset BIGINT, error STRING, raw_text STRING, raw_bytes BYTES, found_at TIMESTAMP_LTZ(3)";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    @Timeout(60)
    void badJsonMessagesGoToABadRecordsTableInFiles() throws Exception {
        kafka.createTopic("bad_json", 1);
        kafka.produceValues("bad_json", "{\"id\": 1, \"name\": \"ann\"}", "{\"id\": 2, \"name\": ",
                "{\"id\": 3, \"name\": \"bob\"}", "{\"id\": \"four\"}", "{\"id\": 5, \"name\": \"cy\"}");
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE bad_messages (" + BAD_COLUMNS + ") WITH ('connector' = 'filesystem',"
                + " 'path' = '" + tmp.resolve("bad") + "', 'format' = 'json')");
        env.executeSql("CREATE TABLE people (id INT, name STRING)" + with("bad_json", "'format' = 'json', " + BOUNDED
                + ", 'sluice.bad-records.table' = 'bad_messages'"));
        assertEquals(List.of("+I[1, ann]", "+I[3, bob]", "+I[5, cy]"), rows(env, "SELECT * FROM people"));
        assertEquals(List.of(
                "+I[default_catalog.default_database.people, bad_json, 0, 1, {\"id\": 2, \"name\": ]",
                "+I[default_catalog.default_database.people, bad_json, 0, 3, {\"id\": \"four\"}]"),
                rows(env, "SELECT table_name, source, source_partition, source_offset, raw_text FROM bad_messages"));
        List<String> errors = rows(env, "SELECT error FROM bad_messages");
        assertTrue(errors.get(0).contains("topic bad_json, partition 0, offset"), errors.get(0));
        String explain = String.join("\n", rows(env, "EXPLAIN ANALYZE SELECT id FROM people"));
        assertTrue(explain.contains("bad records routed=2"), explain);
    }

    @Test
    @Timeout(60)
    void badAvroMessagesAndBadKeysAreRoutedToo() throws Exception {
        kafka.createTopic("bad_avro", 1);
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE bad_messages (" + BAD_COLUMNS + ") WITH ('connector' = 'filesystem',"
                + " 'path' = '" + tmp.resolve("bad") + "', 'format' = 'json')");
        env.executeSql("CREATE TABLE orders (k INT, id INT NOT NULL, name STRING)" + with("bad_avro",
                "'key.format' = 'csv', 'key.fields' = 'k', 'value.format' = 'avro',"
                + " 'value.fields-include' = 'EXCEPT_KEY', " + BOUNDED
                + ", 'sluice.bad-records.table' = 'bad_messages'"));
        env.executeSql("INSERT INTO orders VALUES (10, 1, 'ann'), (20, 2, 'bob')").await();
        kafka.produce("bad_avro", 0, null, List.of(new String[] {"30", "not avro at all, a long text"},
                new String[] {"forty", "x"}));
        env.executeSql("INSERT INTO orders VALUES (50, 5, 'cy')").await();
        assertEquals(List.of("+I[10, 1, ann]", "+I[20, 2, bob]", "+I[50, 5, cy]"), rows(env, "SELECT * FROM orders"));
        assertEquals(List.of("+I[2, not avro at all, a long text]", "+I[3, forty]"),
                rows(env, "SELECT source_offset, raw_text FROM bad_messages"));
        String errors = String.join("\n", rows(env, "SELECT error FROM bad_messages"));
        assertTrue(errors.contains("Malformed Avro message at table default_catalog.default_database.orders,"
                + " topic bad_avro, partition 0, offset 2"), errors);
        assertTrue(errors.contains("Failed to parse field 'k' (INT) from 'forty'") && errors.contains("offset 3 (key)"),
                errors);
    }

    @Test
    @Timeout(60)
    void badValuesOfAnUpsertKafkaTopicAreRoutedAndTheChangelogGoesOn() throws Exception {
        kafka.createTopic("bad_upsert", 1);
        kafka.produce("bad_upsert", 0, null, List.of(
                new String[] {"{\"id\":1}", "{\"id\":1,\"name\":\"ann\"}"},
                new String[] {"{\"id\":2}", "{\"id\":2,\"name\": "},
                new String[] {"{\"id\":3}", "{\"id\":\"three\",\"name\":\"cy\"}"},
                new String[] {"{\"id\":1}", "{\"id\":1,\"name\":\"anna\"}"}));
        TableEnvironment env = streamingEnv();
        env.executeSql("CREATE TABLE bad_messages (" + BAD_COLUMNS + ") WITH ('connector' = 'filesystem',"
                + " 'path' = '" + tmp.resolve("bad") + "', 'format' = 'json')");
        env.executeSql("CREATE TABLE users (id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ("
                + "'connector' = 'upsert-kafka', 'topic' = 'bad_upsert', 'properties.bootstrap.servers' = '"
                + kafka.bootstrap() + "', 'key.format' = 'json', 'value.format' = 'json',"
                + " 'scan.bounded.mode' = 'latest-offset', 'sluice.bad-records.table' = 'bad_messages')");
        List<String> changes = new ArrayList<>();
        try (var it = env.executeSql("SELECT * FROM users").collect()) {
            it.forEachRemaining(r -> changes.add(r.toString()));
        }
        assertEquals(List.of("+I[1, ann]", "-U[1, ann]", "+U[1, anna]"), changes);
        assertEquals(List.of("+I[bad_upsert, 1, {\"id\":2,\"name\": ]",
                "+I[bad_upsert, 2, {\"id\":\"three\",\"name\":\"cy\"}]"),
                rows(batchEnv(), "CREATE TEMPORARY TABLE b (" + BAD_COLUMNS + ") WITH ('connector' = 'filesystem',"
                        + " 'path' = '" + tmp.resolve("bad") + "', 'format' = 'json')", "SELECT source, source_offset,"
                        + " raw_text FROM b"));
    }

    /** Rows of {@code query} after running {@code ddl}, sorted. */
    private static List<String> rows(TableEnvironment env, String ddl, String query) throws Exception {
        env.executeSql(ddl);
        return rows(env, query);
    }

    @Test
    @Timeout(90)
    void aTransactionalBadRecordsTopicHoldsEveryBadMessageOnceThroughAFailure() throws Exception {
        kafka.createTopic("bad_eo_in", 2);
        kafka.createTopic("bad_eo_out", 1);
        kafka.createTopic("bad_eo_bad", 1);
        List<String[]> input = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            input.add(new String[] {String.valueOf(i), i % 30 == 0 ? "x" + i : String.valueOf(i)});
        }
        kafka.produce("bad_eo_in", null, null, input);
        TableEnvironment env = streamingEnv();
        env.executeSql("SET 'execution.checkpointing.interval' = '500 ms'");
        env.executeSql("SET 'execution.checkpointing.dir' = '" + tmp.resolve("chk") + "'");
        env.executeSql("SET 'restart-strategy.type' = 'fixed-delay'");
        env.executeSql("SET 'restart-strategy.fixed-delay.attempts' = '3'");
        env.executeSql("SET 'restart-strategy.fixed-delay.delay' = '10 ms'");
        env.executeSql("SET 'table.exec.batch-size' = '50'");
        env.createTemporarySystemFunction("fail_once", new FailOnce());
        env.executeSql("CREATE TABLE bad_eo_in (id BIGINT)" + with("bad_eo_in", "'format' = 'csv', " + BOUNDED
                + ", 'properties.max.poll.records' = '50', 'sluice.bad-records.table' = 'bad_eo_bad'"));
        env.executeSql("CREATE TABLE bad_eo_out (id BIGINT)" + with("bad_eo_out", "'format' = 'json',"
                + " 'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = 'bad-eo-out'"));
        env.executeSql("CREATE TABLE bad_eo_bad (" + BAD_COLUMNS + ")" + with("bad_eo_bad", "'format' = 'json',"
                + " 'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = 'bad-eo-bad'"));
        FailOnce.CALLS.set(0);
        FailOnce.AFTER = 1500;
        FailOnce.PAUSE_MILLIS = 1;
        FailOnce.ARMED.set(true);
        TableResult result = env.executeSql("INSERT INTO bad_eo_out SELECT fail_once(id) FROM bad_eo_in");
        result.await();
        FailOnce.PAUSE_MILLIS = 0;
        var job = ((JobClientImpl) result.getJobClient().orElseThrow()).execution();
        assertEquals(false, FailOnce.ARMED.get(), "the failure was injected");
        assertEquals(1, job.restarts(), "restarts");
        assertTrue(job.completedCheckpoints() > 0, "checkpoints were taken");

        List<String> good = kafka.values("bad_eo_out", "read_committed");
        assertEquals(2900, good.size());
        assertEquals(2900, new HashSet<>(good).size(), "no row twice");
        Set<String> badTexts = new HashSet<>();
        List<String> bad = kafka.values("bad_eo_bad", "read_committed");
        for (String b : bad) {
            JsonNode n = JSON.readTree(b);
            assertEquals("bad_eo_in", n.get("source").asText());
            assertEquals("default_catalog.default_database.bad_eo_in", n.get("table_name").asText());
            badTexts.add(n.get("raw_text").asText());
        }
        assertEquals(100, bad.size(), "every bad message once");
        Set<String> expected = new HashSet<>();
        for (int i = 30; i <= 3000; i += 30) {
            expected.add("x" + i);
        }
        assertEquals(expected, badTexts);
    }
}
