package io.sluice.api.common.functions;

/** Combines a pair of joined records into one. */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {
    OUT join(IN1 first, IN2 second) throws Exception;
}
