package io.sluice.api.common.functions;

/** Combines two values of the same type into one (used by rolling and window reductions). */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
    T reduce(T value1, T value2) throws Exception;
}
