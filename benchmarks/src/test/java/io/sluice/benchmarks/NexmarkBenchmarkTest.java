package io.sluice.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.benchmarks.NexmarkQueries.Query;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import io.sluice.util.CloseableIterator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every benchmark query (Nexmark q0 to q22) runs on 10,000 generated events in streaming mode, into
 * its sink and collected, gives rows, and gives the same final table at parallelism 1 and 2; the ones
 * Sluice does not run yet fail with the error recorded here.
 */
class NexmarkBenchmarkTest {
    private static final long EVENTS = 10_000;

    @TempDir
    Path workDir;

    private TableEnvironment env(int parallelism) throws Exception {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("parallelism.default", Integer.toString(parallelism));
        NexmarkQueries.declareTables(env, EVENTS, 42, workDir.resolve("p" + parallelism));
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
            if (UNSUPPORTED.containsKey(q.name())) {
                continue;
            }
            NexmarkQueries.declareSink(p1, q, workDir.resolve("p1"));
            NexmarkQueries.declareSink(p2, q, workDir.resolve("p2"));
            p1.executeSql(q.insert()).await();
            p2.executeSql(q.insert()).await();
            List<String> one = collect(p1, q);
            List<String> two = collect(p2, q);
            assertFalse(one.isEmpty(), q.name() + " gives rows");
            if (q == NexmarkQueries.Q12) {
                // processing-time windows: where they cut depends on the wall clock, the bids per bidder do not
                assertEquals(bidsPerBidder(one), bidsPerBidder(two), "q12 at parallelism 1 and 2");
            } else {
                assertEquals(one, two, q.name() + " at parallelism 1 and 2");
            }
        }
    }

    /**
     * Queries that Sluice cannot run yet, with a part of the error it gives; this test fails when one of
     * them starts to work, so that it joins the others.
     */
    private static final Map<String, String> UNSUPPORTED = Map.of(
            // OVER ROWS over the Top-1's updates (Flink 2.3 rejects q6 as well)
            "q6", "not supported yet: an OVER aggregation over an updating input",
            // a processing-time temporal join on a filesystem table (Flink 2.3 rejects it as well)
            "q13", "not supported yet: processing-time temporal join");

    @Test
    void unsupportedQueriesFailWithAClearError() throws Exception {
        TableEnvironment env = env(1);
        for (Map.Entry<String, String> e : UNSUPPORTED.entrySet()) {
            Query q = NexmarkQueries.byName(e.getKey());
            Exception error = assertThrows(Exception.class, () -> {
                NexmarkQueries.declareSink(env, q, workDir.resolve("p1"));
                env.executeSql(q.insert()).await();
            }, q.name());
            assertTrue(String.valueOf(error.getMessage()).contains(e.getValue()), q.name() + ": " + error);
        }
    }

    /** q12's rows ({@code bidder, count, start, end}) summed per bidder. */
    private static Map<String, Long> bidsPerBidder(List<String> rows) {
        Map<String, Long> sums = new TreeMap<>();
        for (String row : rows) {
            String[] fields = row.substring(row.indexOf('[') + 1, row.lastIndexOf(']')).split(", ");
            sums.merge(fields[0], Long.parseLong(fields[1]), Long::sum);
        }
        return sums;
    }

    @Test
    void countCharCountsOneCharacter() {
        CountChar f = new CountChar();
        assertEquals(3L, f.eval("cabcac", "c"));
        assertEquals(0L, f.eval("abc", ""));
        assertEquals(null, f.eval(null, "c"));
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
