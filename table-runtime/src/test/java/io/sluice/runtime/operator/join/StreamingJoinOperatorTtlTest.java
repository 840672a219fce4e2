package io.sluice.runtime.operator.join;

import static io.sluice.runtime.operator.join.JoinTestSupport.outputType;
import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.row;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.join.StreamingJoinOperatorTest.ChangelogOutput;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code table.exec.state.ttl} on {@link StreamingJoinOperator}, driven by a fake processing-time clock. */
class StreamingJoinOperatorTtlTest {
    private static final RowType L = rowType("k", LogicalType.integer(), "lv", LogicalType.string());
    private static final RowType R = rowType("k", LogicalType.integer(), "rv", LogicalType.string());

    private final RootAllocator allocator = new RootAllocator();
    private long time = 1_000;

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private StreamingJoinOperator open(JoinType type, long ttlMillis, ChangelogOutput out) throws Exception {
        StreamingJoinOperator op = new StreamingJoinOperator(type, L, R, new int[] {0}, new int[] {0},
                new boolean[] {false}, null, outputType(type, L, R));
        op.setClock(() -> time);
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, 1024)
                .set(ExecutionOptions.STATE_TTL, Duration.ofMillis(ttlMillis));
        op.open(new OperatorContext("test", allocator, config), out);
        return op;
    }

    private RowBatch deletes(RowType type, Object[]... rows) {
        RowBatch b = batch(allocator, type, rows);
        TinyIntVector kinds = new TinyIntVector("$row_kind", allocator);
        kinds.allocateNew(rows.length);
        for (int i = 0; i < rows.length; i++) {
            kinds.set(i, RowKind.DELETE.toByteValue());
        }
        kinds.setValueCount(rows.length);
        b.setRowKinds(kinds);
        return b;
    }

    @Test
    void anExpiredRowNoLongerMatchesAndItsRetractionIsIgnored() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        try (StreamingJoinOperator op = open(JoinType.INNER, 100, out)) {
            op.processBatch(1, batch(allocator, R, row(1, "r1")));
            time = 1_050;
            op.processBatch(0, batch(allocator, L, row(1, "l1")));
            assertEquals(List.of("+I[1, l1, 1, r1]"), out.drain());
            time = 1_100; // r1 (written at 1000) has expired; l1 (1050) has not
            op.processBatch(0, batch(allocator, L, row(1, "l2")));
            assertEquals(List.of(), out.drain());
            assertEquals(0, op.stateRows(1));
            op.processBatch(1, batch(allocator, R, row(1, "r2")));
            assertEquals(List.of("+I[1, l1, 1, r2]", "+I[1, l2, 1, r2]"), out.drain());
            time = 1_160; // l1 has expired: its retraction is ignored; l2 (1100) has not
            op.processBatch(0, deletes(L, row(1, "l1"), row(1, "l2")));
            assertEquals(List.of("-D[1, l2, 1, r2]"), out.drain());
        }
    }

    @Test
    void anExpiredOuterRowIsNotRetractedWhenAMatchArrives() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        try (StreamingJoinOperator op = open(JoinType.LEFT, 100, out)) {
            op.processBatch(0, batch(allocator, L, row(1, "a"), row(2, "b")));
            assertEquals(List.of("+I[1, a, null, null]", "+I[2, b, null, null]"), out.drain());
            time = 1_090;
            op.processBatch(1, batch(allocator, R, row(2, "y")));
            assertEquals(List.of("-D[2, b, null, null]", "+I[2, b, 2, y]"), out.drain());
            time = 1_150; // a (1000) has expired; b was written at 1090 when its match count changed
            op.processBatch(1, batch(allocator, R, row(1, "x"), row(2, "z")));
            assertEquals(List.of("+I[2, b, 2, z]"), out.drain());
        }
    }

    @Test
    void cleanupReclaimsTheRowsOfKeysNeverSeenAgain() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        try (StreamingJoinOperator op = open(JoinType.INNER, 100, out)) {
            Object[][] rows = new Object[3000][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = row(i, "x".repeat(200) + i);
            }
            op.processBatch(0, batch(allocator, L, rows));
            assertEquals(3000, op.stateRows(0));
            long fullSize = op.stateSizeInBytes();
            time += 100;
            op.processBatch(1, batch(allocator, R, row(-1, "r")));
            assertTrue(op.stateRows(0) > 0 && op.stateRows(0) < 3000, "bounded work per batch: " + op.stateRows(0));
            for (int b = 0; b < 30; b++) {
                op.processBatch(1, batch(allocator, R, row(-1, "r")));
            }
            assertEquals(0, op.stateRows(0));
            assertEquals(31, op.stateRows(1));
            assertTrue(op.stateSizeInBytes() < fullSize / 2, op.stateSizeInBytes() + " vs " + fullSize);
            assertEquals(List.of(), out.drain());
        }
    }

    @Test
    void zeroTtlNeverExpires() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        try (StreamingJoinOperator op = open(JoinType.INNER, 0, out)) {
            op.processBatch(1, batch(allocator, R, row(1, "r1")));
            time += 365L * 24 * 3600 * 1000;
            for (int b = 0; b < 5; b++) {
                op.processBatch(1, batch(allocator, R, row(2, "other")));
            }
            op.processBatch(0, batch(allocator, L, row(1, "l1")));
            assertEquals(List.of("+I[1, l1, 1, r1]"), out.drain());
        }
    }

    @Test
    void snapshotAndRestoreKeepTheWriteTimes() throws Exception {
        ChangelogOutput out = new ChangelogOutput();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (StreamingJoinOperator op = open(JoinType.INNER, 100, out)) {
            op.processBatch(1, batch(allocator, R, row(1, "r1")));
            time = 1_060;
            op.processBatch(1, batch(allocator, R, row(1, "r2")));
            op.snapshotState(new StateWriter(bytes));
        }
        time = 1_120; // r1 (1000) has expired, r2 (1060) has not
        try (StreamingJoinOperator op = open(JoinType.INNER, 100, out)) {
            op.restoreState(new StateReader(new ByteArrayInputStream(bytes.toByteArray())));
            assertEquals(2, op.stateRows(1));
            op.processBatch(0, batch(allocator, L, row(1, "l")));
        }
        assertEquals(List.of("+I[1, l, 1, r2]"), out.drain());
    }
}
