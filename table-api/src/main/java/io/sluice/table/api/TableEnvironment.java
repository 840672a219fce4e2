package io.sluice.table.api;

import io.sluice.table.api.internal.TableEnvironmentImpl;
import java.util.List;

/**
 * The entry point of Sluice's Table API and SQL, shaped like Flink's:
 * <pre>{@code
 * TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
 * env.executeSql("CREATE TABLE t (a INT, b STRING) WITH ('connector' = 'filesystem', 'path' = 'in.csv', 'format' = 'csv')");
 * env.executeSql("SELECT b, COUNT(*) FROM t GROUP BY b").print();
 * }</pre>
 */
public interface TableEnvironment {

    static TableEnvironment create(EnvironmentSettings settings) {
        return new TableEnvironmentImpl(settings);
    }

    /** Executes one SQL statement (DDL, DML, query, SET, SHOW, EXPLAIN, ...). */
    TableResult executeSql(String statement);

    /** Plans a query without running it. */
    Table sqlQuery(String query);

    /** The table or view with this (possibly qualified) name. */
    Table from(String path);

    /** A table of literal rows; each element is a {@code Row} or a single value. */
    Table fromValues(DataTypes.RowDataType rowType, Object... values);

    /** A table of rows given as {@code Row}s or a row's values; each row may be a {@code row(...)} expression. */
    /**
     * Rows of values with the given type, as in Flink: a {@code DataTypes.ROW(...)} names and types the columns; any
     * other type makes one column {@code f0} of that type ({@code fromValues(DataTypes.BIGINT(), 1, 2)}).
     */
    default Table fromValues(DataType rowType, Object... values) {
        return fromValues(DataTypes.asRowType(rowType), values);
    }

    /** {@link #fromValues(DataType, Object...)} of the values of an {@code Iterable}. */
    default Table fromValues(DataType rowType, Iterable<?> values) {
        return fromValues(DataTypes.asRowType(rowType), values);
    }

    default Table fromValues(DataTypes.RowDataType rowType, Iterable<?> values) {
        throw new UnsupportedFeatureException("fromValues in " + getClass().getName());
    }

    /**
     * A table of literal rows ({@code row(1, "ABC")}, {@code Row.of(..)} or single values); columns are named
     * {@code f0, f1, ...} and get each column's common type.
     */
    default Table fromValues(Object... values) {
        throw new UnsupportedFeatureException("fromValues in " + getClass().getName());
    }

    /** Like {@link #fromValues(Object...)} for rows given as a collection. */
    default Table fromValues(Iterable<?> values) {
        throw new UnsupportedFeatureException("fromValues in " + getClass().getName());
    }

    /** A table described in code, created as an anonymous temporary table. */
    default Table from(TableDescriptor descriptor) {
        throw new UnsupportedFeatureException("from(TableDescriptor) in " + getClass().getName());
    }

    /** Registers a temporary table described in code, like {@code CREATE TEMPORARY TABLE path (...) WITH (...)}. */
    default void createTemporaryTable(String path, TableDescriptor descriptor) {
        throw new UnsupportedFeatureException("createTemporaryTable in " + getClass().getName());
    }

    /** Like {@link #createTemporaryTable(String, TableDescriptor)}; with {@code ignoreIfExists} an existing one is kept. */
    default void createTemporaryTable(String path, TableDescriptor descriptor, boolean ignoreIfExists) {
        throw new UnsupportedFeatureException("createTemporaryTable in " + getClass().getName());
    }

    /** Creates a catalog table described in code, like {@code CREATE TABLE path (...) WITH (...)}. */
    default void createTable(String path, TableDescriptor descriptor) {
        throw new UnsupportedFeatureException("createTable in " + getClass().getName());
    }

    /** Creates a catalog table unless it exists and {@code ignoreIfExists}; true when it was created. */
    default boolean createTable(String path, TableDescriptor descriptor, boolean ignoreIfExists) {
        throw new UnsupportedFeatureException("createTable in " + getClass().getName());
    }

    /** Registers {@code view} as a (non-temporary) catalog view. */
    default void createView(String path, Table view) {
        throw new UnsupportedFeatureException("createView in " + getClass().getName());
    }

    /** Drops a temporary view; false when there was none. */
    default boolean dropTemporaryView(String path) {
        throw new UnsupportedFeatureException("dropTemporaryView in " + getClass().getName());
    }

    /** Drops a temporary table; false when there was none. */
    default boolean dropTemporaryTable(String path) {
        throw new UnsupportedFeatureException("dropTemporaryTable in " + getClass().getName());
    }

    /** Registers {@code table} as a temporary view usable by name in SQL. */
    void createTemporaryView(String path, Table table);

    /** Names of the tables and views in the current database. */
    List<String> listTables();

    /** The plan of a statement as {@code EXPLAIN} prints it. */
    String explainSql(String statement);

    /** The plan of a statement with extra details, as {@code EXPLAIN CHANGELOG_MODE, ... <statement>} prints it. */
    default String explainSql(String statement, ExplainDetail... extraDetails) {
        if (extraDetails.length == 0) {
            return explainSql(statement);
        }
        StringBuilder sb = new StringBuilder("EXPLAIN ");
        for (int i = 0; i < extraDetails.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(extraDetails[i].name());
        }
        return explainSql(sb.append(' ').append(statement).toString());
    }

    TableConfig getConfig();

    /**
     * A new, empty set of INSERTs that are explained and executed together as one job. Environments other than
     * Sluice's own (test doubles) do not support statement sets.
     */
    default StatementSet createStatementSet() {
        throw new UnsupportedFeatureException("statement sets in " + getClass().getName());
    }

    /**
     * Registers a temporary system function (no catalog namespace; shadows built-in functions of that name),
     * like {@code CREATE TEMPORARY SYSTEM FUNCTION name AS 'class'}.
     */
    void createTemporarySystemFunction(String name, Class<? extends io.sluice.table.functions.UserDefinedFunction>
            functionClass);

    /**
     * Registers an instance as a temporary system function; each operator instance works on its own copy
     * (the instance must be serializable).
     */
    void createTemporarySystemFunction(String name, io.sluice.table.functions.UserDefinedFunction functionInstance);

    /** Registers a temporary catalog function under a (possibly qualified) path. */
    void createTemporaryFunction(String path, Class<? extends io.sluice.table.functions.UserDefinedFunction>
            functionClass);

    /** Registers an instance as a temporary catalog function under a (possibly qualified) path. */
    void createTemporaryFunction(String path, io.sluice.table.functions.UserDefinedFunction functionInstance);

    /** Registers a catalog function, like {@code CREATE FUNCTION path AS 'class'}; fails if it exists. */
    void createFunction(String path, Class<? extends io.sluice.table.functions.UserDefinedFunction> functionClass);

    /** Registers a catalog function; with {@code ignoreIfExists} an existing function is kept. */
    void createFunction(String path, Class<? extends io.sluice.table.functions.UserDefinedFunction> functionClass,
            boolean ignoreIfExists);

    /** Drops a temporary system function; false when there was none. */
    boolean dropTemporarySystemFunction(String name);

    /** Drops a temporary catalog function; false when there was none. */
    boolean dropTemporaryFunction(String path);

    /** Drops a catalog function; false when there was none. */
    boolean dropFunction(String path);

    /** Names of the user-defined functions visible in the current database (as SHOW USER FUNCTIONS). */
    String[] listUserDefinedFunctions();
}
