package io.sluice.runtime.operator.over;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.sort.ColumnComparator;
import io.sluice.runtime.state.StateReader;
import io.sluice.runtime.state.StateRemap;
import io.sluice.runtime.state.StateWriter;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.util.TransferPair;

/**
 * The state of one aggregate over frames that start at UNBOUNDED PRECEDING, for every partition of a
 * streaming OVER aggregation: the aggregate of all rows of the partition emitted so far, in primitive
 * arrays (or one Arrow vector) indexed by partition slot. Rows only ever enter such a frame, so no
 * retraction is needed and no row is kept.
 *
 * <p>Per firing the operator calls {@link #bind} with the vectors of the rows it fires, then
 * {@link #add} and {@link #write} per row, then {@link #endFiring}. NULL arguments are ignored; an
 * empty aggregate is NULL (COUNT and SUM0: 0), as for {@link FrameAggregate}.
 */
abstract class RunningAggregate implements AutoCloseable {
    final int argField;

    RunningAggregate(int argField) {
        this.argField = argField;
    }

    /** The running aggregate for {@code spec} (COUNT, SUM, SUM0, AVG, MIN, MAX, FIRST_VALUE, LAST_VALUE). */
    static RunningAggregate create(OverFunctionSpec spec, LogicalType[] inputTypes, BufferAllocator allocator) {
        OverFunctionKind kind = spec.kind();
        if (kind == OverFunctionKind.COUNT) {
            return new Count(spec.argCount() == 0 ? -1 : spec.argField(0));
        }
        if (spec.argCount() != 1) {
            throw new IllegalArgumentException(kind + " takes one argument: " + spec);
        }
        int field = spec.argField(0);
        LogicalType argType = inputTypes[field];
        TypeRoot root = argType.root();
        switch (kind) {
            case SUM:
            case SUM0:
            case AVG:
                if (root == TypeRoot.FLOAT || root == TypeRoot.DOUBLE) {
                    return new DoubleSum(kind, field, root == TypeRoot.FLOAT);
                }
                if (root == TypeRoot.DECIMAL) {
                    return new DecimalSum(kind, field, argType.scale());
                }
                if (root.isIntegral() || root == TypeRoot.INTERVAL_DAY_TIME || root == TypeRoot.INTERVAL_YEAR_MONTH) {
                    return new LongSum(kind, field);
                }
                throw new UnsupportedFeatureException(kind + " over " + argType + " in an OVER window");
            case MIN:
            case MAX:
            case FIRST_VALUE:
            case LAST_VALUE:
                return new Extreme(kind, field, argType, allocator);
            default:
                throw new IllegalArgumentException("not an aggregate: " + kind);
        }
    }

    /** Makes room for partition slots {@code 0 .. slots-1}; new slots start empty. */
    abstract void ensureCapacity(int slots);

    /** The input vectors that {@link #add} reads rows of, until the next call. */
    abstract void bind(ValueVector[] inputs);

    /** Row {@code row} of the bound vectors entered the frame of partition {@code slot}. */
    abstract void add(int slot, int row);

    /** Writes partition {@code slot}'s current result at {@code outRow}. */
    abstract void write(int slot, ResultColumn out, int outRow);

    /** The firing is over: the bound vectors are about to be released. */
    void endFiring(int slots) {
    }

    /** Writes the state of slots {@code 0 .. slots-1}. */
    abstract void snapshot(StateWriter out, int slots) throws IOException;

    /**
     * Writes the state of slot {@code slot} alone, in the form {@link #snapshot} gives one slot (read back into any
     * slot with {@link #restoreRemapped}): the state of one partition kept in a keyed-state backend. Kinds that do not
     * override it cannot keep their state in a backend yet.
     */
    void snapshotSlot(StateWriter out, int slot) throws IOException {
        throw new io.sluice.table.api.UnsupportedFeatureException("this OVER aggregate function"
                + " with its state in a keyed-state backend (state.backend.type rocksdb)");
    }

    /** Reads what {@link #snapshot} wrote, after {@code ensureCapacity(slots)}. */
    abstract void restore(StateReader in, int slots) throws IOException;

    /**
     * Reads what {@link #snapshot} wrote for {@code target.length} slots (another instance's state, restored at
     * another parallelism): slot {@code s} of the snapshot becomes slot {@code target[s]}, or is skipped when that is
     * negative. Targets that are kept increase with {@code s}; {@code ensureCapacity} covers them.
     */
    abstract void restoreRemapped(StateReader in, int[] target) throws IOException;

    @Override
    public void close() {
    }

    static int grow(int current, int needed) {
        return Math.max(needed, Math.max(16, current + (current >> 1)));
    }

    /** COUNT(*) ({@code argField < 0}) or COUNT(x). */
    static final class Count extends RunningAggregate {
        private long[] counts = new long[0];
        private ValueVector arg;

        Count(int argField) {
            super(argField);
        }

        @Override
        void ensureCapacity(int slots) {
            if (counts.length < slots) {
                counts = java.util.Arrays.copyOf(counts, grow(counts.length, slots));
            }
        }

        @Override
        void bind(ValueVector[] inputs) {
            arg = argField < 0 ? null : inputs[argField];
        }

        @Override
        void add(int slot, int row) {
            if (arg == null || !arg.isNull(row)) {
                counts[slot]++;
            }
        }

        @Override
        void write(int slot, ResultColumn out, int outRow) {
            out.setLong(outRow, counts[slot]);
        }

        @Override
        void snapshot(StateWriter out, int slots) throws IOException {
            out.writeLongs(counts, slots);
        }

        @Override
        void snapshotSlot(StateWriter out, int slot) throws IOException {
            out.writeLongs(new long[] {counts[slot]}, 1);
        }

        @Override
        void restore(StateReader in, int slots) throws IOException {
            System.arraycopy(in.readLongs(), 0, counts, 0, slots);
        }

        @Override
        void restoreRemapped(StateReader in, int[] target) throws IOException {
            StateRemap.copy(in.readLongs(), target, counts);
        }
    }

    /** SUM / SUM0 / AVG of integral and interval values: a wrapping 64-bit sum and a count. */
    static final class LongSum extends RunningAggregate {
        private final boolean sum0;
        private final boolean avg;
        private long[] sums = new long[0];
        private long[] counts = new long[0];
        private BaseFixedWidthVector arg;
        private int width;

        LongSum(OverFunctionKind kind, int argField) {
            super(argField);
            this.sum0 = kind == OverFunctionKind.SUM0;
            this.avg = kind == OverFunctionKind.AVG;
        }

        @Override
        void ensureCapacity(int slots) {
            if (sums.length < slots) {
                int n = grow(sums.length, slots);
                sums = java.util.Arrays.copyOf(sums, n);
                counts = java.util.Arrays.copyOf(counts, n);
            }
        }

        @Override
        void bind(ValueVector[] inputs) {
            arg = (BaseFixedWidthVector) inputs[argField];
            width = arg.getTypeWidth();
        }

        @Override
        void add(int slot, int row) {
            if (!arg.isNull(row)) {
                sums[slot] += OverValues.readLong(arg.getDataBuffer(), width, row);
                counts[slot]++;
            }
        }

        @Override
        void write(int slot, ResultColumn out, int outRow) {
            SumAggregates.writeLongSum(out, outRow, sums[slot], counts[slot], sum0, avg);
        }

        @Override
        void snapshot(StateWriter out, int slots) throws IOException {
            out.writeLongs(sums, slots);
            out.writeLongs(counts, slots);
        }

        @Override
        void snapshotSlot(StateWriter out, int slot) throws IOException {
            out.writeLongs(new long[] {sums[slot]}, 1);
            out.writeLongs(new long[] {counts[slot]}, 1);
        }

        @Override
        void restore(StateReader in, int slots) throws IOException {
            System.arraycopy(in.readLongs(), 0, sums, 0, slots);
            System.arraycopy(in.readLongs(), 0, counts, 0, slots);
        }

        @Override
        void restoreRemapped(StateReader in, int[] target) throws IOException {
            StateRemap.copy(in.readLongs(), target, sums);
            StateRemap.copy(in.readLongs(), target, counts);
        }
    }

    /** SUM / SUM0 / AVG of FLOAT and DOUBLE values, summed in arrival order. */
    static final class DoubleSum extends RunningAggregate {
        private final boolean sum0;
        private final boolean avg;
        private final boolean isFloat;
        private double[] sums = new double[0];
        private long[] counts = new long[0];
        private ValueVector arg;

        DoubleSum(OverFunctionKind kind, int argField, boolean isFloat) {
            super(argField);
            this.sum0 = kind == OverFunctionKind.SUM0;
            this.avg = kind == OverFunctionKind.AVG;
            this.isFloat = isFloat;
        }

        @Override
        void ensureCapacity(int slots) {
            if (sums.length < slots) {
                int n = grow(sums.length, slots);
                sums = java.util.Arrays.copyOf(sums, n);
                counts = java.util.Arrays.copyOf(counts, n);
            }
        }

        @Override
        void bind(ValueVector[] inputs) {
            arg = inputs[argField];
        }

        @Override
        void add(int slot, int row) {
            if (!arg.isNull(row)) {
                ArrowBuf data = arg.getDataBuffer();
                sums[slot] += isFloat ? Float4Vector.get(data, row) : Float8Vector.get(data, row);
                counts[slot]++;
            }
        }

        @Override
        void write(int slot, ResultColumn out, int outRow) {
            SumAggregates.writeDoubleSum(out, outRow, sums[slot], counts[slot], sum0, avg);
        }

        @Override
        void snapshot(StateWriter out, int slots) throws IOException {
            out.writeDoubles(sums, slots);
            out.writeLongs(counts, slots);
        }

        @Override
        void snapshotSlot(StateWriter out, int slot) throws IOException {
            out.writeDoubles(new double[] {sums[slot]}, 1);
            out.writeLongs(new long[] {counts[slot]}, 1);
        }

        @Override
        void restore(StateReader in, int slots) throws IOException {
            System.arraycopy(in.readDoubles(), 0, sums, 0, slots);
            System.arraycopy(in.readLongs(), 0, counts, 0, slots);
        }

        @Override
        void restoreRemapped(StateReader in, int[] target) throws IOException {
            StateRemap.copy(in.readDoubles(), target, sums);
            StateRemap.copy(in.readLongs(), target, counts);
        }
    }

    /** SUM / SUM0 / AVG of DECIMAL values: an exact 128-bit unscaled sum at the argument's scale. */
    static final class DecimalSum extends RunningAggregate {
        private final boolean sum0;
        private final boolean avg;
        private final int scale;
        private long[] highs = new long[0];
        private long[] lows = new long[0];
        private long[] counts = new long[0];
        private DecimalVector arg;

        DecimalSum(OverFunctionKind kind, int argField, int scale) {
            super(argField);
            this.sum0 = kind == OverFunctionKind.SUM0;
            this.avg = kind == OverFunctionKind.AVG;
            this.scale = scale;
        }

        @Override
        void ensureCapacity(int slots) {
            if (highs.length < slots) {
                int n = grow(highs.length, slots);
                highs = java.util.Arrays.copyOf(highs, n);
                lows = java.util.Arrays.copyOf(lows, n);
                counts = java.util.Arrays.copyOf(counts, n);
            }
        }

        @Override
        void bind(ValueVector[] inputs) {
            arg = (DecimalVector) inputs[argField];
        }

        @Override
        void add(int slot, int row) {
            if (!arg.isNull(row)) {
                ArrowBuf data = arg.getDataBuffer();
                long low = lows[slot];
                long l = low + OverValues.decimalLow(data, row);
                highs[slot] += OverValues.decimalHigh(data, row) + (Long.compareUnsigned(l, low) < 0 ? 1 : 0);
                lows[slot] = l;
                counts[slot]++;
            }
        }

        @Override
        void write(int slot, ResultColumn out, int outRow) {
            long count = counts[slot];
            SumAggregates.writeDecimalSum(out, outRow,
                    count == 0 ? null : OverValues.toBigDecimal(highs[slot], lows[slot], scale), count, sum0, avg);
        }

        @Override
        void snapshot(StateWriter out, int slots) throws IOException {
            out.writeLongs(highs, slots);
            out.writeLongs(lows, slots);
            out.writeLongs(counts, slots);
        }

        @Override
        void snapshotSlot(StateWriter out, int slot) throws IOException {
            out.writeLongs(new long[] {highs[slot]}, 1);
            out.writeLongs(new long[] {lows[slot]}, 1);
            out.writeLongs(new long[] {counts[slot]}, 1);
        }

        @Override
        void restore(StateReader in, int slots) throws IOException {
            System.arraycopy(in.readLongs(), 0, highs, 0, slots);
            System.arraycopy(in.readLongs(), 0, lows, 0, slots);
            System.arraycopy(in.readLongs(), 0, counts, 0, slots);
        }

        @Override
        void restoreRemapped(StateReader in, int[] target) throws IOException {
            StateRemap.copy(in.readLongs(), target, highs);
            StateRemap.copy(in.readLongs(), target, lows);
            StateRemap.copy(in.readLongs(), target, counts);
        }
    }

    /**
     * MIN, MAX, FIRST_VALUE and LAST_VALUE: one value per slot in an Arrow vector of the argument's type.
     * Fixed-width values are replaced in place. Variable-width vectors cannot be rewritten out of order,
     * so during a firing a new value is tracked as a row of the bound input, and {@link #endFiring}
     * rebuilds the vector (in slot order) when some slot changed.
     */
    static final class Extreme extends RunningAggregate {
        private final OverFunctionKind kind;
        private final LogicalType argType;
        private final BufferAllocator allocator;
        private final ColumnComparator storedCmp;
        private final ColumnComparator rowCmp;
        private final boolean variableWidth;
        private FieldVector values;
        private int capacity;
        private int[] newRow = new int[0];
        private boolean changed;
        private ValueVector arg;

        Extreme(OverFunctionKind kind, int argField, LogicalType argType, BufferAllocator allocator) {
            super(argField);
            this.kind = kind;
            this.argType = argType;
            this.allocator = allocator;
            boolean ordered = kind == OverFunctionKind.MIN || kind == OverFunctionKind.MAX;
            this.storedCmp = ordered ? ColumnComparator.forType(argType) : null;
            this.rowCmp = ordered ? ColumnComparator.forType(argType) : null;
            this.values = newVector(16);
            this.capacity = 16;
            this.variableWidth = values instanceof BaseVariableWidthVector;
        }

        private FieldVector newVector(int rows) {
            FieldVector v = ArrowTypes.toField("value", argType).createVector(allocator);
            v.setInitialCapacity(rows);
            v.allocateNew();
            return v;
        }

        @Override
        void ensureCapacity(int slots) {
            if (newRow.length < slots) {
                int n = grow(newRow.length, slots);
                int old = newRow.length;
                newRow = java.util.Arrays.copyOf(newRow, n);
                java.util.Arrays.fill(newRow, old, n, -1);
            }
            if (slots > capacity) {
                while (values.getValueCapacity() < slots) {
                    values.reAlloc();
                }
                capacity = values.getValueCapacity();
            }
        }

        @Override
        void bind(ValueVector[] inputs) {
            arg = inputs[argField];
            if (storedCmp != null) {
                storedCmp.bind(arg, values);
                rowCmp.bind(arg, arg);
            }
        }

        /** Whether non-null {@code row} replaces a current value that compares to it as {@code c}. */
        private boolean better(int c) {
            switch (kind) {
                case MIN:
                    return c < 0;
                case MAX:
                    return c > 0;
                case LAST_VALUE:
                    return true;
                default:
                    return false;
            }
        }

        @Override
        void add(int slot, int row) {
            if (arg.isNull(row)) {
                return;
            }
            int pendingRow = newRow[slot];
            if (pendingRow >= 0) {
                if (better(rowCmp == null ? 0 : rowCmp.compare(row, pendingRow))) {
                    newRow[slot] = row;
                }
                return;
            }
            if (!values.isNull(slot) && !better(storedCmp == null ? 0 : storedCmp.compare(row, slot))) {
                return;
            }
            if (variableWidth) {
                newRow[slot] = row;
                changed = true;
            } else {
                values.copyFromSafe(row, slot, arg);
            }
        }

        @Override
        void write(int slot, ResultColumn out, int outRow) {
            int row = newRow[slot];
            if (row >= 0) {
                out.copy(arg, row, outRow);
            } else if (values.isNull(slot)) {
                out.setNull(outRow);
            } else {
                out.copy(values, slot, outRow);
            }
        }

        @Override
        void endFiring(int slots) {
            if (!changed) {
                return;
            }
            FieldVector rebuilt = newVector(Math.max(slots, 16));
            try {
                for (int s = 0; s < slots; s++) {
                    int row = newRow[s];
                    if (row >= 0) {
                        rebuilt.copyFromSafe(row, s, arg);
                        newRow[s] = -1;
                    } else {
                        rebuilt.copyFromSafe(s, s, values);
                    }
                }
                rebuilt.setValueCount(slots);
            } catch (RuntimeException e) {
                rebuilt.close();
                throw e;
            }
            values.close();
            values = rebuilt;
            capacity = values.getValueCapacity();
            changed = false;
        }

        @Override
        void snapshot(StateWriter out, int slots) throws IOException {
            values.setValueCount(slots);
            out.writeColumns(valueType(), List.of(values), slots);
        }

        @Override
        void snapshotSlot(StateWriter out, int slot) throws IOException {
            try (FieldVector one = newVector(1)) {
                one.copyFromSafe(slot, 0, values);
                one.setValueCount(1);
                out.writeColumns(valueType(), List.of(one), 1);
            }
        }

        @Override
        void restore(StateReader in, int slots) throws IOException {
            try (RowBatch batch = in.readBatch(valueType(), allocator)) {
                TransferPair tp = batch.vector(0).getTransferPair(allocator);
                tp.transfer();
                values.close();
                values = (FieldVector) tp.getTo();
            }
            capacity = values.getValueCapacity();
            ensureCapacity(slots);
        }

        @Override
        void restoreRemapped(StateReader in, int[] target) throws IOException {
            try (RowBatch batch = in.readBatch(valueType(), allocator)) {
                FieldVector stored = batch.vector(0);
                for (int s = 0; s < target.length && s < batch.rowCount(); s++) {
                    if (target[s] >= 0) {
                        values.copyFromSafe(s, target[s], stored);
                    }
                }
            }
            capacity = values.getValueCapacity();
        }

        private RowType valueType() {
            return new RowType(List.of("value"), List.of(argType));
        }

        @Override
        public void close() {
            values.close();
        }
    }
}
