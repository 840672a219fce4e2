package io.sluice.benchmarks;

import io.sluice.connector.jdbc.PostgresCluster;
import io.sluice.connector.kafka.EmbeddedKafka;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Connector throughput against the real systems, at parallelism 1: a Kafka broker (KRaft, started in this JVM
 * from Kafka's own artifacts, on loopback) and a PostgreSQL server (a throwaway cluster from the distribution's
 * package, started by the jdbc tests' {@code pg-test-cluster} script).
 *
 * <ul>
 *   <li><b>Kafka source -> filter -> Kafka sink</b>: {@code events} csv records (written before the timing) are
 *       read from the earliest to the latest offset, half are kept by a WHERE clause, and written as csv to another
 *       topic (at-least-once, flushed at the end). Events/s = input records / wall-clock seconds of the INSERT
 *       job (planning included).</li>
 *   <li><b>JDBC upsert</b>: {@code rows} rows from the datagen connector (unthrottled), keys drawn from
 *       {@code keys} values, upserted into a PostgreSQL table with a primary key ({@code INSERT ... ON CONFLICT
 *       DO UPDATE}). Rows/s = rows / wall-clock seconds of the job.</li>
 * </ul>
 *
 * <p>Each measurement runs {@code runs} times (after one warm-up run); the median and the range are printed.
 * Arguments: {@code [events] [rows] [keys] [runs]}, defaults 1,000,000, 300,000, 100,000 and 3.
 */
public final class KafkaJdbcBenchmark {
    private KafkaJdbcBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 300_000L;
        long keys = args.length > 2 ? Long.parseLong(args[2]) : 100_000L;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (EmbeddedKafka kafka = new EmbeddedKafka(); PostgresCluster.Server pg = PostgresCluster.Server.start()) {
            kafka.createTopic("events", 1);
            produce(kafka.bootstrap(), events);
            double[] kafkaRates = new double[runs];
            for (int i = -1; i < runs; i++) {
                String out = "filtered_" + (i + 1);
                kafka.createTopic(out, 1);
                double seconds = kafkaFilter(kafka.bootstrap(), out);
                long written = kafka.values(out, "read_uncommitted").size();
                if (written != events / 2) {
                    throw new IllegalStateException("the filter wrote " + written + " records, not " + events / 2);
                }
                if (i >= 0) {
                    kafkaRates[i] = events / seconds;
                }
                System.out.printf("kafka -> filter -> kafka, run %d: %d events in %.2f s = %,.0f events/s%n", i + 1,
                        events, seconds, events / seconds);
            }
            double[] jdbcRates = new double[runs];
            for (int i = -1; i < runs; i++) {
                pg.execute("DROP TABLE IF EXISTS upserts", "CREATE TABLE upserts (k BIGINT PRIMARY KEY, v BIGINT,"
                        + " s TEXT)");
                double seconds = jdbcUpsert(pg.jdbcUrl(), rows, keys);
                long distinct = Long.parseLong(pg.query("SELECT COUNT(*) FROM upserts").get(0));
                if (distinct == 0 || distinct > keys) {
                    throw new IllegalStateException("the upsert sink left " + distinct + " rows");
                }
                if (i >= 0) {
                    jdbcRates[i] = rows / seconds;
                }
                System.out.printf("datagen -> jdbc upsert, run %d: %d rows (%d keys) in %.2f s = %,.0f rows/s%n",
                        i + 1, rows, distinct, seconds, rows / seconds);
            }
            System.out.println();
            System.out.printf("RESULT kafka source -> filter -> kafka sink, p=1: median %,.0f events/s (range %,.0f"
                    + " - %,.0f), %d events%n", median(kafkaRates), min(kafkaRates), max(kafkaRates), events);
            System.out.printf("RESULT jdbc upsert into PostgreSQL, p=1: median %,.0f rows/s (range %,.0f - %,.0f),"
                    + " %d rows over %d keys%n", median(jdbcRates), min(jdbcRates), max(jdbcRates), rows, keys);
        }
    }

    /** {@code n} csv records {@code id,user,amount,ts} (about 40 bytes each). */
    private static void produce(String bootstrap, long n) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("linger.ms", "20");
        p.put("batch.size", "262144");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < n; i++) {
                String v = i + "," + (i % 1000) + "," + (i % 100) + ",2024-01-01 00:" + String.format("%02d:%02d",
                        i / 60 % 60, i % 60);
                producer.send(new ProducerRecord<>("events", v.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private static double kafkaFilter(String bootstrap, String out) throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        String servers = "'properties.bootstrap.servers' = '" + bootstrap + "'";
        env.executeSql("CREATE TABLE events (id BIGINT, usr INT, amount INT, ts TIMESTAMP(3)) WITH ('connector' ="
                + " 'kafka', 'topic' = 'events', " + servers + ", 'scan.startup.mode' = 'earliest-offset',"
                + " 'scan.bounded.mode' = 'latest-offset', 'format' = 'csv')");
        env.executeSql("CREATE TABLE filtered (id BIGINT, usr INT, amount INT, ts TIMESTAMP(3)) WITH ('connector' ="
                + " 'kafka', 'topic' = '" + out + "', " + servers + ", 'format' = 'csv')");
        long start = System.nanoTime();
        env.executeSql("INSERT INTO filtered SELECT id, usr, amount, ts FROM events WHERE amount % 2 = 0").await();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double jdbcUpsert(String url, long rows, long keys) throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE gen (k BIGINT, v BIGINT, s STRING) WITH ('connector' = 'datagen',"
                + " 'number-of-rows' = '" + rows + "', 'rows-per-second' = '1000000000', 'fields.k.min' = '1',"
                + " 'fields.k.max' = '" + keys + "', 'fields.s.length' = '12')");
        env.executeSql("CREATE TABLE upserts (k BIGINT, v BIGINT, s STRING, PRIMARY KEY (k) NOT ENFORCED) WITH ("
                + "'connector' = 'jdbc', 'url' = '" + url + "', 'table-name' = 'upserts', 'username' = 'postgres')");
        long start = System.nanoTime();
        env.executeSql("INSERT INTO upserts SELECT k, v, s FROM gen").await();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
