package io.sluice.runtime.operator.over;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.ValueVector;

/** SUM, SUM0 and AVG over a frame, one class per argument representation. */
final class SumAggregates {
    private SumAggregates() {
    }

    /**
     * Integral (and interval) arguments: a 64-bit sum that wraps on overflow like Flink's, exact under
     * retraction. AVG divides with truncation when the result type is integral.
     */
    static final class LongSum extends FrameAggregate {
        private final boolean sum0;
        private final boolean avg;
        private final BaseFixedWidthVector arg;
        private final int width;
        private long sum;
        private long count;

        LongSum(OverFunctionKind kind, BaseFixedWidthVector arg, ResultColumn out) {
            super(out);
            this.sum0 = kind == OverFunctionKind.SUM0;
            this.avg = kind == OverFunctionKind.AVG;
            this.arg = arg;
            this.width = arg.getTypeWidth();
        }

        @Override
        void reset() {
            sum = 0;
            count = 0;
        }

        @Override
        void add(int row) {
            if (!arg.isNull(row)) {
                sum += OverValues.readLong(arg.getDataBuffer(), width, row);
                count++;
            }
        }

        @Override
        void retract(int row) {
            if (!arg.isNull(row)) {
                sum -= OverValues.readLong(arg.getDataBuffer(), width, row);
                count--;
            }
        }

        @Override
        void write(int outRow, int[] order, int from, int to) {
            writeLongSum(out, outRow, sum, count, sum0, avg);
        }
    }

    /**
     * FLOAT and DOUBLE arguments. Adding accumulates in order; after a retraction the sum is
     * recomputed over the frame, so results equal a plain left-to-right sum of the frame.
     */
    static final class DoubleSum extends FrameAggregate {
        private final boolean sum0;
        private final boolean avg;
        private final ValueVector arg;
        private final boolean isFloat;
        private double sum;
        private long count;
        private boolean stale;

        DoubleSum(OverFunctionKind kind, ValueVector arg, boolean isFloat, ResultColumn out) {
            super(out);
            this.sum0 = kind == OverFunctionKind.SUM0;
            this.avg = kind == OverFunctionKind.AVG;
            this.arg = arg;
            this.isFloat = isFloat;
        }

        private double value(int row) {
            ArrowBuf data = arg.getDataBuffer();
            return isFloat ? Float4Vector.get(data, row) : Float8Vector.get(data, row);
        }

        @Override
        void reset() {
            sum = 0;
            count = 0;
            stale = false;
        }

        @Override
        void add(int row) {
            if (!arg.isNull(row)) {
                if (!stale) {
                    sum += value(row);
                }
                count++;
            }
        }

        @Override
        void retract(int row) {
            if (!arg.isNull(row)) {
                count--;
                stale = true;
            }
        }

        @Override
        void write(int outRow, int[] order, int from, int to) {
            if (stale) {
                sum = 0;
                for (int p = from; p < to; p++) {
                    if (!arg.isNull(order[p])) {
                        sum += value(order[p]);
                    }
                }
                stale = false;
            }
            writeDoubleSum(out, outRow, sum, count, sum0, avg);
        }
    }

    /** DECIMAL arguments: an exact 128-bit unscaled sum at the argument's scale. */
    static final class DecimalSum extends FrameAggregate {
        private final boolean sum0;
        private final boolean avg;
        private final DecimalVector arg;
        private final int scale;
        private long high;
        private long low;
        private long count;

        DecimalSum(OverFunctionKind kind, DecimalVector arg, int scale, ResultColumn out) {
            super(out);
            this.sum0 = kind == OverFunctionKind.SUM0;
            this.avg = kind == OverFunctionKind.AVG;
            this.arg = arg;
            this.scale = scale;
        }

        @Override
        void reset() {
            high = 0;
            low = 0;
            count = 0;
        }

        @Override
        void add(int row) {
            if (!arg.isNull(row)) {
                ArrowBuf data = arg.getDataBuffer();
                long xl = OverValues.decimalLow(data, row);
                long l = low + xl;
                high += OverValues.decimalHigh(data, row) + (Long.compareUnsigned(l, low) < 0 ? 1 : 0);
                low = l;
                count++;
            }
        }

        @Override
        void retract(int row) {
            if (!arg.isNull(row)) {
                ArrowBuf data = arg.getDataBuffer();
                long xl = OverValues.decimalLow(data, row);
                long l = low - xl;
                high -= OverValues.decimalHigh(data, row) + (Long.compareUnsigned(low, xl) < 0 ? 1 : 0);
                low = l;
                count--;
            }
        }

        @Override
        void write(int outRow, int[] order, int from, int to) {
            writeDecimalSum(out, outRow, count == 0 ? null : OverValues.toBigDecimal(high, low, scale), count, sum0,
                    avg);
        }
    }

    /** Writes SUM / SUM0 / AVG of {@code count} integral values summing to {@code sum}. */
    static void writeLongSum(ResultColumn out, int outRow, long sum, long count, boolean sum0, boolean avg) {
        if (count == 0) {
            writeEmpty(out, outRow, sum0);
        } else if (!avg) {
            out.setLong(outRow, sum);
        } else if (out.type.root().isIntegral()) {
            out.setLong(outRow, sum / count);
        } else if (out.type.root() == io.sluice.runtime.types.TypeRoot.DECIMAL) {
            out.setDecimal(outRow, BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), out.type.scale(),
                    RoundingMode.HALF_UP));
        } else {
            out.setDouble(outRow, (double) sum / count);
        }
    }

    /** Writes SUM / SUM0 / AVG of {@code count} floating-point values summing to {@code sum}. */
    static void writeDoubleSum(ResultColumn out, int outRow, double sum, long count, boolean sum0, boolean avg) {
        if (count == 0) {
            writeEmpty(out, outRow, sum0);
        } else {
            out.setDouble(outRow, avg ? sum / count : sum);
        }
    }

    /** Writes SUM / SUM0 / AVG of {@code count} decimal values summing to {@code total} (null when none). */
    static void writeDecimalSum(ResultColumn out, int outRow, BigDecimal total, long count, boolean sum0,
            boolean avg) {
        if (count == 0) {
            writeEmpty(out, outRow, sum0);
        } else if (!avg) {
            out.setDecimal(outRow, total);
        } else if (out.type.root() == io.sluice.runtime.types.TypeRoot.DECIMAL) {
            out.setDecimal(outRow, total.divide(BigDecimal.valueOf(count), out.type.scale(), RoundingMode.HALF_UP));
        } else if (out.type.root().isIntegral()) {
            out.setLong(outRow, total.divide(BigDecimal.valueOf(count), 0, RoundingMode.DOWN).longValue());
        } else {
            out.setDouble(outRow, total.doubleValue() / count);
        }
    }

    static void writeEmpty(ResultColumn out, int row, boolean zero) {
        if (zero) {
            out.setLong(row, 0);
        } else {
            out.setNull(row);
        }
    }
}
