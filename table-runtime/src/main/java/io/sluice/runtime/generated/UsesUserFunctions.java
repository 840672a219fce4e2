package io.sluice.runtime.generated;

import io.sluice.table.functions.FunctionContext;

/**
 * Implemented by a generated class that calls user-defined functions: it holds one instance of each, which
 * the operator running the class opens once before its first batch and closes once at the end.
 */
public interface UsesUserFunctions {
    /** Calls {@code open(context)} on every function instance. */
    void openFunctions(FunctionContext context) throws Exception;

    /** Calls {@code close()} on every function instance. */
    void closeFunctions() throws Exception;
}
