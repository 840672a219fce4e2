/**
 * User-defined functions, shaped like Flink's {@code org.apache.flink.table.functions}: extend
 * {@link io.sluice.table.functions.ScalarFunction}, {@link io.sluice.table.functions.TableFunction} or
 * {@link io.sluice.table.functions.AggregateFunction} (or {@link io.sluice.table.functions.TableAggregateFunction}
 * for the Table API's {@code flatAggregate}), write public {@code eval} / {@code accumulate} methods,
 * and register the class with {@code CREATE FUNCTION name AS 'class'} or
 * {@code TableEnvironment.createTemporarySystemFunction}. SQL types are inferred from the Java types of the
 * methods; {@link io.sluice.table.annotation.DataTypeHint} overrides them.
 *
 * <p>The classes live in the {@code table-runtime} module (generated code and operators call them) and are
 * part of the public API that {@code table-api} re-exports.
 */
package io.sluice.table.functions;
