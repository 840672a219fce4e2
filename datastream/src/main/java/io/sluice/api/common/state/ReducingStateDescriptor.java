package io.sluice.api.common.state;

import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.api.common.typeinfo.TypeInformation;

/** Describes a {@link ReducingState}. */
public class ReducingStateDescriptor<T> extends StateDescriptor<ReducingState<T>, T> {
    private static final long serialVersionUID = 1L;
    private final ReduceFunction<T> reduceFunction;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> typeClass) {
        super(name, typeClass);
        this.reduceFunction = reduceFunction;
    }

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInformation<T> typeInfo) {
        super(name, typeInfo);
        this.reduceFunction = reduceFunction;
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }

    @Override
    public Type getType() {
        return Type.REDUCING;
    }
}
