package io.sluice.runtime.operator.join;

import static io.sluice.runtime.operator.join.JoinTestSupport.outputType;
import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checkpoint round trips of {@link StreamingJoinOperator}: a random changelog on both inputs is run
 * once uninterrupted and once with the operator snapshotted, closed and restored into a fresh one
 * every few steps; the emitted changelog (row kinds, values and order) and watermarks must be equal.
 */
class StreamingJoinOperatorCheckpointTest {
    private static final RowType L = rowType("k", LogicalType.integer(), "x", LogicalType.integer());
    private static final RowType R = rowType("k", LogicalType.integer(), "y", LogicalType.integer());
    private static final RowType[] TYPES = {L, R};

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Records every emitted row as text with its kind, in order, and every watermark. */
    private static final class RecordingOutput implements Output {
        final List<String> rows = new ArrayList<>();
        final List<Long> watermarks = new ArrayList<>();

        @Override
        public void emit(RowBatch b) {
            try (b) {
                for (int i = 0; i < b.rowCount(); i++) {
                    Row row = b.getRow(i);
                    rows.add(row.toString());
                }
            }
        }

        @Override
        public void emitWatermark(long watermark) {
            watermarks.add(watermark);
        }
    }

    /** One step of the input: a changelog batch on one input, or a watermark when {@code kinds} is null. */
    private record Step(int input, RowKind[] kinds, Object[][] values, long watermark) {
    }

    private static List<Step> randomSteps(Random random, int steps, int keys, int retractOneIn) {
        List<List<Object[]>> held = List.of(new ArrayList<>(), new ArrayList<>());
        List<Step> out = new ArrayList<>();
        long[] watermark = {0, 0};
        for (int s = 0; s < steps; s++) {
            int input = random.nextInt(2);
            if (random.nextInt(8) == 0) {
                watermark[input] += random.nextInt(100);
                out.add(new Step(input, null, null, watermark[input]));
                continue;
            }
            int rows = 1 + random.nextInt(6);
            RowKind[] kinds = new RowKind[rows];
            Object[][] values = new Object[rows][];
            List<Object[]> side = held.get(input);
            for (int i = 0; i < rows; i++) {
                if (!side.isEmpty() && random.nextInt(retractOneIn) == 0) {
                    values[i] = side.remove(random.nextInt(side.size()));
                    kinds[i] = random.nextBoolean() ? RowKind.DELETE : RowKind.UPDATE_BEFORE;
                } else {
                    Object key = random.nextInt(6) == 0 ? null : random.nextInt(keys);
                    values[i] = new Object[] {key, random.nextInt(5)};
                    kinds[i] = random.nextBoolean() ? RowKind.INSERT : RowKind.UPDATE_AFTER;
                    side.add(values[i]);
                }
            }
            out.add(new Step(input, kinds, values, 0));
        }
        return out;
    }

    private StreamingJoinOperator open(JoinType type, GeneratedClass<BatchPredicate> residual, boolean nullSafe,
            int batchSize, Output out) {
        StreamingJoinOperator op = new StreamingJoinOperator(type, L, R, new int[] {0}, new int[] {0},
                new boolean[] {nullSafe}, residual, outputType(type, L, R));
        op.open(TestBatches.context(allocator, batchSize), out);
        return op;
    }

    private void apply(StreamingJoinOperator op, Step step, Output out) throws Exception {
        if (step.kinds() == null) {
            op.processWatermark(step.input(), step.watermark(), out);
        } else {
            op.processBatch(step.input(), changelog(TYPES[step.input()], step.kinds(), step.values()));
        }
    }

    /** Runs the steps uninterrupted and with a restart every {@code restartEvery} steps; both must agree. */
    private void check(JoinType type, GeneratedClass<BatchPredicate> residual, boolean nullSafe, List<Step> steps,
            int restartEvery, int batchSize) throws Exception {
        RecordingOutput uninterrupted = new RecordingOutput();
        try (StreamingJoinOperator op = open(type, residual, nullSafe, batchSize, uninterrupted)) {
            for (Step step : steps) {
                apply(op, step, uninterrupted);
            }
        }
        RecordingOutput restarted = new RecordingOutput();
        StreamingJoinOperator op = open(type, residual, nullSafe, batchSize, restarted);
        try {
            for (int s = 0; s < steps.size(); s++) {
                if (s % restartEvery == 0) { // s == 0: a snapshot of the empty operator
                    int[] rowsBefore = {op.stateRows(0), op.stateRows(1)};
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    op.snapshotState(new StateWriter(bytes));
                    op.close();
                    op = open(type, residual, nullSafe, batchSize, restarted);
                    op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
                    assertEquals(rowsBefore[0], op.stateRows(0));
                    assertEquals(rowsBefore[1], op.stateRows(1));
                }
                apply(op, steps.get(s), restarted);
            }
        } finally {
            op.close();
        }
        String what = type + " residual=" + (residual != null) + " nullSafe=" + nullSafe;
        assertTrue(!uninterrupted.rows.isEmpty(), what);
        assertEquals(uninterrupted.rows, restarted.rows, what);
        assertEquals(uninterrupted.watermarks, restarted.watermarks, what);
    }

    @Test
    void everyJoinTypeContinuesExactlyWhereTheStateWas() throws Exception {
        for (JoinType type : JoinType.values()) {
            for (boolean withResidual : new boolean[] {false, true}) {
                for (boolean nullSafe : new boolean[] {false, true}) {
                    for (int seed = 0; seed < 4; seed++) {
                        Random random = new Random(seed * 131L + type.ordinal());
                        check(type, withResidual ? IntComparePredicate.lessThan(1, 3) : null, nullSafe,
                                randomSteps(random, 120, 5, 3), 7 + seed * 5, 1 + random.nextInt(8));
                    }
                }
            }
        }
    }

    /** Many retractions make the state compact itself between restarts; a restore compacts as well. */
    @Test
    void longRunsWithCompactionRoundTrip() throws Exception {
        for (JoinType type : JoinType.values()) {
            check(type, IntComparePredicate.lessThan(1, 3), false, randomSteps(new Random(type.ordinal()), 3000, 300, 2),
                    700, 64);
        }
    }

    @Test
    void restartingBeforeEveryStepChangesNothing() throws Exception {
        List<Step> steps = randomSteps(new Random(5), 40, 4, 4);
        check(JoinType.FULL, null, true, steps, 1, 3);
    }

    private RowBatch changelog(RowType type, RowKind[] kinds, Object[][] rows) {
        RowBatch b = batch(allocator, type, rows);
        TinyIntVector k = new TinyIntVector("$row_kind", allocator);
        k.allocateNew(rows.length);
        for (int i = 0; i < rows.length; i++) {
            k.set(i, kinds[i].toByteValue());
        }
        k.setValueCount(rows.length);
        b.setRowKinds(k);
        return b;
    }
}
