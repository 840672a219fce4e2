package io.sluice.datastream.runtime.window;

import io.sluice.api.common.functions.AggregateFunction;
import io.sluice.api.common.functions.Function;
import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.runtime.state.keyed.KeyedListState;
import io.sluice.runtime.state.keyed.KeyedStateBackend;
import io.sluice.runtime.state.keyed.StateSerializer;
import io.sluice.streaming.api.windowing.evictors.Evictor;
import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.streaming.runtime.operators.windowing.TimestampedValue;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The contents of a window with an {@link Evictor}: every record with its timestamp, also when the window reduces
 * or aggregates (the reduction runs when the window fires, over the records the evictor left). On each firing the
 * evictor runs before and after the window function; the records it left stay in the window.
 */
final class EvictingContents extends WindowContents {
    private static final long serialVersionUID = 1L;
    private final Evictor<Object, Window> evictor;
    private final StateSerializer<Object> serializer;
    private final ReduceFunction<Object> reduce;
    private final AggregateFunction<Object, Object, Object> aggregate;
    private transient KeyedListState<Window, Object[]> state;
    private transient LongSupplier processingTime;
    private transient LongSupplier watermark;

    @SuppressWarnings("unchecked")
    EvictingContents(Evictor<?, ?> evictor, StateSerializer<?> serializer, ReduceFunction<?> reduce,
            AggregateFunction<?, ?, ?> aggregate) {
        this.evictor = (Evictor<Object, Window>) evictor;
        this.serializer = (StateSerializer<Object>) serializer;
        this.reduce = (ReduceFunction<Object>) reduce;
        this.aggregate = (AggregateFunction<Object, Object, Object>) aggregate;
    }

    @Override
    Function function() {
        return reduce != null ? reduce : aggregate;
    }

    @Override
    void bindClocks(LongSupplier processingTime, LongSupplier watermark) {
        this.processingTime = processingTime;
        this.watermark = watermark;
    }

    @Override
    void open(KeyedStateBackend<Object> backend, StateSerializer<Window> windowSerializer, Window initial) {
        state = backend.getListState(STATE, windowSerializer, initial, new RecordSerializer(serializer));
    }

    @Override
    void add(Window window, Object value) {
        add(window, value, Long.MIN_VALUE);
    }

    @Override
    void add(Window window, Object value, long timestamp) {
        state.setCurrentNamespace(window);
        state.add(new Object[] {value, timestamp});
    }

    @Override
    Iterable<Object> get(Window window) throws Exception {
        state.setCurrentNamespace(window);
        List<TimestampedValue<Object>> records = new ArrayList<>();
        for (Object[] r : state.get()) {
            long ts = (Long) r[1];
            records.add(TimestampedValue.from(r[0], ts, ts != Long.MIN_VALUE));
        }
        if (records.isEmpty()) {
            return null;
        }
        Evictor.EvictorContext ctx = new Evictor.EvictorContext() {
            @Override
            public long getCurrentProcessingTime() {
                return processingTime.getAsLong();
            }

            @Override
            public long getCurrentWatermark() {
                return watermark.getAsLong();
            }
        };
        evictor.evictBefore(records, records.size(), window, ctx);
        List<Object> values = new ArrayList<>(records.size());
        for (TimestampedValue<Object> r : records) {
            values.add(r.getValue());
        }
        Iterable<Object> result = values;
        if (reduce != null) {
            Object acc = null;
            for (Object v : values) {
                acc = acc == null ? v : reduce.reduce(acc, v);
            }
            result = acc == null ? null : List.of(acc);
        } else if (aggregate != null) {
            Object acc = aggregate.createAccumulator();
            for (Object v : values) {
                acc = aggregate.add(v, acc);
            }
            result = values.isEmpty() ? null : List.of(aggregate.getResult(acc));
        } else if (values.isEmpty()) {
            result = null;
        }
        evictor.evictAfter(records, records.size(), window, ctx);
        List<Object[]> kept = new ArrayList<>(records.size());
        for (TimestampedValue<Object> r : records) {
            kept.add(new Object[] {r.getValue(), r.hasTimestamp() ? r.getTimestamp() : Long.MIN_VALUE});
        }
        state.update(kept);
        return result;
    }

    @Override
    void clear(Window window) {
        state.setCurrentNamespace(window);
        state.clear();
    }

    @Override
    void merge(Window from, Window into) {
        state.setCurrentNamespace(from);
        List<Object[]> values = List.copyOf(state.get());
        state.clear();
        state.setCurrentNamespace(into);
        for (Object[] v : values) {
            state.add(v);
        }
    }

    /** A record and its timestamp ({@code Long.MIN_VALUE}: none). */
    private static final class RecordSerializer implements StateSerializer<Object[]> {
        private final StateSerializer<Object> values;

        RecordSerializer(StateSerializer<Object> values) {
            this.values = values;
        }

        @Override
        public void serialize(Object[] record, DataOutput out) throws IOException {
            out.writeLong((Long) record[1]);
            values.serialize(record[0], out);
        }

        @Override
        public Object[] deserialize(DataInput in) throws IOException {
            long ts = in.readLong();
            return new Object[] {values.deserialize(in), ts};
        }

        @Override
        public String identity() {
            return "timestamped(" + values.identity() + ")";
        }
    }
}
