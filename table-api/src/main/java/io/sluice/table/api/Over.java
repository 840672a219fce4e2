package io.sluice.table.api;

import io.sluice.table.expressions.Expression;
import java.util.List;

/**
 * Over windows for {@code table.window(...)}: {@code Over.partitionBy($("a")).orderBy($("ts"))
 * .preceding(UNBOUNDED_RANGE).as("w")}, then {@code $("b").sum().over($("w"))} in {@code select}.
 */
public final class Over {
    private Over() {
    }

    /** Partitions the rows by these keys. */
    public static OverWindowPartitioned partitionBy(Expression... partitionBy) {
        return new OverWindowPartitioned(List.of(partitionBy));
    }

    /** An unpartitioned window ordered by this time attribute. */
    public static OverWindowPartitionedOrdered orderBy(Expression orderBy) {
        return new OverWindowPartitionedOrdered(List.of(), orderBy);
    }
}
