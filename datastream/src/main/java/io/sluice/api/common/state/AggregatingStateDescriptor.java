package io.sluice.api.common.state;

import io.sluice.api.common.functions.AggregateFunction;
import io.sluice.api.common.typeinfo.TypeInformation;

/** Describes an {@link AggregatingState}; the type is the accumulator's. */
public class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<AggregatingState<IN, OUT>, ACC> {
    private static final long serialVersionUID = 1L;
    private final AggregateFunction<IN, ACC, OUT> aggFunction;

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggFunction,
            Class<ACC> stateType) {
        super(name, stateType);
        this.aggFunction = aggFunction;
    }

    public AggregatingStateDescriptor(String name, AggregateFunction<IN, ACC, OUT> aggFunction,
            TypeInformation<ACC> stateType) {
        super(name, stateType);
        this.aggFunction = aggFunction;
    }

    public AggregateFunction<IN, ACC, OUT> getAggregateFunction() {
        return aggFunction;
    }

    @Override
    public Type getType() {
        return Type.AGGREGATING;
    }
}
