package io.sluice.table.api;

import io.sluice.table.expressions.Expression;
import java.util.List;

/** An ordered over window; without {@link #preceding} it spans from the partition's first row (UNBOUNDED_RANGE). */
public final class OverWindowPartitionedOrdered {
    private final List<Expression> partitionBy;
    private final Expression orderBy;

    OverWindowPartitionedOrdered(List<Expression> partitionBy, Expression orderBy) {
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
    }

    /** The window's start: an interval, a row count ({@code rowInterval}), UNBOUNDED_ROW or UNBOUNDED_RANGE. */
    public OverWindowPartitionedOrderedPreceding preceding(Expression preceding) {
        return new OverWindowPartitionedOrderedPreceding(partitionBy, orderBy, preceding, null);
    }

    public OverWindow as(String alias) {
        return as(Expressions.$(alias));
    }

    public OverWindow as(Expression alias) {
        return new OverWindow(alias, partitionBy, orderBy, Expressions.UNBOUNDED_RANGE, null);
    }
}
