package io.sluice.datastream.runtime.operators;

import io.sluice.api.common.functions.FilterFunction;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.StreamingRuntimeContext;

/** {@code DataStream.filter}: keeps the records the function accepts. */
public final class FilterOperator extends KeyedOperator {
    private static final long serialVersionUID = 1L;
    private final FilterFunction<Object> function;

    @SuppressWarnings("unchecked")
    public FilterOperator(String name, FilterFunction<?> function) {
        this(name, null, function);
    }

    /** On a keyed stream ({@code keySelector} not null) a rich function's state is that of the record's key. */
    @SuppressWarnings("unchecked")
    public FilterOperator(String name, KeySelector<?, ?> keySelector, FilterFunction<?> function) {
        super(name, new KeySelector<?, ?>[] {keySelector});
        this.function = (FilterFunction<Object>) function;
    }

    @Override
    public void open() throws Exception {
        StreamingRuntimeContext.open(function, context);
    }

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
        setCurrentKey(input, value);
        if (function.filter(value)) {
            output.collect(value, timestamp);
        }
    }

    @Override
    public void close() throws Exception {
        StreamingRuntimeContext.close(function);
    }
}
