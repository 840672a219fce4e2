package io.sluice.runtime.operator;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.KeyedOperatorTestSupport.Collecting;
import io.sluice.runtime.operator.keys.TestBatches;
import io.sluice.runtime.state.KeyOwnership;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * The inputs of the heap-vs-RocksDB operator tests as a list of {@link Step}s (a batch of one input's rows, with or
 * without row kinds, and/or a watermark), and a {@link Feeder} that feeds them to one operator (collecting what each
 * step emits) or to instances of it, each row to the instance the exchange routes its key to.
 */
public final class OperatorSteps {
    /** A step's watermark when it has none. */
    public static final long NO_WATERMARK = Long.MIN_VALUE;

    private OperatorSteps() {
    }

    /**
     * One step: the {@code rows} of input {@code input} (null for none) with their row {@code kinds} (null: all
     * inserts), then the {@code watermark} (or {@link #NO_WATERMARK}).
     */
    public record Step(int input, Object[][] rows, byte[] kinds, long watermark) {
        /** A batch of input 0's rows, inserts. */
        public static Step rows(Object[][] rows) {
            return new Step(0, rows, null, NO_WATERMARK);
        }

        /** A batch of input {@code input}'s rows, inserts. */
        public static Step rows(int input, Object[][] rows) {
            return new Step(input, rows, null, NO_WATERMARK);
        }

        /** A batch of input {@code input}'s rows with their row kinds. */
        public static Step changelog(int input, Object[][] rows, byte[] kinds) {
            return new Step(input, rows, kinds, NO_WATERMARK);
        }

        /** A batch of input {@code input}'s rows with their row kinds. */
        public static Step changelog(int input, Object[][] rows, RowKind[] kinds) {
            byte[] bytes = new byte[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                bytes[i] = kinds[i].toByteValue();
            }
            return changelog(input, rows, bytes);
        }

        /** A watermark (or, for an operator fed processing time, a time), no rows. */
        public static Step watermark(long watermark) {
            return new Step(0, null, null, watermark);
        }

        /** A batch of input 0's rows, inserts, then a watermark. */
        public static Step rowsThenWatermark(Object[][] rows, long watermark) {
            return new Step(0, rows, null, watermark);
        }

        /** Whether the step has no rows (only a watermark). */
        public boolean isWatermark() {
            return rows == null;
        }

        /** The rows with indexes {@code picked} of this step (and their kinds), and its watermark. */
        Step pick(List<Integer> picked) {
            Object[][] r = new Object[picked.size()][];
            byte[] k = kinds == null ? null : new byte[picked.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = rows[picked.get(i)];
                if (k != null) {
                    k[i] = kinds[picked.get(i)];
                }
            }
            return new Step(input, r, k, watermark);
        }
    }

    /** What a step's watermark does to an operator; by default {@code processWatermark(0, watermark, out)}. */
    @FunctionalInterface
    public interface TimeAdvance {
        void advance(StreamOperator op, long watermark, Output out) throws Exception;
    }

    /** Feeds steps of inputs of the given row types to operators. */
    public static final class Feeder {
        private final BufferAllocator allocator;
        private final RowType[] types;
        private int[][] keyColumns;
        private TimeAdvance time = (op, watermark, out) -> op.processWatermark(0, watermark, out);

        /** A feeder of inputs of {@code types} (input {@code i} has rows of {@code types[i]}), routed by column 0. */
        public Feeder(BufferAllocator allocator, RowType... types) {
            this.allocator = allocator;
            this.types = types.clone();
            this.keyColumns = new int[types.length][];
            for (int i = 0; i < types.length; i++) {
                keyColumns[i] = new int[] {0};
            }
        }

        /** Routes the rows of input {@code i} by the key columns {@code keyColumns[i]}. */
        public Feeder routedBy(int[]... keyColumns) {
            this.keyColumns = keyColumns.clone();
            return this;
        }

        /** Routes the rows of every input by key column {@code keyColumn}. */
        public Feeder routedBy(int keyColumn) {
            for (int i = 0; i < types.length; i++) {
                keyColumns[i] = new int[] {keyColumn};
            }
            return this;
        }

        /** Makes a step's watermark do {@code advance} (a processing-time timer, say) instead. */
        public Feeder onWatermark(TimeAdvance advance) {
            this.time = advance;
            return this;
        }

        /** Feeds one step to {@code op}: its rows as one batch (if any), then its watermark (if any). */
        public void feed(StreamOperator op, Step s, Output out) throws Exception {
            if (s.rows() != null && s.rows().length > 0) {
                RowBatch batch = TestBatches.batch(allocator, types[s.input()], s.rows());
                if (s.kinds() != null) {
                    TinyIntVector kinds = new TinyIntVector("$row_kind", allocator);
                    kinds.allocateNew(s.rows().length);
                    for (int i = 0; i < s.rows().length; i++) {
                        kinds.set(i, s.kinds()[i]);
                    }
                    kinds.setValueCount(s.rows().length);
                    batch.setRowKinds(kinds);
                }
                op.processBatch(s.input(), batch);
            }
            if (s.watermark() != NO_WATERMARK) {
                time.advance(op, s.watermark(), out);
            }
        }

        /**
         * Feeds the steps to instances {@code ops}: each row to the instance the exchange routes its key to (a step's
         * rows to one instance keep their order), each watermark to every instance.
         */
        public void feedRouted(List<? extends StreamOperator> ops, List<Step> steps, Output out) throws Exception {
            for (Step s : steps) {
                if (s.isWatermark()) {
                    for (StreamOperator op : ops) {
                        feed(op, s, out);
                    }
                    continue;
                }
                List<List<Integer>> perTarget = route(s, ops.size());
                for (int t = 0; t < ops.size(); t++) {
                    feed(ops.get(t), s.pick(perTarget.get(t)), out);
                }
            }
        }

        /** The indexes of a step's rows by the instance of {@code parallelism} their key is routed to. */
        private List<List<Integer>> route(Step s, int parallelism) {
            List<List<Integer>> perTarget = new ArrayList<>();
            for (int t = 0; t < parallelism; t++) {
                perTarget.add(new ArrayList<>());
            }
            if (s.rows().length == 0) {
                return perTarget;
            }
            int[] columns = keyColumns[s.input()];
            try (RowBatch all = TestBatches.batch(allocator, types[s.input()], s.rows())) {
                FieldVector[] key = new FieldVector[columns.length];
                for (int c = 0; c < columns.length; c++) {
                    key[c] = all.vector(columns[c]);
                }
                for (int r = 0; r < s.rows().length; r++) {
                    perTarget.get(KeyOwnership.hashTarget(KeyOwnership.keyHash(key, r), parallelism)).add(r);
                }
            }
            return perTarget;
        }

        /**
         * Feeds the steps to {@code op}, then ends each of its {@code inputs} inputs; returns what {@code out}
         * collected after each step and each end of input (sorted, see {@link Collecting#drain}).
         */
        public List<List<String>> run(StreamOperator op, List<Step> steps, Collecting out, int inputs)
                throws Exception {
            List<List<String>> perStep = new ArrayList<>();
            for (Step s : steps) {
                feed(op, s, out);
                perStep.add(out.drain());
            }
            for (int input = 0; input < inputs; input++) {
                op.endInput(input);
                perStep.add(out.drain());
            }
            return perStep;
        }
    }
}
