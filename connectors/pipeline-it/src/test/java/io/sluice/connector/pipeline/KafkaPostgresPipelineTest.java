package io.sluice.connector.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.connector.jdbc.PostgresCluster;
import io.sluice.connector.kafka.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline of issue "Connectors to real systems" as a Flink user writes it, run unchanged by the
 * {@code sluice-sql} client in script mode ({@code -f}): a Kafka source with a watermark; a tumbling-window
 * aggregate into an upsert-kafka topic (exactly-once); a lookup join against a PostgreSQL dimension table and a
 * GROUP BY into a PostgreSQL table through the jdbc sink (upsert). One run is killed ({@code kill -9}) after a
 * checkpoint and the script is started again from the latest checkpoint, while more orders arrive; its results
 * must equal those of an uninterrupted run and the results computed here by hand: nothing lost, nothing twice (a
 * {@code read_committed} consumer sees each window once).
 */
@ExtendWith(PostgresCluster.class)
class KafkaPostgresPipelineTest {
    /** Orders, one per second of event time, alternating over the topic's two partitions. */
    private static final int ORDERS = 1200;
    private static final int FIRST_PHASE = 600;
    private static final String[] CATEGORIES = {"books", "games", "books", "music"};

    private static EmbeddedKafka kafka;
    private final PostgresCluster.Server pg = PostgresCluster.get();

    @TempDir
    Path tmp;

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

    private static int product(int order) {
        return order % 4 + 1;
    }

    private static int amount(int order) {
        return order % 7 + 1;
    }

    private static void produceOrders(int from, int to) {
        List<String[]> even = new ArrayList<>();
        List<String[]> odd = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String json = String.format("{\"order_id\":%d,\"product_id\":%d,\"amount\":%d,\"ts\":\"2024-01-01 %02d:%02d:%02d\"}",
                    i, product(i), amount(i), i / 3600, i / 60 % 60, i % 60);
            (i % 2 == 0 ? even : odd).add(new String[] {String.valueOf(i), json});
        }
        kafka.produce("orders", 0, null, even);
        kafka.produce("orders", 1, null, odd);
    }

    /** The script, with the names of this run's outputs and, for a restore, the checkpoint to start from. */
    private Path script(String run, Path checkpoints, String restoreFrom) throws Exception {
        String bootstrap = kafka.bootstrap();
        String url = pg.jdbcUrl();
        String sql = String.join("\n",
                "-- orders from Kafka, totals to upsert-kafka and PostgreSQL; a lookup join reads the products",
                "SET 'execution.checkpointing.interval' = '300 ms';",
                "SET 'execution.checkpointing.dir' = '" + checkpoints + "';",
                restoreFrom == null ? "" : "SET 'execution.savepoint.path' = '" + restoreFrom + "';",
                "SET 'pipeline.auto-watermark-interval' = '20 ms';",
                "SET 'table.dml-sync' = 'true';",
                "",
                "CREATE TABLE orders (",
                "  order_id BIGINT,",
                "  product_id INT,",
                "  amount INT,",
                "  ts TIMESTAMP(3),",
                "  proc_time AS PROCTIME(),",
                "  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND",
                ") WITH (",
                "  'connector' = 'kafka',",
                "  'topic' = 'orders',",
                "  'properties.bootstrap.servers' = '" + bootstrap + "',",
                "  'properties.group.id' = 'pipeline-" + run + "',",
                "  'scan.startup.mode' = 'earliest-offset',",
                "  'format' = 'json'",
                ");",
                "",
                "CREATE TABLE products (",
                "  id INT,",
                "  category STRING,",
                "  PRIMARY KEY (id) NOT ENFORCED",
                ") WITH (",
                "  'connector' = 'jdbc',",
                "  'url' = '" + url + "',",
                "  'table-name' = 'products',",
                "  'username' = 'postgres',",
                "  'lookup.cache' = 'PARTIAL',",
                "  'lookup.partial-cache.max-rows' = '100',",
                "  'lookup.max-retries' = '3'",
                ");",
                "",
                "CREATE TABLE window_totals (",
                "  window_start TIMESTAMP(3),",
                "  window_end TIMESTAMP(3),",
                "  orders BIGINT,",
                "  amount BIGINT,",
                "  PRIMARY KEY (window_start, window_end) NOT ENFORCED",
                ") WITH (",
                "  'connector' = 'upsert-kafka',",
                "  'topic' = 'window_totals_" + run + "',",
                "  'properties.bootstrap.servers' = '" + bootstrap + "',",
                "  'key.format' = 'json',",
                "  'value.format' = 'json',",
                "  'sink.delivery-guarantee' = 'exactly-once',",
                "  'sink.transactional-id-prefix' = 'pipeline-" + run + "'",
                ");",
                "",
                "CREATE TABLE category_totals (",
                "  category STRING,",
                "  orders BIGINT,",
                "  amount BIGINT,",
                "  PRIMARY KEY (category) NOT ENFORCED",
                ") WITH (",
                "  'connector' = 'jdbc',",
                "  'url' = '" + url + "',",
                "  'table-name' = 'category_totals_" + run + "',",
                "  'username' = 'postgres',",
                "  'sink.buffer-flush.max-rows' = '50',",
                "  'sink.buffer-flush.interval' = '100 ms'",
                ");",
                "",
                "EXECUTE STATEMENT SET BEGIN",
                "INSERT INTO window_totals",
                "SELECT window_start, window_end, COUNT(*), SUM(amount)",
                "FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND))",
                "GROUP BY window_start, window_end;",
                "INSERT INTO category_totals",
                "SELECT p.category, COUNT(*), SUM(o.amount)",
                "FROM orders AS o",
                "JOIN products FOR SYSTEM_TIME AS OF o.proc_time AS p ON o.product_id = p.id",
                "GROUP BY p.category;",
                "END;",
                "");
        Path file = tmp.resolve(run + (restoreFrom == null ? "" : "-restored") + ".sql");
        Files.writeString(file, sql, StandardCharsets.UTF_8);
        return file;
    }

    // ------------------------------------------------------------------ expected results

    /** Window start second -> "orders,amount" for every window the final watermark closes. */
    private static Map<Integer, String> expectedWindows() {
        return expectedWindows(ORDERS);
    }

    /** The windows closed once the first {@code orders} orders are read. */
    private static Map<Integer, String> expectedWindows(int orders) {
        Map<Integer, long[]> sums = new TreeMap<>();
        for (int i = 0; i < orders; i++) {
            long[] s = sums.computeIfAbsent(i / 10 * 10, k -> new long[2]);
            s[0]++;
            s[1] += amount(i);
        }
        // the watermark is the minimum over the two partitions: the one whose last order is orders - 2, minus 1 s
        long watermarkMillis = (orders - 2) * 1000L - 1000;
        Map<Integer, String> fired = new TreeMap<>();
        sums.forEach((start, s) -> {
            if ((start + 10) * 1000L - 1 <= watermarkMillis) {
                fired.put(start, s[0] + "," + s[1]);
            }
        });
        return fired;
    }

    private static List<String> expectedCategories() {
        Map<String, long[]> sums = new TreeMap<>();
        for (int i = 0; i < ORDERS; i++) {
            long[] s = sums.computeIfAbsent(CATEGORIES[product(i) - 1], k -> new long[2]);
            s[0]++;
            s[1] += amount(i);
        }
        List<String> rows = new ArrayList<>();
        sums.forEach((c, s) -> rows.add(c + ", " + s[0] + ", " + s[1]));
        return rows;
    }

    // ------------------------------------------------------------------ observed results

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The committed records of a run's upsert-kafka topic as "start second->orders,amount", in topic order. */
    private static List<String> committedWindows(String run) throws Exception {
        List<String> all = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll("window_totals_" + run, "read_committed")) {
            String windowStart = JSON.readTree(r.key()).get("window_start").asText(); // yyyy-MM-dd HH:mm:ss[.SSS]
            int start = java.time.LocalTime.parse(windowStart.substring(11, 19)).toSecondOfDay();
            if (r.value() == null) {
                all.add(start + "->deleted");
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode v = JSON.readTree(r.value());
            all.add(start + "->" + v.get("orders").asLong() + "," + v.get("amount").asLong());
        }
        return all;
    }

    private List<String> categories(String run) throws Exception {
        return pg.query("SELECT category, orders, amount FROM category_totals_" + run + " ORDER BY category");
    }

    private long categoryOrders(String run) throws Exception {
        List<String> n = pg.query("SELECT COALESCE(SUM(orders), 0) FROM category_totals_" + run);
        return Long.parseLong(n.get(0));
    }

    private static void await(String what, ScriptProcess process, Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!condition.call()) {
            if (!process.isAlive()) {
                throw new AssertionError("the script ended before " + what + ":\n" + process.output());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; script output:\n" + process.output());
            }
            Thread.sleep(50);
        }
    }

    private static long checkpointId(Optional<Path> checkpoint) {
        return checkpoint.map(p -> Long.parseLong(p.getFileName().toString().substring(4))).orElse(-1L);
    }

    private static Optional<Path> latestCheckpoint(Path checkpoints) throws Exception {
        if (!Files.isDirectory(checkpoints)) {
            return Optional.empty();
        }
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> s = Files.walk(checkpoints, 2)) {
                return s.filter(p -> p.getFileName().toString().matches("chk-\\d+") && Files.isDirectory(p))
                        .max(java.util.Comparator.comparingLong(
                                p -> Long.parseLong(p.getFileName().toString().substring(4))));
            } catch (java.io.UncheckedIOException e) {
                // the running script removed a checkpoint beyond the retained ones while we walked: look again
                if (!(e.getCause() instanceof java.nio.file.NoSuchFileException) || attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    /** Runs the script until both outputs hold every result, then stops it. */
    private void runToCompletion(String run, Path checkpoints, String restoreFrom) throws Exception {
        int windows = expectedWindows().size();
        try (ScriptProcess p = ScriptProcess.start(script(run, checkpoints, restoreFrom))) {
            await("all results of run " + run, p, () -> categoryOrders(run) == ORDERS
                    && committedWindows(run).size() >= windows);
            Thread.sleep(1000); // a few more checkpoints: a duplicate would show now
        }
    }

    private void createTables(String... runs) throws Exception {
        pg.execute("DROP TABLE IF EXISTS products", "CREATE TABLE products (id INT PRIMARY KEY, category TEXT)",
                "INSERT INTO products VALUES (1, 'books'), (2, 'games'), (3, 'books'), (4, 'music')");
        for (String run : runs) {
            pg.execute("DROP TABLE IF EXISTS category_totals_" + run, "CREATE TABLE category_totals_" + run
                    + " (category TEXT PRIMARY KEY, orders BIGINT, amount BIGINT)");
            kafka.createTopic("window_totals_" + run, 1);
        }
    }

    @Test
    @Timeout(300)
    void aScriptKilledAndRestoredFromItsLatestCheckpointGivesTheResultsOfAnUninterruptedRun() throws Exception {
        kafka.createTopic("orders", 2);
        createTables("killed", "straight");
        produceOrders(0, FIRST_PHASE);

        // run 1: killed (SIGKILL) after it has processed the first orders and taken checkpoints since. (It is not
        // killed while rows are in flight: a kill between a checkpoint and the commit of its Kafka transaction
        // loses that transaction, a known gap of the exactly-once sink; see docs/connectors-kafka.md.)
        Path checkpoints = tmp.resolve("checkpoints-killed");
        int firstWindows = expectedWindows(FIRST_PHASE).size();
        try (ScriptProcess first = ScriptProcess.start(script("killed", checkpoints, null))) {
            await("the first orders processed", first, () -> categoryOrders("killed") == FIRST_PHASE
                    && committedWindows("killed").size() == firstWindows);
            long seen = checkpointId(latestCheckpoint(checkpoints));
            await("two more checkpoints", first, () -> checkpointId(latestCheckpoint(checkpoints)) >= seen + 2);
            first.kill();
        }
        assertEquals(FIRST_PHASE, categoryOrders("killed"));
        produceOrders(FIRST_PHASE, ORDERS); // more orders arrive while the job is down
        Path restoreFrom = latestCheckpoint(checkpoints).orElseThrow();

        // run 2: the same script, restored from the latest checkpoint of run 1
        runToCompletion("killed", checkpoints, restoreFrom.toString());
        // the reference: the same script, uninterrupted, over the same orders
        runToCompletion("straight", tmp.resolve("checkpoints-straight"), null);

        List<String> expectedWindows = new ArrayList<>();
        expectedWindows().forEach((start, v) -> expectedWindows.add(start + "->" + v));
        List<String> straight = committedWindows("straight");
        List<String> restored = committedWindows("killed");
        straight.sort(null);
        restored.sort(null);
        assertEquals(expectedWindows.stream().sorted().toList(), straight, "the uninterrupted run: every window once");
        assertEquals(straight, restored, "killed and restored: every window once, as in the uninterrupted run");

        assertEquals(expectedCategories(), categories("straight"));
        assertEquals(categories("straight"), categories("killed"));
    }
}
