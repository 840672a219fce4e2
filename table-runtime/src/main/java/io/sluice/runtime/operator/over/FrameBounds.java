package io.sluice.runtime.operator.over;

import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.ValueVector;

/**
 * Computes, for every position of a {@link SortedGroup}, the first and last position of its frame
 * ({@code lo[k]}, {@code hi[k]}, inclusive, clamped to the partition; {@code lo > hi} is an empty
 * frame).
 *
 * <p>ROWS frames count positions. RANGE frames without offsets use peer groups (CURRENT ROW includes
 * all peers). RANGE frames with offsets need exactly one numeric, date, time, timestamp or interval
 * order key: a row's frame holds the rows whose key lies within the offsets of its own key, in the
 * direction of the ordering. Rows with a NULL key have only their NULL peers within any offset.
 */
final class FrameBounds {
    private FrameBounds() {
    }

    static void compute(OverGroupSpec spec, SortedGroup g, LogicalType[] inputTypes, ValueVector[] inputs,
            int[] lo, int[] hi) {
        boolean offsets = hasOffset(spec.lower()) || hasOffset(spec.upper());
        RangeKeys keys = null;
        if (!spec.isRows() && offsets) {
            SortKey[] orderKeys = spec.orderKeys();
            if (orderKeys.length != 1) {
                throw new IllegalArgumentException("a RANGE frame with an offset needs exactly one ORDER BY key");
            }
            SortKey key = orderKeys[0];
            keys = new RangeKeys(inputTypes[key.field()], inputs[key.field()], key.ascending(), g.order);
        }
        int ps = 0;
        for (int pe : g.partitionEnds) {
            for (int k = ps; k < pe; k++) {
                long l;
                long h;
                if (spec.isRows()) {
                    l = rowsBound(spec.lower(), k, ps, pe);
                    h = rowsBound(spec.upper(), k, ps, pe);
                } else {
                    l = peerBound(spec.lower(), g, k, ps, pe, true);
                    h = peerBound(spec.upper(), g, k, ps, pe, false);
                }
                lo[k] = (int) Math.max(l, ps);
                hi[k] = (int) Math.min(h, pe - 1);
            }
            if (keys != null) {
                keys.rangeBounds(spec.lower(), spec.upper(), g, ps, pe, lo, hi);
            }
            ps = pe;
        }
    }

    private static boolean hasOffset(FrameBound b) {
        return b.kind() == BoundKind.PRECEDING || b.kind() == BoundKind.FOLLOWING;
    }

    private static long rowsBound(FrameBound b, int k, int ps, int pe) {
        switch (b.kind()) {
            case UNBOUNDED_PRECEDING:
                return ps;
            case PRECEDING:
                return k - ((Number) b.offset()).longValue();
            case CURRENT_ROW:
                return k;
            case FOLLOWING:
                return k + ((Number) b.offset()).longValue();
            default:
                return pe;
        }
    }

    /** RANGE bound from peers only; offset bounds get the peer group here and are refined by RangeKeys. */
    private static long peerBound(FrameBound b, SortedGroup g, int k, int ps, int pe, boolean lower) {
        switch (b.kind()) {
            case UNBOUNDED_PRECEDING:
                return lower ? ps : ps - 1L;
            case UNBOUNDED_FOLLOWING:
                return lower ? pe : pe - 1L;
            default:
                return lower ? g.peerFirst[k] : g.peerLast[k];
        }
    }

    /** The single RANGE order key of every position, as a long or a double that ascends in sorted order. */
    private static final class RangeKeys {
        private final boolean isDouble;
        private final long[] longs;
        private final double[] doubles;
        private final boolean[] nulls;
        private final LogicalType type;

        RangeKeys(LogicalType type, ValueVector v, boolean ascending, int[] order) {
            this.type = type;
            TypeRoot root = type.root();
            int n = order.length;
            nulls = new boolean[n];
            isDouble = root == TypeRoot.FLOAT || root == TypeRoot.DOUBLE;
            longs = isDouble ? null : new long[n];
            doubles = isDouble ? new double[n] : null;
            if (!isDouble && !isLongKey(root)) {
                throw new UnsupportedFeatureException("RANGE frame offset over an ORDER BY key of type " + type);
            }
            for (int k = 0; k < n; k++) {
                int row = order[k];
                if (v.isNull(row)) {
                    nulls[k] = true;
                } else if (isDouble) {
                    double d = root == TypeRoot.FLOAT ? Float4Vector.get(v.getDataBuffer(), row)
                            : Float8Vector.get(v.getDataBuffer(), row);
                    doubles[k] = ascending ? d : -d;
                } else {
                    long x = readLong(v, row);
                    // Long.MIN_VALUE has no negation; it only matters for DESC keys holding that exact value.
                    longs[k] = ascending ? x : (x == Long.MIN_VALUE ? Long.MAX_VALUE : -x);
                }
            }
        }

        private boolean isLongKey(TypeRoot root) {
            switch (root) {
                case TINYINT:
                case SMALLINT:
                case INTEGER:
                case BIGINT:
                case DATE:
                case TIME:
                case TIMESTAMP:
                case TIMESTAMP_LTZ:
                case INTERVAL_YEAR_MONTH:
                case INTERVAL_DAY_TIME:
                    return true;
                case DECIMAL:
                    return type.precision() <= 18; // unscaled value fits a long
                default:
                    return false;
            }
        }

        private long readLong(ValueVector v, int row) {
            if (type.root() == TypeRoot.DECIMAL) {
                return v.getDataBuffer().getLong((long) row * DecimalVector.TYPE_WIDTH);
            }
            return OverValues.readLong(((BaseFixedWidthVector) v).getDataBuffer(),
                    ((BaseFixedWidthVector) v).getTypeWidth(), row);
        }

        private long longOffset(Object offset) {
            BigDecimal d = offset instanceof BigDecimal ? (BigDecimal) offset : new BigDecimal(offset.toString());
            try {
                return d.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("RANGE offset " + offset + " does not fit an ORDER BY key of type "
                        + type, e);
            }
        }

        /** Refines lo/hi of partition [ps, pe) for offset bounds, for rows with a non-null key. */
        void rangeBounds(FrameBound lower, FrameBound upper, SortedGroup g, int ps, int pe, int[] lo, int[] hi) {
            int vs = ps;
            while (vs < pe && nulls[vs]) {
                vs++;
            }
            int ve = vs;
            while (ve < pe && !nulls[ve]) {
                ve++;
            }
            boolean lowerOffset = hasOffset(lower);
            boolean upperOffset = hasOffset(upper);
            long lowerLong = 0;
            long upperLong = 0;
            double lowerDouble = 0;
            double upperDouble = 0;
            if (isDouble) {
                lowerDouble = lowerOffset ? signed(lower) * ((Number) lower.offset()).doubleValue() : 0;
                upperDouble = upperOffset ? signed(upper) * ((Number) upper.offset()).doubleValue() : 0;
            } else {
                lowerLong = lowerOffset ? offset(lower.offset()) : 0;
                upperLong = upperOffset ? offset(upper.offset()) : 0;
            }
            int p = vs; // first position whose key reaches the current lower threshold
            int q = vs; // first position whose key passes the current upper threshold
            for (int k = vs; k < ve; k++) {
                if (isDouble) {
                    if (lowerOffset) {
                        double t = doubles[k] + lowerDouble;
                        while (p < ve && Double.compare(doubles[p], t) < 0) {
                            p++;
                        }
                    }
                    if (upperOffset) {
                        double t = doubles[k] + upperDouble;
                        while (q < ve && Double.compare(doubles[q], t) <= 0) {
                            q++;
                        }
                    }
                } else {
                    if (lowerOffset) {
                        long t = shift(longs[k], lower, lowerLong);
                        while (p < ve && longs[p] < t) {
                            p++;
                        }
                    }
                    if (upperOffset) {
                        long t = shift(longs[k], upper, upperLong);
                        while (q < ve && longs[q] <= t) {
                            q++;
                        }
                    }
                }
                if (lowerOffset) {
                    lo[k] = p;
                }
                if (upperOffset) {
                    hi[k] = q - 1;
                }
            }
        }

        private static int signed(FrameBound b) {
            return b.kind() == BoundKind.PRECEDING ? -1 : 1;
        }

        /** {@code c - x} for PRECEDING, {@code c + x} for FOLLOWING, saturating instead of overflowing. */
        private static long shift(long c, FrameBound b, long x) {
            if (b.kind() == BoundKind.PRECEDING) {
                long t = c - x;
                return t > c ? Long.MIN_VALUE : t;
            }
            long t = c + x;
            return t < c ? Long.MAX_VALUE : t;
        }

        private long offset(Object offset) {
            if (type.root() == TypeRoot.TIMESTAMP || type.root() == TypeRoot.TIMESTAMP_LTZ) {
                // an interval offset counts milliseconds; the key counts the timestamp's own units
                return Math.multiplyExact(longOffset(offset),
                        io.sluice.runtime.types.TimestampUnits.perMilli(type.precision()));
            }
            return type.root() == TypeRoot.DECIMAL ? decimalOffset(offset) : longOffset(offset);
        }

        private long decimalOffset(Object offset) {
            BigDecimal d = offset instanceof BigDecimal ? (BigDecimal) offset : new BigDecimal(offset.toString());
            return d.setScale(type.scale(), RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        }
    }
}
