package io.sluice.runtime.operator;

/** Creates a fresh operator instance for one parallel task. */
@FunctionalInterface
public interface OperatorFactory {
    StreamOperator create();
}
