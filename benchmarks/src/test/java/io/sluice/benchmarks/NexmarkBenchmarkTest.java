package io.sluice.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.benchmarks.NexmarkQueries.Query;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark query runs on 10,000 generated events in streaming mode, into its blackhole sink
 * and collected, gives rows, and gives the same final table at parallelism 1 and 2.
 */
class NexmarkBenchmarkTest {
    private static final long EVENTS = 10_000;

    private static TableEnvironment env(int parallelism) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("parallelism.default", Integer.toString(parallelism));
        NexmarkQueries.declareTables(env, EVENTS, 42);
        return env;
    }

    /**
     * The final table of {@code q}'s changelog: +I and +U rows added, -U and -D rows removed (q5's
     * max-per-window is an updating aggregate in Sluice, so its join retracts), sorted.
     */
    private static List<String> collect(TableEnvironment env, Query q) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        try (CloseableIterator<Row> it = env.executeSql(q.select()).collect()) {
            while (it.hasNext()) {
                Row row = it.next();
                RowKind kind = row.getKind();
                Row values = Row.of(fields(row));
                int delta = kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER ? 1 : -1;
                counts.merge(values.toString(), delta, Integer::sum);
            }
        }
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            assertTrue(e.getValue() >= 0, q.name() + " retracts a row it never emitted: " + e.getKey());
            rows.addAll(Collections.nCopies(e.getValue(), e.getKey()));
        }
        return rows;
    }

    private static Object[] fields(Row row) {
        Object[] values = new Object[row.getArity()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getField(i);
        }
        return values;
    }

    @Test
    void everyQueryRunsAndGivesTheSameRowsAtParallelismOneAndTwo() throws Exception {
        TableEnvironment p1 = env(1);
        TableEnvironment p2 = env(2);
        for (Query q : NexmarkQueries.ALL) {
            p1.executeSql(q.insert()).await();
            p2.executeSql(q.insert()).await();
            List<String> one = collect(p1, q);
            List<String> two = collect(p2, q);
            assertFalse(one.isEmpty(), q.name() + " gives rows");
            assertEquals(one, two, q.name() + " at parallelism 1 and 2");
        }
    }

    @Test
    void filterQueryKeepsExactlyTheMatchingBids() throws Exception {
        TableEnvironment env = env(1);
        long bids = 0;
        long matching = 0;
        try (CloseableIterator<Row> it = env.executeSql("SELECT auction FROM bid").collect()) {
            while (it.hasNext()) {
                bids++;
                if ((Long) it.next().getField(0) % 123 == 0) {
                    matching++;
                }
            }
        }
        assertEquals(NexmarkQueries.tableRows(io.sluice.benchmarks.nexmark.NexmarkTable.BID, EVENTS), bids);
        assertEquals(matching, collect(env, NexmarkQueries.Q2).size());
    }
}
