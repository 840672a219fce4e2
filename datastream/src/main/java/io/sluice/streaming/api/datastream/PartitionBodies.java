package io.sluice.streaming.api.datastream;

import io.sluice.api.common.functions.AggregateFunction;
import io.sluice.api.common.functions.MapPartitionFunction;
import io.sluice.api.common.functions.OpenContext;
import io.sluice.api.common.functions.ReduceFunction;
import io.sluice.api.common.functions.RichFunction;
import io.sluice.api.common.operators.Order;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.api.java.tuple.Tuple;
import io.sluice.streaming.api.functions.windowing.ProcessWindowFunction;
import io.sluice.streaming.api.windowing.windows.GlobalWindow;
import io.sluice.util.Collector;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What {@link PartitionWindowedStream}'s operations do with a partition's records, as a window function. */
final class PartitionBodies {
    private PartitionBodies() {
    }

    /** Processes all the records of a partition. */
    interface Body<T, R> extends Serializable {
        void apply(Iterable<T> values, Collector<R> out) throws Exception;

        /** The user function, to open and close with the window function. */
        Object function();
    }

    static <T, R> Body<T, R> mapPartition(MapPartitionFunction<T, R> f) {
        return new Body<>() {
            @Override
            public void apply(Iterable<T> values, Collector<R> out) throws Exception {
                f.mapPartition(values, out);
            }

            @Override
            public Object function() {
                return f;
            }
        };
    }

    static <T> Body<T, T> reduce(ReduceFunction<T> f) {
        return new Body<>() {
            @Override
            public void apply(Iterable<T> values, Collector<T> out) throws Exception {
                T acc = null;
                for (T v : values) {
                    acc = acc == null ? v : f.reduce(acc, v);
                }
                if (acc != null) {
                    out.collect(acc);
                }
            }

            @Override
            public Object function() {
                return f;
            }
        };
    }

    static <T, A, R> Body<T, R> aggregate(AggregateFunction<T, A, R> f) {
        return new Body<>() {
            @Override
            public void apply(Iterable<T> values, Collector<R> out) throws Exception {
                A acc = f.createAccumulator();
                for (T v : values) {
                    acc = f.add(v, acc);
                }
                out.collect(f.getResult(acc));
            }

            @Override
            public Object function() {
                return f;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T, K> Body<T, T> sort(KeySelector<T, K> key, Order order) {
        return new Body<>() {
            @Override
            public void apply(Iterable<T> values, Collector<T> out) throws Exception {
                List<T> all = new ArrayList<>();
                values.forEach(all::add);
                if (order.isOrdered()) {
                    List<Object[]> keyed = new ArrayList<>(all.size());
                    for (T v : all) {
                        keyed.add(new Object[] {key.getKey(v), v});
                    }
                    Comparator<Object[]> byKey = (a, b) -> ((Comparable) a[0]).compareTo(b[0]);
                    keyed.sort(order == Order.DESCENDING ? byKey.reversed() : byKey);
                    for (Object[] kv : keyed) {
                        out.collect((T) kv[1]);
                    }
                } else {
                    all.forEach(out::collect);
                }
            }

            @Override
            public Object function() {
                return key;
            }
        };
    }

    /** A key selector of tuple field {@code field}. */
    static <T> KeySelector<T, Object> tupleField(int field) {
        return value -> ((Tuple) value).getField(field);
    }

    /** A key selector of field {@code name}: a tuple's {@code fN}, or a public field or getter of a POJO. */
    static <T> KeySelector<T, Object> namedField(String name) {
        return value -> {
            if (value instanceof Tuple && name.matches("f\\d+")) {
                return ((Tuple) value).getField(Integer.parseInt(name.substring(1)));
            }
            try {
                return value.getClass().getField(name).get(value);
            } catch (NoSuchFieldException e) {
                String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
                return value.getClass().getMethod(getter).invoke(value);
            }
        };
    }

    /** Runs a body over a window's records, opening and closing a rich user function with it. */
    static class Window<T, R, K> extends ProcessWindowFunction<T, R, K, GlobalWindow> {
        private static final long serialVersionUID = 1L;
        private final Body<T, R> body;

        Window(Body<T, R> body) {
            this.body = body;
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            if (body.function() instanceof RichFunction) {
                ((RichFunction) body.function()).setRuntimeContext(getRuntimeContext());
                ((RichFunction) body.function()).open(openContext);
            }
        }

        @Override
        public void process(K key, Context context, Iterable<T> elements, Collector<R> out) throws Exception {
            body.apply(elements, out);
        }

        @Override
        public void close() throws Exception {
            if (body.function() instanceof RichFunction) {
                ((RichFunction) body.function()).close();
            }
        }
    }
}
