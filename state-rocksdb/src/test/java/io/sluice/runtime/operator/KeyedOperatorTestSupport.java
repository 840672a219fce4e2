package io.sluice.runtime.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.state.CheckpointedOperator;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.state.RescalableOperator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.state.keyed.StateOptions;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Scaffolding shared by the tests that run a keyed operator once with its state on the heap ({@code hashmap}) and
 * once in RocksDB and compare what they emit: the collecting output, the operator context for a state backend,
 * snapshots to bytes and back, and restoring a run's instances at another parallelism. {@link OperatorSteps} holds
 * their inputs as steps and feeds them, to one instance or routed by key to several.
 */
public final class KeyedOperatorTestSupport {
    /** The (parallelism before, parallelism after) pairs a snapshot is restored at. */
    public static final int[][] SCALES = {{1, 1}, {2, 1}, {1, 2}, {2, 3}};

    private KeyedOperatorTestSupport() {
    }

    /** Opens the instance {@code subtask} of {@code parallelism} instances of the operator under test. */
    @FunctionalInterface
    public interface Opener<T extends StreamOperator> {
        T open(int subtask, int parallelism) throws Exception;
    }

    /** Collects emitted rows as strings, and watermarks as {@code "watermark <time>"}. */
    public static final class Collecting implements Output {
        public final List<String> rows = new ArrayList<>();

        @Override
        public void emit(RowBatch b) {
            try (b) {
                for (int i = 0; i < b.rowCount(); i++) {
                    rows.add(b.getRow(i).toString());
                }
            }
        }

        @Override
        public void emitWatermark(long watermark) {
            rows.add("watermark " + watermark);
        }

        /** The rows collected since the last call, sorted (a firing's rows may come in another order). */
        public List<String> drain() {
            List<String> drained = new ArrayList<>(rows);
            rows.clear();
            Collections.sort(drained);
            return drained;
        }
    }

    /** The TIMESTAMP(3) value of epoch milliseconds {@code millis}. */
    public static LocalDateTime ts(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    /** The context of instance {@code subtask} of {@code parallelism}, keeping its state in {@code backend}. */
    public static OperatorContext context(String name, BufferAllocator allocator, String backend, int batchSize,
            int subtask, int parallelism) {
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, batchSize)
                .set(StateOptions.BACKEND_TYPE, backend);
        return new OperatorContext(name, allocator, config, OperatorMetrics.detached(name), subtask, parallelism);
    }

    /** The operator's state as {@link CheckpointedOperator#snapshotState} writes it. */
    public static byte[] snapshot(CheckpointedOperator op) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StateWriter w = new StateWriter(bytes);
        op.snapshotState(w);
        w.flush();
        return bytes.toByteArray();
    }

    /** A reader of each snapshot. */
    public static List<StateReader> readers(List<byte[]> snapshots) {
        List<StateReader> readers = new ArrayList<>();
        for (byte[] b : snapshots) {
            readers.add(new StateReader(new ByteArrayInputStream(b)));
        }
        return readers;
    }

    /** The rows without the watermarks, sorted. */
    public static List<String> withoutWatermarks(List<String> rows) {
        List<String> kept = new ArrayList<>(rows);
        kept.removeIf(r -> r.startsWith("watermark"));
        Collections.sort(kept);
        return kept;
    }

    /** The rows of every step of a run, without the watermarks, sorted. */
    public static List<String> allRowsWithoutWatermarks(List<List<String>> perStep) {
        List<String> all = new ArrayList<>();
        perStep.forEach(all::addAll);
        return withoutWatermarks(all);
    }

    /** How many rows (not watermarks) the steps of a run emitted. */
    public static long rowCount(List<List<String>> perStep) {
        return perStep.stream().flatMap(List::stream).filter(r -> !r.startsWith("watermark")).count();
    }

    /** Fails naming the first step whose rows differ (the whole lists are too long to read). */
    public static void assertSameSteps(List<List<String>> expected, List<List<String>> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": steps");
        for (int s = 0; s < expected.size(); s++) {
            assertEquals(expected.get(s), actual.get(s), what + ": step " + s);
        }
    }

    /** Opens {@code parallelism} instances. */
    public static <T extends StreamOperator> List<T> openInstances(int parallelism, Opener<T> opener)
            throws Exception {
        List<T> ops = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            ops.add(opener.open(i, parallelism));
        }
        return ops;
    }

    /**
     * Snapshots and closes the instances {@code before}, then opens {@code parallelism} instances and restores them
     * from those snapshots: from the one snapshot when the parallelism stays 1, else each keeping the keys (columns
     * {@code keyColumns} of each input) it owns at the new parallelism.
     */
    public static <T extends StreamOperator> List<T> snapshotAndRestore(List<T> before, int parallelism,
            Opener<T> opener, int[][] keyColumns) throws Exception {
        List<byte[]> snapshots = new ArrayList<>();
        for (T op : before) {
            snapshots.add(snapshot((CheckpointedOperator) op));
            op.close();
        }
        List<T> after = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            T op = opener.open(i, parallelism);
            RescalableOperator restored = (RescalableOperator) op;
            if (before.size() == 1 && parallelism == 1) {
                restored.restoreState(readers(snapshots).get(0));
            } else {
                restored.restoreRescaled(readers(snapshots), parallelism == 1 ? KeyOwnership.all(keyColumns)
                        : KeyOwnership.hash(i, parallelism, keyColumns));
            }
            after.add(op);
        }
        return after;
    }

    /** Ends each of the {@code inputs} inputs of every instance, then closes it. */
    public static void endAndClose(List<? extends StreamOperator> ops, int inputs) throws Exception {
        for (StreamOperator op : ops) {
            for (int input = 0; input < inputs; input++) {
                op.endInput(input);
            }
            op.close();
        }
    }

    /** Asserts that {@code op} refuses {@code state}, a snapshot taken under the other kind of state backend. */
    public static void assertRestoreRefused(CheckpointedOperator op, byte[] state) {
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> op.restoreState(readers(List.of(state)).get(0)));
        assertTrue(e.getMessage().contains("state.backend.type"), e.getMessage());
    }
}
