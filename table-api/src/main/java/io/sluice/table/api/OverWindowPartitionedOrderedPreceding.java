package io.sluice.table.api;

import io.sluice.table.expressions.Expression;
import java.util.List;

/** An over window with its start; {@link #following} may give its end (the current row by default). */
public final class OverWindowPartitionedOrderedPreceding {
    private final List<Expression> partitionBy;
    private final Expression orderBy;
    private final Expression preceding;
    private final Expression following;

    OverWindowPartitionedOrderedPreceding(List<Expression> partitionBy, Expression orderBy, Expression preceding,
            Expression following) {
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
        this.preceding = preceding;
        this.following = following;
    }

    /** The window's end: CURRENT_ROW or CURRENT_RANGE. */
    public OverWindowPartitionedOrderedPreceding following(Expression following) {
        return new OverWindowPartitionedOrderedPreceding(partitionBy, orderBy, preceding, following);
    }

    public OverWindow as(String alias) {
        return as(Expressions.$(alias));
    }

    public OverWindow as(Expression alias) {
        return new OverWindow(alias, partitionBy, orderBy, preceding, following);
    }
}
