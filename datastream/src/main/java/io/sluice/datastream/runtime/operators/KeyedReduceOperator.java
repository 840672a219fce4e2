package io.sluice.datastream.runtime.operators;

import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.datastream.runtime.StreamingRuntimeContext;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.runtime.state.keyed.KeyedValueState;
import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.runtime.state.keyed.VoidNamespace;

/**
 * {@code KeyedStream.reduce} (and {@code sum/min/max/minBy/maxBy}): keeps the reduced value per key in keyed state.
 * In streaming mode it emits the new value after every record (a rolling aggregate); in batch mode only the final
 * value per key, when the input ends.
 */
public final class KeyedReduceOperator extends KeyedOperator {
    private static final long serialVersionUID = 1L;
    private static final String STATE = "reduce-value";
    private final ReduceFunction<Object> function;
    private final StateSerializer<Object> serializer;
    private transient KeyedValueState<VoidNamespace, Object> state;
    private transient boolean batch;

    @SuppressWarnings("unchecked")
    public KeyedReduceOperator(String name, KeySelector<?, ?> keySelector, ReduceFunction<?> function,
            StateSerializer<?> serializer) {
        super(name, keySelector);
        this.function = (ReduceFunction<Object>) function;
        this.serializer = (StateSerializer<Object>) serializer;
    }

    @Override
    public void open() throws Exception {
        state = context.keyedState().getValueState(STATE, serializer);
        batch = context.runtimeMode() == RuntimeMode.BATCH;
        StreamingRuntimeContext.open(function, context);
    }

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
        setCurrentKey(input, value);
        Object current = state.value();
        Object reduced = current == null ? value : function.reduce(current, value);
        state.update(reduced);
        if (!batch) {
            output.collect(reduced, timestamp);
        }
    }

    @Override
    public void endInput() throws Exception {
        if (batch) {
            for (Object key : context.keyedState().keys(STATE, VoidNamespace.INSTANCE)) {
                context.keyedState().setCurrentKey(key);
                output.collect(state.value(), RecordBatches.NO_TIMESTAMP);
            }
        }
    }

    @Override
    public void close() throws Exception {
        StreamingRuntimeContext.close(function);
    }
}
