package io.sluice.table.functions.python;

/** How a Python function is called, as Flink's enum of the same name: row at a time, or vectorized with pandas. */
public enum PythonFunctionKind {
    /** Called once per row (PyFlink's {@code func_type="general"}). */
    GENERAL,
    /** Called with {@code pandas.Series} of many rows (PyFlink's {@code func_type="pandas"}). */
    PANDAS
}
