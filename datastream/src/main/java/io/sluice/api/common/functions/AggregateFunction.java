package io.sluice.api.common.functions;

/**
 * An aggregation with an accumulator: {@link #createAccumulator}, {@link #add} per input, {@link #getResult}
 * at the end, and {@link #merge} when two accumulators meet (merging session windows).
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {
    ACC createAccumulator();

    ACC add(IN value, ACC accumulator);

    OUT getResult(ACC accumulator);

    ACC merge(ACC a, ACC b);
}
