package io.sluice.datastream.runtime.operators;

import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.StreamingRuntimeContext;
import io.sluice.datastream.runtime.TimestampedCollector;
import io.sluice.streaming.api.functions.co.CoFlatMapFunction;
import io.sluice.streaming.api.functions.co.CoMapFunction;

/**
 * {@code ConnectedStreams.map/flatMap}: calls {@code map1/flatMap1} for the first input and {@code map2/flatMap2}
 * for the second. When both inputs are keyed, a rich function's state is that of the record's key.
 */
public final class CoMapOperator extends KeyedOperator {
    private static final long serialVersionUID = 1L;
    private final CoMapFunction<Object, Object, Object> map;
    private final CoFlatMapFunction<Object, Object, Object> flatMap;
    private transient TimestampedCollector<Object> collector;

    @SuppressWarnings("unchecked")
    public CoMapOperator(String name, KeySelector<?, ?> key1, KeySelector<?, ?> key2, CoMapFunction<?, ?, ?> map,
            CoFlatMapFunction<?, ?, ?> flatMap) {
        super(name, key1, key2);
        this.map = (CoMapFunction<Object, Object, Object>) map;
        this.flatMap = (CoFlatMapFunction<Object, Object, Object>) flatMap;
    }

    @Override
    public void open() throws Exception {
        collector = output.collector();
        StreamingRuntimeContext.open(map != null ? map : flatMap, context);
    }

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
        setCurrentKey(input, value);
        if (map != null) {
            output.collect(input == 0 ? map.map1(value) : map.map2(value), timestamp);
        } else if (input == 0) {
            flatMap.flatMap1(value, collector.at(timestamp));
        } else {
            flatMap.flatMap2(value, collector.at(timestamp));
        }
    }

    @Override
    public void close() throws Exception {
        StreamingRuntimeContext.close(map != null ? map : flatMap);
    }
}
