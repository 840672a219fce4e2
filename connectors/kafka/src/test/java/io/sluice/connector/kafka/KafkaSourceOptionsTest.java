package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.TableEnvironment;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Startup and bounded modes, metadata columns, key fields and topic lists/patterns of the kafka source. */
class KafkaSourceOptionsTest extends KafkaTestBase {
    /** Record i (0..9) of topic {@code events} has value {@code i} and timestamp 1000 * (i + 1). */
    @BeforeAll
    static void events() throws Exception {
        kafka.createTopic("events", 1);
        for (int i = 0; i < 10; i++) {
            kafka.produce("events", 0, 1000L * (i + 1), List.<String[]>of(new String[] {null, String.valueOf(i)}));
        }
    }

    private static List<String> read(String options) throws Exception {
        return read("events", options);
    }

    private static List<String> read(String topic, String options) throws Exception {
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE e (v INT)" + with(topic, "'format' = 'csv', " + options));
        return rows(env, "SELECT v FROM e");
    }

    private static List<String> range(int from, int to) {
        List<String> r = new ArrayList<>();
        for (int i = from; i < to; i++) {
            r.add("+I[" + i + "]");
        }
        return r;
    }

    @Test
    @Timeout(60)
    void startupModes() throws Exception {
        String end = ", 'scan.bounded.mode' = 'latest-offset'";
        assertEquals(range(0, 10), read("'scan.startup.mode' = 'earliest-offset'" + end));
        assertEquals(List.of(), read("'scan.startup.mode' = 'latest-offset'" + end));
        assertEquals(range(4, 10), read("'scan.startup.mode' = 'specific-offsets',"
                + " 'scan.startup.specific-offsets' = 'partition:0,offset:4'" + end));
        assertEquals(range(6, 10), read("'scan.startup.mode' = 'timestamp', 'scan.startup.timestamp-millis' = '6500'"
                + end));
        assertEquals(range(0, 10), read("'properties.group.id' = 'fresh', 'properties.auto.offset.reset' = 'earliest'"
                + end));
    }

    @Test
    @Timeout(60)
    void boundedModes() throws Exception {
        String start = "'scan.startup.mode' = 'earliest-offset', ";
        assertEquals(range(0, 3), read(start + "'scan.bounded.mode' = 'specific-offsets',"
                + " 'scan.bounded.specific-offsets' = 'partition:0,offset:3'"));
        assertEquals(range(0, 5), read(start + "'scan.bounded.mode' = 'timestamp',"
                + " 'scan.bounded.timestamp-millis' = '6000'"));
    }

    @Test
    @Timeout(60)
    void flinksCommitOffsetsOnCheckpointPropertyTurnsCommittingOff() throws Exception {
        kafka.createTopic("commit_off", 1);
        kafka.produceValues("commit_off", "0", "1", "2");
        TableEnvironment env = streamingEnv();
        env.executeSql("SET 'execution.checkpointing.interval' = '50 ms'");
        env.executeSql("CREATE TABLE c_on (v INT)" + with("commit_off", "'format' = 'csv', 'properties.group.id' ="
                + " 'c-on', 'scan.startup.mode' = 'earliest-offset'"));
        env.executeSql("CREATE TABLE c_off (v INT)" + with("commit_off", "'format' = 'csv', 'properties.group.id' ="
                + " 'c-off', 'scan.startup.mode' = 'earliest-offset', 'properties.commit.offsets.on.checkpoint' ="
                + " 'false', 'properties.client.id.prefix' = 'no-commit'"));
        io.sluice.table.api.TableResult result = env.executeSql("SELECT v FROM c_on UNION ALL SELECT v FROM c_off");
        try (io.sluice.util.CloseableIterator<io.sluice.types.Row> it = result.collect()) {
            for (int i = 0; i < 6; i++) {
                it.next();
            }
            kafka.awaitCommittedOffset("c-on", "commit_off", 0, 3); // checkpoints of both readers were taken
        }
        result.getJobClient().orElseThrow().getJobExecutionResult().handle((r, e) -> r).get(30,
                java.util.concurrent.TimeUnit.SECONDS); // closed: a commit it had sent would be done
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", kafka.bootstrap()))) {
            assertEquals(java.util.Map.of(), admin.listConsumerGroupOffsets("c-off").partitionsToOffsetAndMetadata()
                    .get(), "no offsets committed for the group of the table with commits turned off");
        }
    }

    @Test
    @Timeout(60)
    void groupOffsetsAreCommittedAtCheckpointsAndResumedFrom() throws Exception {
        kafka.createTopic("grouped", 1);
        kafka.produceValues("grouped", "0", "1", "2", "3", "4", "5");
        TableEnvironment env = streamingEnv();
        env.executeSql("SET 'execution.checkpointing.interval' = '50 ms'");
        env.executeSql("CREATE TABLE g (v INT)" + with("grouped", "'format' = 'csv', 'properties.group.id' = 'g1',"
                + " 'scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = 'partition:0,offset:2'"));
        io.sluice.table.api.TableResult result = env.executeSql("SELECT v FROM g");
        List<String> seen = new ArrayList<>();
        try (io.sluice.util.CloseableIterator<io.sluice.types.Row> it = result.collect()) {
            while (seen.size() < 4 && it.hasNext()) {
                seen.add(it.next().toString());
            }
            assertEquals(range(2, 6), seen);
            kafka.awaitCommittedOffset("g1", "grouped", 0, 6);
        }
        kafka.produceValues("grouped", "6", "7");
        assertEquals(range(6, 8), read("grouped", "'properties.group.id' = 'g1', 'scan.startup.mode' = 'group-offsets',"
                + " 'scan.bounded.mode' = 'latest-offset'"));
    }

    @Test
    @Timeout(60)
    void metadataColumns() throws Exception {
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE e (v INT, `topic` STRING METADATA VIRTUAL, part INT METADATA FROM 'partition'"
                + " VIRTUAL, `offset` BIGINT METADATA VIRTUAL, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,"
                + " tt STRING METADATA FROM 'timestamp-type' VIRTUAL)" + with("events", "'format' = 'csv',"
                + " 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'"));
        assertEquals(List.of("+I[3, events, 0, 3, 1970-01-01T00:00:04Z, CreateTime]"),
                rows(env, "SELECT v, `topic`, part, `offset`, ts, tt FROM e WHERE v = 3"));
        assertEquals(List.of("+I[9]"), rows(env, "SELECT MAX(`offset`) FROM e"));
    }

    @Test
    @Timeout(60)
    void keyFieldsGoIntoTheRecordKey() throws Exception {
        kafka.createTopic("keyed", 2);
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE users (k_id BIGINT, name STRING, age INT)" + with("keyed",
                "'key.format' = 'json', 'key.fields' = 'k_id', 'key.fields-prefix' = 'k_',"
                + " 'value.format' = 'csv', 'value.fields-include' = 'EXCEPT_KEY',"
                + " 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'"));
        env.executeSql("INSERT INTO users VALUES (1, 'ann', 30), (2, 'bob', 40), (1, 'ann', 31)").await();
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll("keyed", "read_uncommitted");
        assertEquals(3, records.size());
        List<String> keyValues = records.stream().map(r -> new String(r.key()) + " " + new String(r.value()))
                .sorted().toList();
        assertEquals(List.of("{\"id\":1} ann,30", "{\"id\":1} ann,31", "{\"id\":2} bob,40"), keyValues);
        assertEquals(1, records.stream().filter(r -> new String(r.key()).equals("{\"id\":1}"))
                .map(ConsumerRecord::partition).distinct().count(), "the default partitioner hashes the key");
        assertEquals(List.of("+I[1, ann, 30]", "+I[1, ann, 31]", "+I[2, bob, 40]"), rows(env, "SELECT * FROM users"));
        assertEquals(List.of("+I[bob]"), rows(env, "SELECT name FROM users WHERE k_id = 2"));
    }

    @Test
    @Timeout(60)
    void topicListsAndPatterns() throws Exception {
        kafka.createTopic("multi_a", 1);
        kafka.createTopic("multi_b", 2);
        kafka.produceValues("multi_a", "1", "2");
        kafka.produce("multi_b", 1, null, List.<String[]>of(new String[] {null, "3"}));
        TableEnvironment env = batchEnv();
        String bounded = "'format' = 'csv', 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'";
        env.executeSql("CREATE TABLE listed (v INT, t STRING METADATA FROM 'topic' VIRTUAL)"
                + with("multi_a;multi_b", bounded));
        assertEquals(List.of("+I[1, multi_a]", "+I[2, multi_a]", "+I[3, multi_b]"), rows(env, "SELECT * FROM listed"));
        env.executeSql("CREATE TABLE patterned (v INT) WITH ('connector' = 'kafka', 'topic-pattern' = 'multi_.*',"
                + " 'properties.bootstrap.servers' = '" + kafka.bootstrap() + "', " + bounded + ")");
        env.executeSql("SET 'parallelism.default' = '2'");
        assertEquals(List.of("+I[6]"), rows(env, "SELECT SUM(v) FROM patterned"));
        assertTrue(rows(env, "SELECT v FROM patterned").size() == 3);
    }
}
