package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The upsert-kafka connector: a compacted topic read as a changelog, and updating results written as upserts. */
class UpsertKafkaTest extends KafkaTestBase {
    private static String upsert(String topic, String more) {
        return " WITH ('connector' = 'upsert-kafka', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '"
                + kafka.bootstrap() + "', 'key.format' = 'json', 'value.format' = 'json'"
                + (more.isEmpty() ? "" : ", " + more) + ")";
    }

    /** Every row of a query in arrival order, with its kind. */
    private static List<String> changelog(TableEnvironment env, String sql) throws Exception {
        List<String> all = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            it.forEachRemaining(r -> all.add(r.toString()));
        }
        return all;
    }

    @Test
    @Timeout(60)
    void aCompactedTopicIsReadAsAChangelog() throws Exception {
        kafka.createTopic("users_upsert", 1);
        kafka.produce("users_upsert", 0, null, List.of(
                new String[] {"{\"id\":1}", "{\"id\":1,\"name\":\"ann\"}"},
                new String[] {"{\"id\":2}", "{\"id\":2,\"name\":\"bob\"}"},
                new String[] {"{\"id\":1}", "{\"id\":1,\"name\":\"anna\"}"},
                new String[] {"{\"id\":2}", null},
                new String[] {"{\"id\":3}", null}));
        TableEnvironment env = streamingEnv();
        env.executeSql("CREATE TABLE users (id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED)"
                + upsert("users_upsert", "'scan.bounded.mode' = 'latest-offset'"));
        assertEquals(List.of("+I[1, ann]", "+I[2, bob]", "-U[1, ann]", "+U[1, anna]", "-D[2, bob]"),
                changelog(env, "SELECT * FROM users"));
        // the count follows every change: +I ann, +I bob, the update of 1 (-U then +U), the delete of 2
        assertEquals(List.of("+I[1]", "-U[1]", "+U[2]", "-U[2]", "+U[1]", "-U[1]", "+U[2]", "-U[2]", "+U[1]"),
                changelog(env, "SELECT COUNT(*) FROM users"));
    }

    @Test
    @Timeout(60)
    void anUpdatingAggregateIsWrittenAsUpsertsAndReadBackAsItsFinalTable() throws Exception {
        kafka.createTopic("words", 2);
        kafka.createTopic("word_counts", 2);
        String[] words = {"a", "b", "a", "c", "a", "b"};
        List<String[]> records = new ArrayList<>();
        for (String w : words) {
            records.add(new String[] {null, w});
        }
        kafka.produce("words", null, null, records);
        TableEnvironment env = streamingEnv();
        env.executeSql("CREATE TABLE words (word STRING)" + with("words", "'format' = 'raw',"
                + " 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'"));
        env.executeSql("CREATE TABLE word_counts (word STRING, cnt BIGINT, PRIMARY KEY (word) NOT ENFORCED)"
                + upsert("word_counts", "'scan.bounded.mode' = 'latest-offset'"));
        env.executeSql("INSERT INTO word_counts SELECT word, COUNT(*) FROM words GROUP BY word").await();

        List<ConsumerRecord<byte[], byte[]>> written = kafka.readAll("word_counts", "read_uncommitted");
        assertTrue(written.stream().allMatch(r -> r.key() != null && r.value() != null), "only upserts");
        Map<String, String> latest = new TreeMap<>();
        written.forEach(r -> latest.put(new String(r.key()), new String(r.value())));
        assertEquals(Map.of("{\"word\":\"a\"}", "{\"word\":\"a\",\"cnt\":3}", "{\"word\":\"b\"}",
                "{\"word\":\"b\",\"cnt\":2}", "{\"word\":\"c\"}", "{\"word\":\"c\",\"cnt\":1}"), latest);

        // read back: the changelog of the topic ends in the final table
        Map<String, String> table = new TreeMap<>();
        for (String row : changelog(env, "SELECT word, cnt FROM word_counts")) {
            String[] parts = row.substring(3, row.length() - 1).split(", ");
            if (row.startsWith("+I") || row.startsWith("+U")) {
                table.put(parts[0], parts[1]);
            } else {
                table.remove(parts[0]);
            }
        }
        assertEquals(Map.of("a", "3", "b", "2", "c", "1"), table);
        List<String> sums = changelog(env, "SELECT SUM(cnt) FROM word_counts");
        assertEquals("+U[6]", sums.get(sums.size() - 1), String.valueOf(sums));
    }

    @Test
    @Timeout(60)
    void deletesAreWrittenAsTombstones() throws Exception {
        kafka.createTopic("src_upsert", 1);
        kafka.createTopic("copy_upsert", 1);
        kafka.produce("src_upsert", 0, null, List.of(
                new String[] {"{\"id\":1}", "{\"id\":1,\"v\":10}"},
                new String[] {"{\"id\":2}", "{\"id\":2,\"v\":20}"},
                new String[] {"{\"id\":1}", null}));
        TableEnvironment env = streamingEnv();
        env.executeSql("CREATE TABLE src (id INT, v INT, PRIMARY KEY (id) NOT ENFORCED)"
                + upsert("src_upsert", "'scan.bounded.mode' = 'latest-offset'"));
        env.executeSql("CREATE TABLE copy_t (id INT, v INT, PRIMARY KEY (id) NOT ENFORCED)"
                + upsert("copy_upsert", "'sink.buffer-flush.max-rows' = '100', 'sink.buffer-flush.interval' = '1 s'"));
        env.executeSql("INSERT INTO copy_t SELECT id, v FROM src").await();
        List<String> written = kafka.readAll("copy_upsert", "read_uncommitted").stream()
                .map(r -> new String(r.key()) + "=" + (r.value() == null ? "tombstone" : new String(r.value())))
                .toList();
        // the buffer keeps the latest record per key: key 1 ends as a tombstone
        assertEquals(List.of("{\"id\":1}=tombstone", "{\"id\":2}={\"id\":2,\"v\":20}"),
                written.stream().sorted().toList());
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;

    /** Writes {@code {"id":i}} -> {@code value(i)} for ids {@code from..to}, each key to partition {@code i % 3}. */
    private static void produceKeyed(String topic, int from, int to, java.util.function.IntFunction<String> value) {
        for (int p = 0; p < 3; p++) {
            List<String[]> records = new ArrayList<>();
            for (int i = from; i <= to; i++) {
                if (i % 3 == p) {
                    records.add(new String[] {"{\"id\":" + i + "}", value.apply(i)});
                }
            }
            kafka.produce(topic, p, null, records);
        }
    }

    /** Waits until the latest record of each key of {@code topic} is {@code expected}. */
    private static void awaitLatest(String topic, Map<String, String> expected) throws Exception {
        Map<String, String> latest = new TreeMap<>();
        for (int attempt = 0; attempt < 300; attempt++) {
            latest.clear();
            kafka.readAll(topic, "read_uncommitted").forEach(r -> latest.put(new String(r.key()),
                    r.value() == null ? null : new String(r.value())));
            if (latest.equals(expected)) {
                return;
            }
            Thread.sleep(200);
        }
        assertEquals(expected, latest);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3})
    @Timeout(150)
    void anUpsertSourceRestoredAtAnotherParallelismKnowsEveryKeysLatestRow(int parallelism) throws Exception {
        String in = "upsert_rescale_in_" + parallelism;
        String out = "upsert_rescale_out_" + parallelism;
        kafka.createTopic(in, 3);
        kafka.createTopic(out, 1);
        produceKeyed(in, 1, 30, i -> "{\"id\":" + i + ",\"v\":1}");
        TableEnvironment env = streamingEnv();
        env.executeSql("SET 'parallelism.default' = '2'");
        env.executeSql("CREATE TABLE src (id INT, v INT, PRIMARY KEY (id) NOT ENFORCED)" + upsert(in, ""));
        env.executeSql("CREATE TABLE totals (parity INT, c BIGINT, s INT, PRIMARY KEY (parity) NOT ENFORCED)"
                + upsert(out, ""));
        String insert = "INSERT INTO totals SELECT MOD(id, 2), COUNT(*), SUM(v) FROM src GROUP BY MOD(id, 2)";
        io.sluice.table.api.TableResult run = env.executeSql(insert);
        awaitLatest(out, Map.of("{\"parity\":0}", "{\"parity\":0,\"c\":15,\"s\":15}",
                "{\"parity\":1}", "{\"parity\":1,\"c\":15,\"s\":15}"));
        String savepoint = run.getJobClient().orElseThrow().stopWithSavepoint(false, tmp.resolve("sp").toString())
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        run.await();
        // every key updated (the readers that own their partitions now must know the row each replaces), keys
        // 1..6 deleted, keys 31..36 new
        produceKeyed(in, 1, 30, i -> "{\"id\":" + i + ",\"v\":2}");
        produceKeyed(in, 1, 6, i -> null);
        produceKeyed(in, 31, 36, i -> "{\"id\":" + i + ",\"v\":1}");
        env.executeSql("SET 'parallelism.default' = '" + parallelism + "'");
        env.executeSql("SET 'execution.savepoint.path' = '" + savepoint + "'");
        io.sluice.table.api.TableResult resumed = env.executeSql(insert);
        try {
            awaitLatest(out, Map.of("{\"parity\":0}", "{\"parity\":0,\"c\":15,\"s\":27}",
                    "{\"parity\":1}", "{\"parity\":1,\"c\":15,\"s\":27}"));
        } finally {
            resumed.getJobClient().orElseThrow().cancel().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void aPrimaryKeyIsRequired() {
        TableEnvironment env = streamingEnv();
        Exception e = assertThrows(Exception.class, () -> {
            env.executeSql("CREATE TABLE nokey (id INT, v INT)" + upsert("whatever", ""));
            env.executeSql("SELECT * FROM nokey");
        });
        assertTrue(KafkaRoundTripTest.fullMessage(e).contains("'upsert-kafka' tables require to define a PRIMARY KEY"),
                KafkaRoundTripTest.fullMessage(e));
    }
}
