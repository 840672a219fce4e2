package io.sluice.codegen.udf;

import org.apache.calcite.sql.SqlFunction;

/** Creates the Calcite operator validating calls of a user-defined function. */
public final class UserFunctionOperators {
    private UserFunctionOperators() {
    }

    /** A {@link ScalarUserSqlFunction}, {@link TableUserSqlFunction}, {@link AggregateUserSqlFunction} or
     * {@link TableAggregateSqlFunction}. */
    public static SqlFunction create(UserFunction function) {
        switch (function.kind()) {
            case SCALAR:
                return new ScalarUserSqlFunction(function);
            case TABLE:
                return new TableUserSqlFunction(function);
            case TABLE_AGGREGATE:
                return new TableAggregateSqlFunction(function);
            default:
                return new AggregateUserSqlFunction(function);
        }
    }
}
