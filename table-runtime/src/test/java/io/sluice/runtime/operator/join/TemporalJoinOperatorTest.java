package io.sluice.runtime.operator.join;

import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TemporalJoinOperatorTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final RowType L = rowType("k", LogicalType.integer(), "lv", LogicalType.integer(),
            "lt", LogicalType.timestamp(3));
    private static final RowType R = rowType("k", LogicalType.integer(), "rv", LogicalType.integer(),
            "rt", LogicalType.timestamp(3));

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** Minute {@code m} after T0 as the epoch millis a watermark carries. */
    private static long minute(int m) {
        return T0.plusMinutes(m).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
    }

    private static String t(int m) {
        return T0.plusMinutes(m).toString();
    }

    /** Drives one operator; rows are {@code kind, key, value, minute} quadruples. */
    private final class Harness implements AutoCloseable {
        final TemporalJoinOperator op;
        final StreamingJoinOperatorTest.ChangelogOutput out = new StreamingJoinOperatorTest.ChangelogOutput();

        Harness(JoinType type, GeneratedClass<BatchPredicate> residual) throws Exception {
            op = new TemporalJoinOperator(type, L, R, new int[] {0}, new int[] {0}, 2, 2, residual,
                    JoinTestSupport.outputType(type, L, R));
            op.open(TestBatches.context(allocator, 4), out);
        }

        void send(int input, Object... quads) throws Exception {
            RowType type = input == 0 ? L : R;
            int n = quads.length / 4;
            RowBatch b = RowBatch.allocate(type, allocator, n);
            TinyIntVector kinds = new TinyIntVector("$row_kind", allocator);
            kinds.allocateNew(n);
            for (int i = 0; i < n; i++) {
                kinds.set(i, kind((String) quads[4 * i]));
                VectorValues.set(type.type(0), b.vector(0), i, quads[4 * i + 1]);
                VectorValues.set(type.type(1), b.vector(1), i, quads[4 * i + 2]);
                Object m = quads[4 * i + 3];
                VectorValues.set(type.type(2), b.vector(2), i, m == null ? null : T0.plusMinutes((Integer) m));
            }
            kinds.setValueCount(n);
            b.setRowCount(n);
            b.setRowKinds(kinds);
            op.processBatch(input, b);
        }

        private byte kind(String shortString) {
            for (RowKind k : RowKind.values()) {
                if (k.shortString().equals(shortString)) {
                    return k.toByteValue();
                }
            }
            throw new IllegalArgumentException(shortString);
        }

        void watermark(int m) throws Exception {
            op.processWatermark(0, minute(m), out);
            op.processWatermark(1, minute(m), out);
        }

        @Override
        public void close() {
            op.close();
        }
    }

    @Test
    void leftRowsJoinTheVersionValidAtTheirTimeOnceTheWatermarkPassesThem() throws Exception {
        try (Harness h = new Harness(JoinType.LEFT, null)) {
            h.send(1, "+I", 1, 100, 10, "+I", 1, 200, 20);
            h.send(0, "+I", 1, 1, 5, "+I", 1, 2, 10, "+I", 1, 3, 15, "+I", 1, 4, 25, "+I", 2, 5, 12);
            assertEquals(List.of(), h.out.drain(), "nothing before the watermark");
            h.watermark(12);
            assertEquals(List.of("+I[1, 1, " + t(5) + ", null, null, null]",
                    "+I[1, 2, " + t(10) + ", 1, 100, " + t(10) + "]",
                    "+I[2, 5, " + t(12) + ", null, null, null]"), h.out.drain());
            assertEquals(List.of(minute(12)), h.out.watermarks);
            h.watermark(30);
            assertEquals(List.of("+I[1, 3, " + t(15) + ", 1, 100, " + t(10) + "]",
                    "+I[1, 4, " + t(25) + ", 1, 200, " + t(20) + "]"), h.out.drain());
            assertEquals(0, h.op.pendingLeftRows());
        }
    }

    @Test
    void versionsOlderThanTheWatermarkArePrunedKeepingTheLatestOne() throws Exception {
        try (Harness h = new Harness(JoinType.INNER, null)) {
            h.send(1, "+I", 1, 100, 10, "+I", 1, 200, 20, "+I", 1, 300, 30, "+I", 2, 7, 5);
            assertEquals(4, h.op.versionRows());
            h.watermark(25);
            assertEquals(3, h.op.versionRows(), "key 1 keeps @20 (latest at or before 25) and @30; key 2 keeps @5");
            h.send(0, "+I", 1, 1, 26, "+I", 2, 2, 40);
            h.watermark(40);
            assertEquals(List.of("+I[1, 1, " + t(26) + ", 1, 200, " + t(20) + "]",
                    "+I[2, 2, " + t(40) + ", 2, 7, " + t(5) + "]"), h.out.drain());
            assertEquals(2, h.op.versionRows(), "one version per key");
            // a deletion ends the version: rows from its time on have no match, and the key's state empties
            h.send(1, "-D", 1, 300, 50);
            h.send(0, "+I", 1, 3, 45, "+I", 1, 4, 50);
            h.watermark(60);
            assertEquals(List.of("+I[1, 3, " + t(45) + ", 1, 300, " + t(30) + "]"), h.out.drain());
            assertEquals(1, h.op.versionRows(), "key 1's deleted version is gone");
        }
    }

    @Test
    void updateBeforeIsIgnoredAndUpdateAfterStartsANewVersion() throws Exception {
        try (Harness h = new Harness(JoinType.INNER, null)) {
            h.send(1, "+I", 1, 100, 10, "-U", 1, 100, 10, "+U", 1, 200, 20);
            h.send(0, "+I", 1, 1, 15, "-D", 1, 2, 25, "+I", 1, 3, null);
            h.watermark(30);
            assertEquals(List.of("+I[1, 1, " + t(15) + ", 1, 100, " + t(10) + "]",
                    "-D[1, 2, " + t(25) + ", 1, 200, " + t(20) + "]"), h.out.drain(),
                    "a left row keeps its kind; an INNER join drops a NULL time");
        }
    }

    @Test
    void residualConditionIsCheckedOnTheValidVersionOnly() throws Exception {
        try (Harness h = new Harness(JoinType.LEFT, IntComparePredicate.lessThan(1, 4))) {
            h.send(1, "+I", 1, 100, 10, "+I", 1, 5, 20);
            h.send(0, "+I", 1, 50, 15, "+I", 1, 50, 25);
            h.watermark(30);
            assertEquals(List.of("+I[1, 50, " + t(15) + ", 1, 100, " + t(10) + "]",
                    "+I[1, 50, " + t(25) + ", null, null, null]"), h.out.drain());
        }
    }

    @Test
    void restoredStateGivesTheSameResults() throws Exception {
        byte[] snapshot;
        try (Harness h = new Harness(JoinType.LEFT, null)) {
            h.send(1, "+I", 1, 100, 10, "+I", 1, 200, 20, "+I", 2, 7, 5);
            h.send(0, "+I", 1, 1, 15, "+I", 3, 2, 16);
            h.watermark(12);
            h.out.drain();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StateWriter w = new StateWriter(bytes);
            h.op.snapshotState(w);
            w.flush();
            snapshot = bytes.toByteArray();
        }
        try (Harness h = new Harness(JoinType.LEFT, null)) {
            h.op.restoreState(new StateReader(new ByteArrayInputStream(snapshot)));
            assertEquals(2, h.op.pendingLeftRows());
            h.send(0, "+I", 2, 3, 21);
            h.op.endInput(0);
            h.op.endInput(1);
            assertEquals(List.of("+I[1, 1, " + t(15) + ", 1, 100, " + t(10) + "]",
                    "+I[3, 2, " + t(16) + ", null, null, null]",
                    "+I[2, 3, " + t(21) + ", 2, 7, " + t(5) + "]"), h.out.drain());
        }
    }
}
