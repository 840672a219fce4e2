package io.sluice.runtime.operator.join;

import static io.sluice.runtime.operator.join.JoinTestSupport.outputType;
import static io.sluice.runtime.operator.keys.TestBatches.batch;
import static io.sluice.runtime.operator.keys.TestBatches.rowType;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.checkpoint.StateFileOutput;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateSnapshot;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.Row;
import io.sluice.types.RowKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asynchronous snapshots of the heap {@link StreamingJoinOperator}: a snapshot frozen at a barrier and written only
 * after the operator went on (inserting, retracting, compacting its row vectors, growing its key table) holds the
 * state at the barrier, byte for byte what a synchronous snapshot at the barrier wrote, also when streamed into a
 * checkpoint file; restored, the operator goes on exactly as the uninterrupted one; no Arrow memory leaks.
 */
class StreamingJoinAsyncSnapshotTest {
    private static final RowType L = rowType("k", LogicalType.integer(), "x", LogicalType.varchar(Integer.MAX_VALUE));
    private static final RowType R = rowType("k", LogicalType.integer(), "y", LogicalType.varchar(Integer.MAX_VALUE));
    private static final RowType[] TYPES = {L, R};

    @TempDir
    Path dir;

    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close(); // fails on a leak (a frozen slice not released)
    }

    private static final class RecordingOutput implements Output {
        final List<String> rows = new ArrayList<>();

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
        }
    }

    private record Step(int input, RowKind[] kinds, Object[][] values) {
    }

    /** Inserts and many retractions (so the sides compact), over {@code keys} keys (so the key table grows). */
    private static List<Step> steps(Random random, int count, int keys) {
        List<List<Object[]>> held = List.of(new ArrayList<>(), new ArrayList<>());
        List<Step> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            int input = random.nextInt(2);
            int rows = 1 + random.nextInt(40);
            RowKind[] kinds = new RowKind[rows];
            Object[][] values = new Object[rows][];
            List<Object[]> side = held.get(input);
            for (int i = 0; i < rows; i++) {
                if (side.size() > 20 && random.nextInt(2) == 0) {
                    values[i] = side.remove(random.nextInt(side.size()));
                    kinds[i] = RowKind.DELETE;
                } else {
                    Object key = random.nextInt(10) == 0 ? null : random.nextInt(keys);
                    values[i] = new Object[] {key, "v" + random.nextInt(1000) + "-".repeat(random.nextInt(30))};
                    kinds[i] = RowKind.INSERT;
                    side.add(values[i]);
                }
            }
            out.add(new Step(input, kinds, values));
        }
        return out;
    }

    private StreamingJoinOperator open(JoinType type, Output out) {
        StreamingJoinOperator op = new StreamingJoinOperator(type, L, R, new int[] {0}, new int[] {0},
                new boolean[] {false}, null, outputType(type, L, R));
        op.open(TestBatches.context(allocator, 16), out);
        return op;
    }

    private void apply(StreamingJoinOperator op, Step step) throws Exception {
        RowBatch b = batch(allocator, TYPES[step.input()], step.values());
        TinyIntVector k = new TinyIntVector("$row_kind", allocator);
        k.allocateNew(step.kinds().length);
        for (int i = 0; i < step.kinds().length; i++) {
            k.set(i, step.kinds()[i].toByteValue());
        }
        k.setValueCount(step.kinds().length);
        b.setRowKinds(k);
        op.processBatch(step.input(), b);
    }

    private static byte[] syncSnapshot(StreamingJoinOperator op) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter out = new StateWriter(bytes);
        op.snapshotState(out);
        out.flush();
        return bytes.toByteArray();
    }

    @Test
    void aSnapshotWrittenLaterHoldsTheStateAtTheBarrier() throws Exception {
        for (JoinType type : new JoinType[] {JoinType.INNER, JoinType.FULL, JoinType.SEMI}) {
            List<Step> steps = steps(new Random(type.ordinal()), 600, 400);
            int barrier = 250;
            RecordingOutput uninterrupted = new RecordingOutput();
            try (StreamingJoinOperator op = open(type, uninterrupted)) {
                for (Step step : steps) {
                    apply(op, step);
                }
            }
            RecordingOutput before = new RecordingOutput();
            byte[] atBarrier;
            byte[] written;
            Path file = dir.resolve(type + ".bin");
            StateFileOutput.Written fileInfo;
            int emittedAtBarrier;
            try (StreamingJoinOperator op = open(type, before)) {
                for (int s = 0; s < barrier; s++) {
                    apply(op, steps.get(s));
                }
                emittedAtBarrier = before.rows.size();
                atBarrier = syncSnapshot(op);
                StateSnapshot frozen = op.snapshotStateAsync();
                StateSnapshot frozenForFile = op.snapshotStateAsync();
                for (int s = barrier; s < steps.size(); s++) { // the operator goes on: inserts, retracts, compacts
                    apply(op, steps.get(s));
                }
                try (frozen) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    StateWriter out = new StateWriter(bytes);
                    frozen.write(out);
                    out.flush();
                    written = bytes.toByteArray();
                }
                try (frozenForFile; StateFileOutput out = new StateFileOutput(file)) {
                    StateWriter writer = new StateWriter(out);
                    frozenForFile.write(writer);
                    writer.flush();
                    fileInfo = out.finish();
                }
                assertTrue(syncSnapshot(op).length != atBarrier.length, "the state changed after the barrier");
            }
            assertArrayEquals(atBarrier, written, type.toString());
            byte[] inFile = Files.readAllBytes(file);
            assertArrayEquals(atBarrier, inFile, type + " (file)");
            CRC32 crc = new CRC32();
            crc.update(inFile);
            assertEquals(new StateFileOutput.Written(inFile.length, crc.getValue()), fileInfo);

            RecordingOutput restored = new RecordingOutput();
            try (StreamingJoinOperator op = open(type, restored)) {
                op.restoreState(new StateReader(new ByteArrayInputStream(written)));
                for (int s = barrier; s < steps.size(); s++) {
                    apply(op, steps.get(s));
                }
            }
            assertEquals(uninterrupted.rows, before.rows, type + ": taking snapshots changed the results");
            assertTrue(emittedAtBarrier > 0 && emittedAtBarrier < uninterrupted.rows.size(), type.toString());
            assertEquals(uninterrupted.rows.subList(emittedAtBarrier, uninterrupted.rows.size()), restored.rows,
                    type + ": the restored operator goes on as the uninterrupted one");
        }
    }
}
