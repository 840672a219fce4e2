package io.sluice.runtime.operator.over;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;

/**
 * The functions that ignore the frame: ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE
 * (from positions and peer groups within the partition) and LAG / LEAD (the value a fixed number of
 * rows before or after, or a default).
 */
final class PositionFunctions {
    private PositionFunctions() {
    }

    static void evaluate(OverFunctionSpec spec, SortedGroup g, LogicalType[] inputTypes, ValueVector[] inputs,
            ResultColumn out, BufferAllocator allocator) {
        switch (spec.kind()) {
            case LAG:
            case LEAD:
                offsetValue(spec, g, inputTypes, inputs, out, allocator);
                return;
            case NTILE:
                ntile(spec, g, out);
                return;
            default:
                ranks(spec.kind(), g, out);
        }
    }

    private static void ranks(OverFunctionKind kind, SortedGroup g, ResultColumn out) {
        int[] order = g.order;
        int ps = 0;
        for (int pe : g.partitionEnds) {
            long n = pe - ps;
            long dense = 0;
            for (int k = ps; k < pe; k++) {
                if (g.peerFirst[k] == k) {
                    dense++;
                }
                long rank = g.peerFirst[k] - ps + 1;
                int row = order[k];
                switch (kind) {
                    case ROW_NUMBER:
                        out.setLong(row, k - ps + 1);
                        break;
                    case RANK:
                        out.setLong(row, rank);
                        break;
                    case DENSE_RANK:
                        out.setLong(row, dense);
                        break;
                    case PERCENT_RANK:
                        out.setDouble(row, n == 1 ? 0.0 : (rank - 1) / (double) (n - 1));
                        break;
                    case CUME_DIST:
                        out.setDouble(row, (g.peerLast[k] - ps + 1) / (double) n);
                        break;
                    default:
                        throw new IllegalArgumentException("not a ranking function: " + kind);
                }
            }
            ps = pe;
        }
    }

    /** NTILE(b): the first {@code n % b} buckets hold one row more than the others. */
    private static void ntile(OverFunctionSpec spec, SortedGroup g, ResultColumn out) {
        Object arg = spec.constantArg(0);
        if (!(arg instanceof Number) || ((Number) arg).longValue() <= 0) {
            throw new IllegalArgumentException("NTILE needs a positive bucket count, got " + arg);
        }
        long buckets = ((Number) arg).longValue();
        int ps = 0;
        for (int pe : g.partitionEnds) {
            long n = pe - ps;
            long size = n / buckets;
            long bigOnes = n % buckets;
            long bigRows = bigOnes * (size + 1);
            for (int k = ps; k < pe; k++) {
                long i = k - ps;
                long bucket = i < bigRows ? i / (size + 1) : bigOnes + (i - bigRows) / size;
                out.setLong(g.order[k], bucket + 1);
            }
            ps = pe;
        }
    }

    private static void offsetValue(OverFunctionSpec spec, SortedGroup g, LogicalType[] inputTypes,
            ValueVector[] inputs, ResultColumn out, BufferAllocator allocator) {
        if (spec.argCount() < 1) {
            throw new IllegalArgumentException(spec.kind() + " needs a value argument");
        }
        ValueVector value = inputs[spec.argField(0)];
        Object offsetArg = spec.constantArg(0);
        long offset = offsetArg == null ? 1 : ((Number) offsetArg).longValue();
        if (spec.kind() == OverFunctionKind.LEAD) {
            offset = -offset;
        }
        ValueVector defaultColumn = spec.argCount() > 1 ? inputs[spec.argField(1)] : null;
        Object defaultValue = spec.constantArg(1);
        try (FieldVector constantDefault = defaultValue == null ? null : constant(out.type, defaultValue, allocator)) {
            int[] order = g.order;
            int ps = 0;
            for (int pe : g.partitionEnds) {
                for (int k = ps; k < pe; k++) {
                    long target = k - offset;
                    int row = order[k];
                    boolean inside = target >= ps && target < pe;
                    boolean hasDefault = defaultColumn != null || constantDefault != null;
                    if (inside && (!hasDefault || !value.isNull(order[(int) target]))) {
                        // Flink returns the default also when the value at the offset is NULL
                        out.copy(value, order[(int) target], row);
                    } else if (defaultColumn != null) {
                        out.copy(defaultColumn, row, row);
                    } else if (constantDefault != null) {
                        out.copy(constantDefault, 0, row);
                    } else {
                        out.setNull(row);
                    }
                }
                ps = pe;
            }
        }
    }

    /** A one-row vector of {@code type} holding {@code value}, to copy a literal default from. */
    private static FieldVector constant(LogicalType type, Object value, BufferAllocator allocator) {
        FieldVector v = ArrowTypes.toField("default", type).createVector(allocator);
        try {
            v.setInitialCapacity(1);
            v.allocateNew();
            VectorValues.set(type, v, 0, value);
            v.setValueCount(1);
            return v;
        } catch (RuntimeException e) {
            v.close();
            throw e;
        }
    }
}
