package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.TableEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rows written by the kafka sink in csv, json and raw come back through the kafka source unchanged. */
class KafkaRoundTripTest extends KafkaTestBase {
    private static final String BOUNDED = "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'";

    @Test
    @Timeout(60)
    void csvRoundTripOverThreePartitions() throws Exception {
        kafka.createTopic("orders_csv", 3);
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE orders (id BIGINT, product STRING, price DECIMAL(10, 2), ts TIMESTAMP(3))"
                + with("orders_csv", "'format' = 'csv', 'sink.partitioner' = 'round-robin', " + BOUNDED));
        env.executeSql("INSERT INTO orders VALUES (1, 'apple, red', 1.50, TIMESTAMP '2024-01-01 10:00:00'),"
                + " (2, 'pear\ntwo lines', 2.25, TIMESTAMP '2024-01-01 10:00:01'), (3, '', 0.10,"
                + " TIMESTAMP '2024-01-01 10:00:02')").await();
        assertEquals(List.of("+I[1, apple, red, 1.50, 2024-01-01T10:00]", "+I[2, pear\ntwo lines, 2.25, 2024-01-01T10:00:01]",
                "+I[3, , 0.10, 2024-01-01T10:00:02]"), rows(env, "SELECT * FROM orders"));
        assertEquals(3, kafka.readAll("orders_csv", "read_uncommitted").stream().map(r -> r.partition())
                .distinct().count(), "round-robin used every partition");
        assertTrue(kafka.values("orders_csv", "read_uncommitted").contains("1,\"apple, red\",1.50,\"2024-01-01 10:00:00\"")
                || kafka.values("orders_csv", "read_uncommitted").stream().anyMatch(v -> v.startsWith("1,\"apple, red\"")),
                String.valueOf(kafka.values("orders_csv", "read_uncommitted")));
    }

    @Test
    @Timeout(60)
    void jsonRoundTripAndAggregationInBatchMode() throws Exception {
        kafka.createTopic("orders_json", 2);
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE orders (id INT, product STRING, qty INT)"
                + with("orders_json", "'value.format' = 'json', " + BOUNDED));
        env.executeSql("INSERT INTO orders VALUES (1, 'apple', 3), (2, 'pear', 1), (3, 'apple', 4)").await();
        assertEquals(List.of("+I[apple, 7]", "+I[pear, 1]"),
                rows(env, "SELECT product, SUM(qty) FROM orders GROUP BY product"));
        assertTrue(kafka.values("orders_json", "read_uncommitted").contains("{\"id\":2,\"product\":\"pear\",\"qty\":1}"),
                String.valueOf(kafka.values("orders_json", "read_uncommitted")));
    }

    @Test
    @Timeout(60)
    void rawFormatReadsAndWritesWholeMessages() throws Exception {
        kafka.createTopic("lines_raw", 1);
        kafka.produceValues("lines_raw", "first line", "second, with comma", "{\"not\": \"parsed\"}");
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE lines (line STRING)" + with("lines_raw", "'format' = 'raw', " + BOUNDED));
        assertEquals(List.of("+I[first line]", "+I[second, with comma]", "+I[{\"not\": \"parsed\"}]"),
                rows(env, "SELECT * FROM lines"));
        kafka.createTopic("lines_upper", 1);
        env.executeSql("CREATE TABLE upper_lines (line STRING)" + with("lines_upper", "'format' = 'raw'"));
        env.executeSql("INSERT INTO upper_lines SELECT UPPER(line) FROM lines").await();
        assertEquals(List.of("FIRST LINE", "SECOND, WITH COMMA", "{\"NOT\": \"PARSED\"}"),
                kafka.values("lines_upper", "read_uncommitted").stream().sorted().toList());
    }

    @Test
    @Timeout(60)
    void malformedRecordsFailNamingTheirPositionOrAreSkippedAndCounted() throws Exception {
        kafka.createTopic("bad_json", 1);
        kafka.produceValues("bad_json", "{\"id\": 1}", "{\"id\": tru", "{\"id\": 3}", "{\"id\": \"x\"}");
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE strict_t (id INT)" + with("bad_json", "'format' = 'json', " + BOUNDED));
        Exception e = assertThrows(Exception.class, () -> rows(env, "SELECT * FROM strict_t"));
        String message = fullMessage(e);
        assertTrue(message.contains("topic bad_json, partition 0, offset 1") && message.contains("id"), message);
        env.executeSql("CREATE TABLE lenient_t (id INT)" + with("bad_json", "'format' = 'json',"
                + " 'json.ignore-parse-errors' = 'true', " + BOUNDED));
        // as in Flink, a malformed record is skipped and a field that does not parse becomes NULL
        assertEquals(List.of("+I[1]", "+I[3]", "+I[null]"), rows(env, "SELECT * FROM lenient_t"));
    }

    @Test
    @Timeout(60)
    void malformedKeysAndValuesAreSkippedTogether() throws Exception {
        kafka.createTopic("bad_keys", 1);
        kafka.produce("bad_keys", 0, null, List.of(new String[] {"{\"id\":1}", "{\"name\":\"a\",\"n\":1}"},
                new String[] {"not json", "{\"name\":\"b\",\"n\":2}"}, new String[] {"{\"id\":3}", "{broken"},
                new String[] {"{\"id\":4}", "{\"name\":\"d\",\"n\":4}"}));
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE t (id INT, name STRING, n INT)" + with("bad_keys", "'key.format' = 'json',"
                + " 'key.fields' = 'id', 'key.json.ignore-parse-errors' = 'true', 'value.format' = 'json',"
                + " 'value.fields-include' = 'EXCEPT_KEY', 'value.json.ignore-parse-errors' = 'true', " + BOUNDED));
        assertEquals(List.of("+I[1, a, 1]", "+I[4, d, 4]"), rows(env, "SELECT * FROM t"));
    }

    @Test
    void unknownOptionsNameTheNearestValidKeys() {
        TableEnvironment env = batchEnv();
        Exception e = assertThrows(Exception.class, () -> {
            env.executeSql("CREATE TABLE t1 (id INT)" + with("whatever", "'format' = 'json', 'scan.startup.mod' = 'x'"));
            env.executeSql("SELECT * FROM t1");
        });
        assertTrue(fullMessage(e).contains("scan.startup.mode"), fullMessage(e));
        e = assertThrows(Exception.class, () -> {
            env.executeSql("CREATE TABLE t2 (id INT)" + with("whatever", "'value.format' = 'json',"
                    + " 'value.json.ignore-parse-error' = 'true'"));
            env.executeSql("SELECT * FROM t2");
        });
        assertTrue(fullMessage(e).contains("value.json.ignore-parse-errors"), fullMessage(e));
        e = assertThrows(Exception.class, () -> {
            env.executeSql("CREATE TABLE t3 (id INT) WITH ('connector' = 'kafka', 'topic' = 'x', 'format' = 'json')");
            env.executeSql("SELECT * FROM t3");
        });
        assertTrue(fullMessage(e).contains("properties.bootstrap.servers"), fullMessage(e));
        e = assertThrows(Exception.class, () -> {
            env.executeSql("CREATE TABLE t4 (id INT)" + with("whatever", "'format' = 'json'"));
            env.executeSql("SELECT * FROM t4");
        });
        assertTrue(fullMessage(e).contains("'properties.group.id'"), fullMessage(e));
    }

    static String fullMessage(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}
