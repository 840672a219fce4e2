package io.sluice.api.common.functions;

import io.sluice.util.Collector;

/** Combines a pair of joined records into any number of records. */
@FunctionalInterface
public interface FlatJoinFunction<IN1, IN2, OUT> extends Function {
    void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
