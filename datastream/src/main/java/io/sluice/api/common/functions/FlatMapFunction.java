package io.sluice.api.common.functions;

import io.sluice.util.Collector;

/** Turns each record into zero, one or more records. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
    void flatMap(T value, Collector<O> out) throws Exception;
}
