/**
 * Python user-defined functions: {@link io.sluice.python.udf.PythonFunctionRegistrar} turns a function sent by the
 * Python process (cloudpickled) into a generated {@link io.sluice.table.functions.ScalarFunction} subclass whose typed
 * {@code eval} methods forward to a Python worker process ({@link io.sluice.python.udf.PythonWorker}) that each
 * operator instance starts.
 */
package io.sluice.python.udf;
