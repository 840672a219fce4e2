package io.sluice.runtime.operator.match;

import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.operator.keys.TestBatches.CollectingOutput;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator with hand-written kernels in place of generated ones: PARTITION BY k ORDER BY t, PATTERN (A B*? C),
 * A and C AS p < 3, B AS p >= 3, MEASURES FIRST(A.t), LAST(C.t), COUNT(B.p).
 */
class MatchRecognizeOperatorTest {
    private static final RowType IN = rowType("k", LogicalType.integer(), "t", LogicalType.timestamp(3),
            "p", LogicalType.bigint());
    private static final RowType NAV = rowType("p", LogicalType.bigint());
    private static final RowType OUT = rowType("k", LogicalType.integer(), "first_a", LogicalType.timestamp(3),
            "last_c", LogicalType.timestamp(3), "b_count", LogicalType.bigint());

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** p < 3 over column 0 of the navigation row. */
    public static final class Small implements BatchPredicate {
        public Small(Object[] references) {
        }

        @Override
        public int filter(VectorSchemaRoot input, int rowCount, int[] selection) {
            BigIntVector p = (BigIntVector) input.getVector(0);
            int n = 0;
            for (int i = 0; i < rowCount; i++) {
                if (!p.isNull(i) && p.get(i) < 3) {
                    selection[n++] = i;
                }
            }
            return n;
        }
    }

    /** p >= 3 over column 0 of the navigation row. */
    public static final class Big implements BatchPredicate {
        public Big(Object[] references) {
        }

        @Override
        public int filter(VectorSchemaRoot input, int rowCount, int[] selection) {
            BigIntVector p = (BigIntVector) input.getVector(0);
            int n = 0;
            for (int i = 0; i < rowCount; i++) {
                if (!p.isNull(i) && p.get(i) >= 3) {
                    selection[n++] = i;
                }
            }
            return n;
        }
    }

    /** Copies every input column to the output column of the same position. */
    public static final class Identity implements BatchCalc {
        public Identity(Object[] references) {
        }

        @Override
        public int process(VectorSchemaRoot input, int rowCount, ValueVector[] outputs) {
            for (int c = 0; c < outputs.length; c++) {
                for (int i = 0; i < rowCount; i++) {
                    ((FieldVector) outputs[c]).copyFromSafe(i, i, input.getVector(c));
                }
            }
            return rowCount;
        }
    }

    private static DefineCondition condition(int element, Class<? extends BatchPredicate> kernel) {
        return new DefineCondition(List.of(new Navigation(Navigation.Kind.PREV, element, 2, 0, LogicalType.bigint())),
                NAV, new GeneratedClass<>(kernel.getSimpleName(), "", kernel, new Object[0]));
    }

    private static MatchRecognizeOperator operator(long within) {
        return operator(within, true, () -> 0L);
    }

    private static MatchRecognizeOperator operator(long within, boolean rowtime,
            java.util.function.LongSupplier clock) {
        List<Navigation> measures = List.of(
                new Navigation(Navigation.Kind.LAST, -1, 0, 0, LogicalType.integer()),
                new Navigation(Navigation.Kind.FIRST, 0, 1, 0, LogicalType.timestamp(3)),
                new Navigation(Navigation.Kind.LAST, 2, 1, 0, LogicalType.timestamp(3)),
                new Navigation(Navigation.Kind.COUNT, 1, 2, 0, LogicalType.bigint()));
        MatchSpec spec = new MatchSpec(IN, new int[] {0}, 1, rowtime, new int[0], new boolean[0],
                List.of(new PatternElement("A", 1, 1, true), new PatternElement("B", 0, -1, false),
                        new PatternElement("C", 1, 1, true)),
                AfterMatchSkip.pastLastRow(), within, null, IN,
                List.of(condition(0, Small.class), condition(1, Big.class), condition(2, Small.class)),
                measures, OUT, new GeneratedClass<>("Identity", "", Identity.class, new Object[0]), OUT,
                List.of());
        return new MatchRecognizeOperator(spec, clock);
    }

    private MatchRecognizeOperator open(MatchRecognizeOperator op, CollectingOutput out) {
        op.open(TestBatches.context(allocator, 4), out);
        return op;
    }

    private static LocalDateTime t(long millis) {
        return LocalDateTime.ofEpochSecond(millis / 1000, (int) (millis % 1000) * 1_000_000, ZoneOffset.UTC);
    }

    private static List<String> rows(CollectingOutput out) {
        List<String> result = new ArrayList<>();
        for (List<Object> r : out.rows) {
            result.add(r.toString());
        }
        result.sort(Comparator.naturalOrder());
        return result;
    }

    @Test
    void rowsAreSortedByTimeBeforeMatchingAndLateRowsAreDropped() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (MatchRecognizeOperator op = open(operator(0), out)) {
            // Arrival order 3, 1, 2 (times): sorted it is A(1) B(5) C(2).
            op.processBatch(0, batch(allocator, IN, row(1, t(3000), 2L), row(1, t(1000), 1L), row(1, t(2000), 5L)));
            assertEquals(List.of(), rows(out));
            op.processWatermark(0, 3000, out);
            assertEquals(List.of("[1, " + t(1000) + ", " + t(3000) + ", 1]"), rows(out));
            assertEquals(List.of(3000L), out.watermarks);
            // A row at the watermark is late.
            op.processBatch(0, batch(allocator, IN, row(1, t(3000), 1L), row(1, t(4000), 1L)));
            assertEquals(1, op.lateRowsDropped());
            op.processBatch(0, batch(allocator, IN, row(1, t(6000), 1L)));
            op.endInput(0);
            assertEquals(2, out.rows.size());
            assertEquals(0, op.stateRows());
        }
    }

    @Test
    void withinDropsPartialMatchesWhenTheWatermarkPassesTheBound() throws Exception {
        CollectingOutput out = new CollectingOutput();
        try (MatchRecognizeOperator op = open(operator(5000), out)) {
            op.processBatch(0, batch(allocator, IN, row(1, t(1000), 1L), row(1, t(2000), 5L)));
            op.processWatermark(0, 2000, out);
            assertEquals(2, op.stateRows());
            op.processWatermark(0, 6000, out); // 6000 - 1000 >= 5000: the partial match A B is gone
            assertEquals(0, op.stateRows());
            op.processBatch(0, batch(allocator, IN, row(1, t(7000), 1L)));
            op.endInput(0);
            assertEquals(List.of(), rows(out));
        }
    }

    @Test
    void processingTimePartialMatchesExpireByTheClock() throws Exception {
        long[] now = {1000};
        CollectingOutput out = new CollectingOutput();
        try (MatchRecognizeOperator op = open(operator(5000, false, () -> now[0]), out)) {
            assertTrue(op.wantsProcessingTime());
            // Rows are matched as they arrive (their time is their processing time).
            op.processBatch(0, batch(allocator, IN, row(1, t(1000), 1L), row(1, t(2000), 5L)));
            assertEquals(2, op.stateRows());
            now[0] = 5999;
            op.onProcessingTime(now[0], out);
            assertEquals(2, op.stateRows());
            now[0] = 6000;
            op.onProcessingTime(now[0], out);
            assertEquals(0, op.stateRows());
            op.processBatch(0, batch(allocator, IN, row(1, t(6000), 2L), row(1, t(6001), 1L)));
            assertEquals(List.of("[1, " + t(6000) + ", " + t(6001) + ", 0]"), rows(out));
        }
    }

    /** A random run, once straight through and once snapshotted and restored after every step. */
    @Test
    void checkpointRestoreGivesTheSameOutput() throws Exception {
        Random random = new Random(7);
        List<Object[][]> steps = new ArrayList<>();
        long time = 0;
        for (int s = 0; s < 80; s++) {
            if (random.nextInt(4) == 0) {
                steps.add(null); // a watermark
                continue;
            }
            Object[][] rows = new Object[1 + random.nextInt(4)][];
            for (int i = 0; i < rows.length; i++) {
                time += 100;
                rows[i] = row(random.nextInt(3), t(time + random.nextInt(400)), (long) random.nextInt(6));
            }
            steps.add(rows);
        }
        CollectingOutput straight = new CollectingOutput();
        long[] lateStraight = new long[1];
        try (MatchRecognizeOperator op = open(operator(3000), straight)) {
            long wm = 0;
            for (Object[][] step : steps) {
                wm = apply(op, step, wm, straight);
            }
            op.endInput(0);
            lateStraight[0] = op.lateRowsDropped();
        }
        CollectingOutput restored = new CollectingOutput();
        MatchRecognizeOperator op = open(operator(3000), restored);
        try {
            long wm = 0;
            for (Object[][] step : steps) {
                wm = apply(op, step, wm, restored);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                StateWriter writer = new StateWriter(bytes);
                op.snapshotState(writer);
                writer.flush();
                op.close();
                op = open(operator(3000), restored);
                op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            }
            op.endInput(0);
            assertEquals(lateStraight[0], op.lateRowsDropped());
        } finally {
            op.close();
        }
        assertEquals(rows(straight), rows(restored));
        assertEquals(straight.watermarks, restored.watermarks);
        assertTrue(straight.rows.size() > 10, "matches: " + straight.rows.size());
    }

    private long apply(MatchRecognizeOperator op, Object[][] step, long watermark, CollectingOutput out)
            throws Exception {
        if (step == null) {
            long wm = watermark + 300;
            op.processWatermark(0, wm, out);
            return wm;
        }
        op.processBatch(0, batch(allocator, IN, step));
        return watermark;
    }
}
