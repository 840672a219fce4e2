package io.sluice.table.api;

import io.sluice.table.expressions.Expression;
import java.util.List;

/** A partitioned over window; {@link #orderBy} gives its order (a time attribute). */
public final class OverWindowPartitioned {
    private final List<Expression> partitionBy;

    OverWindowPartitioned(List<Expression> partitionBy) {
        this.partitionBy = partitionBy;
    }

    public OverWindowPartitionedOrdered orderBy(Expression orderBy) {
        return new OverWindowPartitionedOrdered(partitionBy, orderBy);
    }
}
