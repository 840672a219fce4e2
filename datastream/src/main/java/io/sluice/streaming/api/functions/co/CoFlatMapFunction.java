package io.sluice.streaming.api.functions.co;

import io.sluice.api.common.functions.Function;
import io.sluice.util.Collector;

/** Flat-maps the records of two connected streams to one output type. */
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {
    void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

    void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
