package io.sluice.table.expressions;

import java.util.List;

/**
 * An expression of the Table API: a column reference, a literal, a function call, ... Programs build them with
 * {@code io.sluice.table.api.Expressions} ({@code $("a").plus(lit(1))}) and pass them to {@code Table} methods.
 */
public interface Expression {
    /** A short human-readable form of the expression (Flink SQL-like text). */
    String asSummaryString();

    /** The direct sub-expressions. */
    List<Expression> getChildren();
}
