package io.sluice.table.api;

import io.sluice.table.expressions.Expression;

/**
 * A query or table with Flink's fluent relational operations ({@code select}, {@code filter}, {@code groupBy},
 * joins, set operations, windows, ...). Each operation is checked when it is called and returns a new table;
 * nothing runs until {@link #execute()}, {@link #executeInsert(String)} or a statement using the table as a view.
 * Operations translate into the same logical plans as the equivalent SQL query.
 */
public interface Table {
    ResolvedSchema getResolvedSchema();

    /** Prints the schema to standard output. */
    void printSchema();

    /** Runs the query and returns its result. */
    TableResult execute();

    /** The query's plan as {@code EXPLAIN} prints it. */
    String explain();

    /** The query's plan with extra details, as {@code EXPLAIN CHANGELOG_MODE, ... <query>} prints it. */
    default String explain(ExplainDetail... extraDetails) {
        throw new UnsupportedFeatureException("explain with details on " + getClass().getName());
    }

    /** Prints the plan with extra details to standard output. */
    default void printExplain(ExplainDetail... extraDetails) {
        System.out.println(extraDetails.length == 0 ? explain() : explain(extraDetails));
    }

    /** Writes this table into the named sink table ({@code INSERT INTO}); returns at once with the job. */
    TableResult executeInsert(String tablePath);

    /** {@code INSERT OVERWRITE} when {@code overwrite} is true. */
    default TableResult executeInsert(String tablePath, boolean overwrite) {
        return insertInto(tablePath, overwrite).execute();
    }

    /** Writes this table into a new anonymous table described by {@code descriptor}. */
    default TableResult executeInsert(TableDescriptor descriptor) {
        return insertInto(descriptor).execute();
    }

    /** {@code insertInto(descriptor, overwrite).execute()}. */
    default TableResult executeInsert(TableDescriptor descriptor, boolean overwrite) {
        return insertInto(descriptor, overwrite).execute();
    }

    /** A pipeline writing this table into the named sink table, to execute or explain. */
    default TablePipeline insertInto(String tablePath) {
        return insertInto(tablePath, false);
    }

    default TablePipeline insertInto(String tablePath, boolean overwrite) {
        throw new UnsupportedFeatureException("insertInto on " + getClass().getName());
    }

    default TablePipeline insertInto(TableDescriptor descriptor) {
        return insertInto(descriptor, false);
    }

    /**
     * Writes into a new anonymous table described by {@code descriptor} (a temporary table under a generated name);
     * {@code overwrite} as in {@code INSERT OVERWRITE}.
     */
    default TablePipeline insertInto(TableDescriptor descriptor, boolean overwrite) {
        throw new UnsupportedFeatureException("insertInto on " + getClass().getName());
    }

    /** Projection: {@code select($("a"), $("b").plus(1).as("c"))}; aggregates without groupBy aggregate all rows. */
    Table select(Expression... fields);

    /** Renames the columns, in order. */
    Table as(String field, String... fields);

    /** Keeps the rows for which the predicate is true. */
    Table filter(Expression predicate);

    /** The same as {@link #filter}. */
    Table where(Expression predicate);

    /** Groups by these keys; {@code select} on the result aggregates per group. */
    GroupedTable groupBy(Expression... fields);

    /** Removes duplicate rows. */
    Table distinct();

    /** Inner join with no condition; follow with {@code where(...)} for the join predicate. */
    Table join(Table right);

    /** Inner join on a condition. */
    Table join(Table right, Expression joinPredicate);

    /** Left outer join with no condition (a cross join keeping every left row). */
    Table leftOuterJoin(Table right);

    Table leftOuterJoin(Table right, Expression joinPredicate);

    Table rightOuterJoin(Table right, Expression joinPredicate);

    Table fullOuterJoin(Table right, Expression joinPredicate);

    /** Joins each row with the rows a table function returns for it: {@code joinLateral(call("split", $("c")))}. */
    Table joinLateral(Expression tableFunctionCall);

    Table joinLateral(Expression tableFunctionCall, Expression joinPredicate);

    /** Like {@link #joinLateral(Expression)}, keeping rows for which the function returns nothing (NULL-padded). */
    Table leftOuterJoinLateral(Expression tableFunctionCall);

    Table leftOuterJoinLateral(Expression tableFunctionCall, Expression joinPredicate);

    /** {@code EXCEPT}: distinct rows of this table that are not in {@code right}. */
    Table minus(Table right);

    /** {@code EXCEPT ALL}. */
    Table minusAll(Table right);

    /** {@code UNION}: distinct rows of both. */
    Table union(Table right);

    /** {@code UNION ALL}. */
    Table unionAll(Table right);

    /** {@code INTERSECT}. */
    Table intersect(Table right);

    /** {@code INTERSECT ALL}. */
    Table intersectAll(Table right);

    /** Sorts by these expressions ({@code $("a").desc()}); ascending unless said otherwise. */
    Table orderBy(Expression... fields);

    /** Skips this many rows of the (sorted) result. */
    Table offset(int offset);

    /** Keeps this many rows of the (sorted) result. */
    Table fetch(int fetch);

    /** The same as {@link #fetch}. */
    default Table limit(int fetch) {
        return fetch(fetch);
    }

    /** The same as {@code offset(offset).fetch(fetch)}. */
    default Table limit(int offset, int fetch) {
        return offset(offset).fetch(fetch);
    }

    /** Group windows: {@code window(Tumble.over(lit(10).minutes()).on($("ts")).as("w")).groupBy($("w"), ...)}. */
    GroupWindowedTable window(GroupWindow groupWindow);

    /** Over windows: {@code window(Over.partitionBy(..).orderBy(..).as("w")).select(.. .over($("w")))}. */
    OverWindowedTable window(OverWindow... overWindows);

    /** Adds columns; fails when a name exists already. */
    Table addColumns(Expression... fields);

    /** Adds columns, replacing existing columns of the same name in place. */
    Table addOrReplaceColumns(Expression... fields);

    /** Renames columns: {@code renameColumns($("b").as("b2"))}. */
    Table renameColumns(Expression... fields);

    /** Removes columns. */
    Table dropColumns(Expression... fields);

    /** Applies a scalar function to each row; a ROW result becomes the columns. */
    Table map(Expression mapFunction);

    /** Applies a table function to each row; its rows become the result. */
    Table flatMap(Expression tableFunction);

    /** Global aggregation with an aggregate function: {@code aggregate(call(MyAgg.class, $("b")).as("x")).select(..)}. */
    default AggregatedTable aggregate(Expression aggregateFunction) {
        throw new UnsupportedFeatureException("Table.aggregate on " + getClass().getName());
    }

    /**
     * Aggregation with a table aggregate function ({@code io.sluice.table.functions.TableAggregateFunction}), which
     * emits any number of rows per group: {@code flatAggregate(call(Top2.class, $("v")).as("v", "rank"))}. The
     * result has the group keys followed by the function's columns (renamed by {@code .as(...)}); follow it with
     * {@code select}. In streaming mode a group's change retracts ({@code -D}) the rows it emitted before.
     */
    default FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
        throw new UnsupportedFeatureException("Table.flatAggregate on " + getClass().getName());
    }
}
