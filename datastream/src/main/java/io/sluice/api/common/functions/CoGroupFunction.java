package io.sluice.api.common.functions;

import io.sluice.util.Collector;

/** Computes a result from the records of both inputs that share a key (and window). */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, O> extends Function {
    void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<O> out) throws Exception;
}
