package io.sluice.datastream.runtime.operators;

import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.StreamingRuntimeContext;

/** {@code DataStream.map}: one record out per record in, with the input's timestamp. */
public final class MapOperator extends KeyedOperator {
    private static final long serialVersionUID = 1L;
    private final MapFunction<Object, Object> function;

    @SuppressWarnings("unchecked")
    public MapOperator(String name, MapFunction<?, ?> function) {
        this(name, null, function);
    }

    /** On a keyed stream ({@code keySelector} not null) a rich function's state is that of the record's key. */
    @SuppressWarnings("unchecked")
    public MapOperator(String name, KeySelector<?, ?> keySelector, MapFunction<?, ?> function) {
        super(name, new KeySelector<?, ?>[] {keySelector});
        this.function = (MapFunction<Object, Object>) function;
    }

    @Override
    public void open() throws Exception {
        StreamingRuntimeContext.open(function, context);
    }

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
        setCurrentKey(input, value);
        output.collect(function.map(value), timestamp);
    }

    @Override
    public void close() throws Exception {
        StreamingRuntimeContext.close(function);
    }
}
