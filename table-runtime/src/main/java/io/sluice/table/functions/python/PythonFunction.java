package io.sluice.table.functions.python;

/**
 * Implemented by user-defined functions written in Python (Flink's interface of the same name), so that the planner
 * can apply the rules Flink has for them, such as which aggregations may call them.
 */
public interface PythonFunction {
    /** Whether the function is called row at a time or with pandas. */
    PythonFunctionKind getPythonFunctionKind();
}
