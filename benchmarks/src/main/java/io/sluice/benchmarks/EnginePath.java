package io.sluice.benchmarks;

import io.sluice.benchmarks.memory.MemoryDatasets;
import io.sluice.benchmarks.memory.MemoryTableSourceFactory;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated path: the real engine (parser, planner, Janino-generated Calc, HashAggregateOperator,
 * local executor) running the benchmark query in batch mode over an {@link OrdersDataset} replayed by
 * the {@code 'bench-memory'} connector. Each run plans and executes the statement anew, as a user's
 * {@code executeSql} would; compiled classes come from the code generator's cache after the first run.
 */
public final class EnginePath implements AutoCloseable {
    /** The benchmark query; the hand-written loop implements exactly this. */
    public static final String QUERY = "SELECT key, COUNT(*) AS cnt, SUM(price * qty) AS revenue, "
            + "MAX(price) AS max_price FROM orders WHERE qty > 5 AND channel <> 'x' GROUP BY key";
    /** Only the filter and projection of {@link #QUERY}, for the breakdown. */
    public static final String CALC_QUERY =
            "SELECT key, price * qty AS revenue, price FROM orders WHERE qty > 5 AND channel <> 'x'";

    private final String datasetName;
    private final TableEnvironment env;

    /** Registers {@code dataset} under a fresh name and declares the tables used by the runs. */
    public EnginePath(OrdersDataset dataset) {
        this.datasetName = "orders-" + System.identityHashCode(dataset);
        MemoryDatasets.register(datasetName, OrdersDataset.TYPE, dataset.batches());
        env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.executeSql("CREATE TABLE orders (id BIGINT, key INT, price BIGINT, qty INT, channel STRING) WITH ("
                + "'connector' = '" + MemoryTableSourceFactory.IDENTIFIER + "', 'dataset' = '" + datasetName + "')");
        env.executeSql("CREATE TABLE orders_shared (id BIGINT, key INT, price BIGINT, qty INT, channel STRING) WITH ("
                + "'connector' = '" + MemoryTableSourceFactory.IDENTIFIER + "', 'dataset' = '" + datasetName + "', "
                + "'replay' = 'share')");
        env.executeSql("CREATE TABLE agg_sink (key INT, cnt BIGINT, revenue BIGINT, max_price BIGINT) "
                + "WITH ('connector' = 'blackhole')");
        env.executeSql("CREATE TABLE calc_sink (key INT, revenue BIGINT, price BIGINT) "
                + "WITH ('connector' = 'blackhole')");
        env.executeSql("CREATE TABLE scan4_sink (key INT, price BIGINT, qty INT, channel STRING) "
                + "WITH ('connector' = 'blackhole')");
        env.executeSql("CREATE TABLE scan_sink (id BIGINT, key INT, price BIGINT, qty INT, channel STRING) "
                + "WITH ('connector' = 'blackhole')");
    }

    /** The table environment, e.g. for EXPLAIN. */
    public TableEnvironment env() {
        return env;
    }

    /** Runs {@link #QUERY} into a blackhole sink and waits for it to end; the source copies the batches. */
    public void runAggregate() throws Exception {
        insertInto("agg_sink", QUERY);
    }

    /** Like {@link #runAggregate()} but the source hands over zero-copy views of the dataset's vectors. */
    public void runAggregateShared() throws Exception {
        insertInto("agg_sink", QUERY.replace("FROM orders", "FROM orders_shared"));
    }

    /** Runs only the filter and projection ({@link #CALC_QUERY}) into a blackhole sink. */
    public void runCalc() throws Exception {
        insertInto("calc_sink", CALC_QUERY);
    }

    /** Only replays (copies) all five columns into a blackhole sink: the plan has no Calc. */
    public void runScan() throws Exception {
        insertInto("scan_sink", "SELECT * FROM orders");
    }

    /**
     * Replays the four columns the query reads into a blackhole sink; the plan keeps an identity Calc
     * (a per-row copy of every column) between scan and sink.
     */
    public void runScanIdentityCalc() throws Exception {
        insertInto("scan4_sink", "SELECT key, price, qty, channel FROM orders");
    }

    private void insertInto(String sink, String query) throws Exception {
        TableResult result = env.executeSql("INSERT INTO " + sink + " " + query);
        result.await();
    }

    /** Runs {@link #QUERY} and collects its rows, ordered by key; {@code shared} reads zero-copy. */
    public List<GroupResult> collectAggregate(boolean shared) throws Exception {
        List<GroupResult> out = new ArrayList<>();
        String query = shared ? QUERY.replace("FROM orders", "FROM orders_shared") : QUERY;
        try (CloseableIterator<Row> it = env.executeSql(query).collect()) {
            while (it.hasNext()) {
                Row r = it.next();
                out.add(new GroupResult((Integer) r.getField(0), ((Number) r.getField(1)).longValue(),
                        (Long) r.getField(2), (Long) r.getField(3)));
            }
        }
        out.sort(GroupResult.BY_KEY);
        return out;
    }

    @Override
    public void close() {
        MemoryDatasets.unregister(datasetName);
    }
}
