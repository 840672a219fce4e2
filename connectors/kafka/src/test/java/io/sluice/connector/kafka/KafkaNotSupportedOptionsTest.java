package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.table.api.TableEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Flink's kafka options that Sluice cannot honour yet fail with "not supported yet" naming the option (a scan option
 * when the table is read, a sink option when it is written), instead of being ignored or called unknown.
 */
class KafkaNotSupportedOptionsTest extends KafkaTestBase {
    private static final String BOUNDED = "'format' = 'csv', 'scan.startup.mode' = 'earliest-offset',"
            + " 'scan.bounded.mode' = 'latest-offset'";

    @Test
    @Timeout(60)
    void scanOptionsFailWhenReadAndSinkOptionsWhenWritten() throws Exception {
        kafka.createTopic("nso", 1);
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE scan_par (v INT)" + with("nso", BOUNDED + ", 'scan.parallelism' = '2'"));
        Exception e = assertThrows(Exception.class,
                () -> rows(env, "SELECT v FROM scan_par"));
        assertTrue(messages(e).contains("not supported yet: option 'scan.parallelism' of table")
                && messages(e).contains("scan_par (the source runs at the job's parallelism)"),
                messages(e));
        // a scan option does not concern a table that is only written
        env.executeSql("INSERT INTO scan_par VALUES (1)").await();

        env.executeSql("CREATE TABLE naming (v INT)" + with("nso", BOUNDED
                + ", 'sink.transaction-naming-strategy' = 'POOLING'"));
        e = assertThrows(Exception.class, () -> env.executeSql("INSERT INTO naming VALUES (2)"));
        assertTrue(messages(e).contains("not supported yet: option 'sink.transaction-naming-strategy'"),
                messages(e));
        assertEquals(List.of("+I[1]"), rows(env, "SELECT v FROM naming"), "a sink option does not concern reading");

        for (String option : List.of("'scan.watermark.alignment.group' = 'g'", "'sink.semantic' = 'exactly-once'",
                "'record.value.include.kafka.connect.json.schema' = 'true'", "'sink.parallelism' = '2'")) {
            String table = "t" + Math.abs(option.hashCode());
            env.executeSql("CREATE TABLE " + table + " (v INT)" + with("nso", BOUNDED + ", " + option));
            String key = option.substring(1, option.indexOf('\'', 1));
            Exception failure = assertThrows(Exception.class, () -> {
                if (key.startsWith("sink.")) {
                    env.executeSql("INSERT INTO " + table + " VALUES (3)");
                } else {
                    rows(env, "SELECT v FROM " + table);
                }
            });
            assertTrue(messages(failure).contains("not supported yet: option '" + key + "'"), messages(failure));
        }
    }

    @Test
    void registeringTheConsumersOwnMetricsIsNotSupportedYet() {
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE metrics (v INT)" + with("nso_metrics", "'format' = 'csv',"
                + " 'scan.startup.mode' = 'earliest-offset', 'properties.register.consumer.metrics' = 'true'"));
        Exception e = assertThrows(Exception.class, () -> rows(env, "SELECT v FROM metrics"));
        assertTrue(messages(e).contains("not supported yet: 'properties.register.consumer.metrics' = 'true'"),
                messages(e));
    }

    @Test
    void aCustomPartitionerClassIsNotSupportedYet() {
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE custom (v INT)" + with("nso_custom", "'format' = 'csv',"
                + " 'sink.partitioner' = 'com.example.MyPartitioner'"));
        Exception e = assertThrows(Exception.class,
                () -> env.executeSql("INSERT INTO custom VALUES (1)"));
        assertTrue(messages(e).contains("not supported yet: a custom partitioner class in option 'sink.partitioner'"
                + " = 'com.example.MyPartitioner'"), messages(e));
    }

    @Test
    void aMisspelledOptionIsStillUnknownWithTheNearestKeys() {
        TableEnvironment env = batchEnv();
        env.executeSql("CREATE TABLE typo (v INT)" + with("nso_typo", "'format' = 'csv', 'scan.paralelism' = '2'"));
        Exception e = assertThrows(Exception.class, () -> env.executeSql("SELECT * FROM typo"));
        assertTrue(messages(e).contains("Unsupported option 'scan.paralelism'")
                && messages(e).contains("scan.parallelism"), messages(e));
    }

    /** The messages of an exception and its causes. */
    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
