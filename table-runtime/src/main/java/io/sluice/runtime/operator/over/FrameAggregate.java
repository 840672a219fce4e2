package io.sluice.runtime.operator.over;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.ValueVector;

/**
 * An aggregate over a sliding window frame. The driver adds rows as the frame's end advances and
 * retracts them, oldest first, as its start advances, then asks for the result of the current frame.
 * NULL arguments are ignored; an empty frame gives NULL (COUNT and SUM0 give 0).
 */
abstract class FrameAggregate {
    final ResultColumn out;

    FrameAggregate(ResultColumn out) {
        this.out = out;
    }

    /** Forgets every row: the frame is empty. */
    abstract void reset();

    /** Buffer row {@code row} entered the frame. */
    abstract void add(int row);

    /** Buffer row {@code row}, the oldest in the frame, left it. */
    abstract void retract(int row);

    /**
     * Writes the current frame's result at buffer row {@code outRow}. The frame is
     * {@code order[from, to)} (for aggregates that recompute).
     */
    abstract void write(int outRow, int[] order, int from, int to);

    /** The aggregate for {@code spec}, reading buffer columns {@code inputs}. */
    static FrameAggregate create(OverFunctionSpec spec, LogicalType[] inputTypes, ValueVector[] inputs,
            ResultColumn out, int rowCount) {
        OverFunctionKind kind = spec.kind();
        if (kind == OverFunctionKind.COUNT) {
            return new Count(spec.argCount() == 0 ? null : inputs[spec.argField(0)], out);
        }
        if (spec.argCount() != 1) {
            throw new IllegalArgumentException(kind + " takes one argument: " + spec);
        }
        int field = spec.argField(0);
        LogicalType argType = inputTypes[field];
        ValueVector arg = inputs[field];
        switch (kind) {
            case SUM:
            case SUM0:
            case AVG:
                return sum(kind, argType, arg, out);
            case MIN:
            case MAX:
                return new ValueAggregates.MinMax(arg, argType, kind == OverFunctionKind.MAX, out, rowCount);
            case FIRST_VALUE:
            case LAST_VALUE:
                return new ValueAggregates.FirstLast(arg, kind == OverFunctionKind.LAST_VALUE, out, rowCount);
            default:
                throw new IllegalArgumentException("not a frame aggregate: " + kind);
        }
    }

    private static FrameAggregate sum(OverFunctionKind kind, LogicalType argType, ValueVector arg, ResultColumn out) {
        TypeRoot root = argType.root();
        if (root == TypeRoot.FLOAT || root == TypeRoot.DOUBLE) {
            return new SumAggregates.DoubleSum(kind, arg, root == TypeRoot.FLOAT, out);
        }
        if (root == TypeRoot.DECIMAL) {
            return new SumAggregates.DecimalSum(kind, (DecimalVector) arg, argType.scale(), out);
        }
        if (root.isIntegral() || root == TypeRoot.INTERVAL_DAY_TIME || root == TypeRoot.INTERVAL_YEAR_MONTH) {
            return new SumAggregates.LongSum(kind, (BaseFixedWidthVector) arg, out);
        }
        throw new UnsupportedFeatureException(kind + " over " + argType + " in an OVER window");
    }

    /** COUNT(*) (no argument vector) or COUNT(x). */
    static final class Count extends FrameAggregate {
        private final ValueVector arg;
        private long count;

        Count(ValueVector arg, ResultColumn out) {
            super(out);
            this.arg = arg;
        }

        @Override
        void reset() {
            count = 0;
        }

        @Override
        void add(int row) {
            if (arg == null || !arg.isNull(row)) {
                count++;
            }
        }

        @Override
        void retract(int row) {
            if (arg == null || !arg.isNull(row)) {
                count--;
            }
        }

        @Override
        void write(int outRow, int[] order, int from, int to) {
            out.setLong(outRow, count);
        }
    }
}
