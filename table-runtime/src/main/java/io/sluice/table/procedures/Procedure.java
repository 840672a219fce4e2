package io.sluice.table.procedures;

/**
 * A procedure of a catalog, run by {@code CALL catalog.database.procedure(arguments)}, as Flink's
 * {@code Procedure}.
 *
 * <p>The interface has no methods: a procedure declares one or more public methods named {@code call} whose first
 * parameter is a {@link io.sluice.table.procedure.ProcedureContext} and whose result is an array. The other
 * parameters are the SQL arguments; their SQL types come from the Java classes or from
 * {@link io.sluice.table.annotation.ArgumentHint} / {@link io.sluice.table.annotation.ProcedureHint} annotations,
 * which also give the arguments names for {@code CALL p(name => value)} and may make them optional. The array's
 * elements are the result rows: a value of a simple class is one column named {@code result}; a {@code Row} (its
 * type given by {@code @ProcedureHint(output = @DataTypeHint("ROW<...>"))}) or a class with public fields (one
 * column per field, in declaration order) is one row of several columns.
 *
 * <p>A catalog lists its procedures with {@code Catalog#listProcedures} and returns them from
 * {@code Catalog#getProcedure}; {@code SHOW PROCEDURES} shows them.
 */
public interface Procedure {
}
