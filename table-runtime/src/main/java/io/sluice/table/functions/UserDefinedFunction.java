package io.sluice.table.functions;

import java.io.Serializable;

/**
 * Base class of every user-defined function. An implementation is a public class with a public
 * no-argument constructor (when registered by class name); the engine creates one instance per parallel
 * operator instance (a registered instance is copied by Java serialization), calls {@link #open} before the
 * first call and {@link #close} after the last.
 */
public abstract class UserDefinedFunction implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Called once per operator instance before the first evaluation. */
    public void open(FunctionContext context) throws Exception {
    }

    /** Called once per operator instance after the last evaluation (also after failures). */
    public void close() throws Exception {
    }

    /** Whether a call with constant arguments always returns the same result (Flink's default: true). */
    public boolean isDeterministic() {
        return true;
    }

    @Override
    public String toString() {
        return getClass().getName();
    }
}
