package io.sluice.runtime.operator.over;

import io.sluice.runtime.operator.sort.SortKey;
import java.util.List;

/**
 * The functions of one window specification: {@code PARTITION BY partitionFields ORDER BY orderKeys
 * ROWS|RANGE BETWEEN lower AND upper}. A group with no order keys treats all rows of a partition as
 * peers.
 */
public final class OverGroupSpec {
    private final int[] partitionFields;
    private final SortKey[] orderKeys;
    private final boolean isRows;
    private final FrameBound lower;
    private final FrameBound upper;
    private final List<OverFunctionSpec> functions;

    public OverGroupSpec(int[] partitionFields, SortKey[] orderKeys, boolean isRows, FrameBound lower,
            FrameBound upper, List<OverFunctionSpec> functions) {
        this.partitionFields = partitionFields.clone();
        this.orderKeys = orderKeys.clone();
        this.isRows = isRows;
        this.lower = lower;
        this.upper = upper;
        this.functions = List.copyOf(functions);
    }

    public int[] partitionFields() {
        return partitionFields.clone();
    }

    public SortKey[] orderKeys() {
        return orderKeys.clone();
    }

    /** True for a ROWS frame, false for RANGE. */
    public boolean isRows() {
        return isRows;
    }

    public FrameBound lower() {
        return lower;
    }

    public FrameBound upper() {
        return upper;
    }

    public List<OverFunctionSpec> functions() {
        return functions;
    }

    @Override
    public String toString() {
        return "partition=" + java.util.Arrays.toString(partitionFields) + ", order="
                + java.util.Arrays.toString(orderKeys) + ", " + (isRows ? "ROWS" : "RANGE") + " BETWEEN " + lower
                + " AND " + upper + ", functions=" + functions;
    }
}
