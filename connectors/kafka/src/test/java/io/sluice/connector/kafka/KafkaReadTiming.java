package io.sluice.connector.kafka;

import io.sluice.table.api.TableEnvironment;
import java.util.ArrayList;
import java.util.List;

/** Manual timing of a bounded read of many small records (not a test): {@code main} prints rows per second. */
final class KafkaReadTiming {
    private KafkaReadTiming() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        try (EmbeddedKafka kafka = new EmbeddedKafka()) {
            kafka.createTopic("timing", 1);
            List<String[]> records = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                records.add(new String[] {null, i + ",name" + i + "," + (i * 0.5) + ",2024-01-01 00:00:00"});
            }
            kafka.produce("timing", 0, null, records);
            for (String format : List.of("csv", "csv")) {
                TableEnvironment env = TableEnvironment.create(io.sluice.table.api.EnvironmentSettings.inBatchMode());
                env.executeSql("CREATE TABLE t (id BIGINT, name STRING, v DOUBLE, ts TIMESTAMP(3)) WITH ("
                        + "'connector' = 'kafka', 'topic' = 'timing', 'properties.bootstrap.servers' = '"
                        + kafka.bootstrap() + "', 'format' = '" + format + "', 'scan.startup.mode' = 'earliest-offset',"
                        + " 'scan.bounded.mode' = 'latest-offset')");
                long start = System.nanoTime();
                List<String> rows = KafkaTestBase.rows(env, "SELECT COUNT(*), SUM(id) FROM t");
                double secs = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s: %s in %.2f s = %.0f rows/s%n", format, rows, secs, n / secs);
            }
        }
    }
}
