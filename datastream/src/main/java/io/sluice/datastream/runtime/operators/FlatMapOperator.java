package io.sluice.datastream.runtime.operators;

import io.sluice.api.common.functions.FlatMapFunction;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.StreamingRuntimeContext;
import io.sluice.datastream.runtime.TimestampedCollector;

/** {@code DataStream.flatMap}: any number of records out per record in, with the input's timestamp. */
public final class FlatMapOperator extends KeyedOperator {
    private static final long serialVersionUID = 1L;
    private final FlatMapFunction<Object, Object> function;
    private transient TimestampedCollector<Object> collector;

    @SuppressWarnings("unchecked")
    public FlatMapOperator(String name, FlatMapFunction<?, ?> function) {
        this(name, null, function);
    }

    /** On a keyed stream ({@code keySelector} not null) a rich function's state is that of the record's key. */
    @SuppressWarnings("unchecked")
    public FlatMapOperator(String name, KeySelector<?, ?> keySelector, FlatMapFunction<?, ?> function) {
        super(name, new KeySelector<?, ?>[] {keySelector});
        this.function = (FlatMapFunction<Object, Object>) function;
    }

    @Override
    public void open() throws Exception {
        collector = output.collector();
        StreamingRuntimeContext.open(function, context);
    }

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
        setCurrentKey(input, value);
        function.flatMap(value, collector.at(timestamp));
    }

    @Override
    public void close() throws Exception {
        StreamingRuntimeContext.close(function);
    }
}
