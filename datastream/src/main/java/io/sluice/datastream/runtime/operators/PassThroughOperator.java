package io.sluice.datastream.runtime.operators;

import io.sluice.datastream.runtime.ChainedOperator;

/** Forwards every record unchanged (the head of a chain that only regroups its inputs, e.g. after a union). */
public final class PassThroughOperator extends ChainedOperator {
    private static final long serialVersionUID = 1L;

    public PassThroughOperator(String name) {
        super(name);
    }

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
        output.collect(value, timestamp);
    }
}
