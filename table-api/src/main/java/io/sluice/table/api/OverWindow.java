package io.sluice.table.api;

import io.sluice.table.expressions.Expression;
import java.util.List;
import java.util.Optional;

/** A complete over window definition with its alias. */
public final class OverWindow {
    private final Expression alias;
    private final List<Expression> partitioning;
    private final Expression order;
    private final Expression preceding;
    private final Expression following;

    OverWindow(Expression alias, List<Expression> partitioning, Expression order, Expression preceding,
            Expression following) {
        this.alias = alias;
        this.partitioning = partitioning;
        this.order = order;
        this.preceding = preceding;
        this.following = following;
    }

    public Expression getAlias() {
        return alias;
    }

    public List<Expression> getPartitioning() {
        return partitioning;
    }

    public Expression getOrder() {
        return order;
    }

    public Expression getPreceding() {
        return preceding;
    }

    public Optional<Expression> getFollowing() {
        return Optional.ofNullable(following);
    }
}
