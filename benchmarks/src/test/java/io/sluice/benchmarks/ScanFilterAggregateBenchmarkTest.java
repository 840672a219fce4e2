package io.sluice.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.benchmarks.memory.MemoryReplay;
import io.sluice.runtime.data.RowBatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the benchmark's paths at a tiny size and checks they all do the same work. */
class ScanFilterAggregateBenchmarkTest {
    private static final int ROWS = 10_000;

    private BufferAllocator allocator;
    private OrdersDataset data;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        // Batches of 1000 with a partial last one (10,000 = 10 x 1000), 50 keys so every group is big.
        data = OrdersDataset.generate(allocator, ROWS + 7, 1000, 50, 7);
    }

    @AfterEach
    void tearDown() {
        data.close();
        allocator.close();
    }

    @Test
    void engineAndHandWrittenLoopGiveTheSameGroups() throws Exception {
        List<GroupResult> hand = HandWrittenAggregation.run(data.batches());
        List<GroupResult> reference = naiveAggregation(data.batches());
        assertEquals(reference, hand, "hand-written loop vs row-by-row reference");
        assertEquals(50, hand.size());
        try (EnginePath engine = new EnginePath(data)) {
            assertEquals(hand, engine.collectAggregate(false), "engine with copying source");
            assertEquals(hand, engine.collectAggregate(true), "engine with zero-copy source");
            // The timed INSERT INTO blackhole paths run and release everything they allocate.
            engine.runAggregate();
            engine.runAggregateShared();
            engine.runCalc();
            engine.runScan();
            engine.runScanIdentityCalc();
        }
    }

    @Test
    void calcKernelKeepsTheRowsTheFilterAccepts() {
        long expected = 0;
        for (RowBatch b : data.batches()) {
            IntVector qty = (IntVector) b.vector(OrdersDataset.QTY);
            VarCharVector channel = (VarCharVector) b.vector(OrdersDataset.CHANNEL);
            for (int i = 0; i < b.rowCount(); i++) {
                if (qty.get(i) > 5 && !new String(channel.get(i)).equals("x")) {
                    expected++;
                }
            }
        }
        assertTrue(expected > ROWS / 4 && expected < ROWS / 2, "selectivity near 3/8: " + expected);
        assertEquals(expected, new CalcKernelPath().run(data.batches(), allocator));
    }

    @Test
    void replayCopiesEveryRow() throws Exception {
        int[] fields = {OrdersDataset.KEY, OrdersDataset.CHANNEL};
        assertEquals(data.rowCount(), MemoryReplay.replay(OrdersDataset.TYPE, data.batches(), fields, allocator));
    }

    /** The query evaluated row by row with boxed values, as an independent reference. */
    private static List<GroupResult> naiveAggregation(List<RowBatch> batches) {
        Map<Integer, long[]> groups = new HashMap<>(); // count, sum, sum seen, max, max seen
        for (RowBatch b : batches) {
            for (int i = 0; i < b.rowCount(); i++) {
                io.sluice.types.Row row = b.getRow(i);
                Integer key = (Integer) row.getField(OrdersDataset.KEY);
                Long price = (Long) row.getField(OrdersDataset.PRICE);
                Integer qty = (Integer) row.getField(OrdersDataset.QTY);
                String channel = String.valueOf(row.getField(OrdersDataset.CHANNEL));
                if (qty == null || qty <= 5 || channel.equals("x")) {
                    continue;
                }
                long[] g = groups.computeIfAbsent(key, k -> new long[5]);
                g[0]++;
                if (price != null) {
                    g[1] += price * qty;
                    g[2] = 1;
                    g[3] = g[4] == 0 ? price : Math.max(g[3], price);
                    g[4] = 1;
                }
            }
        }
        return groups.entrySet().stream()
                .map(e -> new GroupResult(e.getKey(), e.getValue()[0], e.getValue()[2] == 1 ? e.getValue()[1] : null,
                        e.getValue()[4] == 1 ? e.getValue()[3] : null))
                .sorted(GroupResult.BY_KEY).toList();
    }
}
