package io.sluice.connector.kafka;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One real broker per test class, and helpers to run SQL against it. */
abstract class KafkaTestBase {
    static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new EmbeddedKafka();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    static TableEnvironment batchEnv() {
        return TableEnvironment.create(EnvironmentSettings.inBatchMode());
    }

    static TableEnvironment streamingEnv() {
        return TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    }

    /** The {@code WITH} options connecting a table to {@code topic}, followed by {@code more}. */
    static String with(String topic, String more) {
        return " WITH ('connector' = 'kafka', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '"
                + kafka.bootstrap() + "'" + (more.isEmpty() ? "" : ", " + more) + ")";
    }

    /** Every row of a bounded query, as Flink prints them, sorted. */
    static List<String> rows(TableEnvironment env, String sql) throws Exception {
        List<String> all = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            it.forEachRemaining(r -> all.add(r.toString()));
        }
        Collections.sort(all);
        return all;
    }

    /** The first {@code n} rows of an endless query; the job is cancelled afterwards. */
    static List<String> firstRows(TableEnvironment env, String sql, int n) throws Exception {
        List<String> all = new ArrayList<>();
        TableResult result = env.executeSql(sql);
        try (CloseableIterator<Row> it = result.collect()) {
            while (all.size() < n && it.hasNext()) {
                all.add(it.next().toString());
            }
        }
        return all;
    }
}
