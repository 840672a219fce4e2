package io.sluice.streaming.api.datastream;

import io.sluice.api.common.functions.CoGroupFunction;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.operators.TaggedUnion;
import io.sluice.datastream.types.TypeExtractor;
import io.sluice.streaming.api.functions.windowing.WindowFunction;
import io.sluice.streaming.api.windowing.assigners.WindowAssigner;
import io.sluice.streaming.api.windowing.triggers.Trigger;
import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two streams grouped by key and window: {@code input1.coGroup(input2).where(k1).equalTo(k2).window(w).apply(f)}.
 * Sluice runs it as one keyed window over both inputs' records.
 */
public class CoGroupedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = input1;
        this.input2 = input2;
    }

    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        return new Where<>(keySelector);
    }

    /** The first input's key. */
    public class Where<KEY> {
        private final KeySelector<T1, KEY> key1;

        Where(KeySelector<T1, KEY> key1) {
            this.key1 = key1;
        }

        public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
            return new EqualTo(keySelector);
        }

        /** Both keys. */
        public class EqualTo {
            private final KeySelector<T2, KEY> key2;

            EqualTo(KeySelector<T2, KEY> key2) {
                this.key2 = key2;
            }

            public <W extends Window> WithWindow<T1, T2, KEY, W> window(WindowAssigner<? super TaggedUnion, W> assigner) {
                return new WithWindow<>(input1, input2, key1, key2, assigner);
            }
        }
    }

    /** Both inputs keyed and windowed; {@link #apply} sets the function. */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final WindowedStream<TaggedUnion, Object, W> windowed;

        @SuppressWarnings({"unchecked", "rawtypes"})
        WithWindow(DataStream<T1> input1, DataStream<T2> input2, KeySelector<T1, KEY> key1, KeySelector<T2, KEY> key2,
                WindowAssigner<? super TaggedUnion, W> assigner) {
            DataStream<TaggedUnion> one = input1.map(v -> TaggedUnion.one(v));
            DataStream<TaggedUnion> two = input2.map(v -> TaggedUnion.two(v));
            KeySelector<TaggedUnion, Object> key = new UnionKey(key1, key2);
            this.windowed = one.union(two).keyBy(key).window(assigner);
        }

        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion, ? super W> trigger) {
            windowed.trigger(trigger);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
            windowed.allowedLateness(lateness);
            return this;
        }

        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
            return apply(function, DataStream.cast(TypeExtractor.typeArgument(function, CoGroupFunction.class, 2)));
        }

        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function,
                TypeInformation<T> resultType) {
            return windowed.apply(new CoGroupWindowFunction<T1, T2, T, W>(function)).returns(resultType);
        }
    }

    /** The key of a tagged record: the first or the second input's key selector. */
    static final class UnionKey implements KeySelector<TaggedUnion, Object> {
        private static final long serialVersionUID = 1L;
        private final KeySelector<Object, Object> key1;
        private final KeySelector<Object, Object> key2;

        @SuppressWarnings("unchecked")
        UnionKey(KeySelector<?, ?> key1, KeySelector<?, ?> key2) {
            this.key1 = (KeySelector<Object, Object>) key1;
            this.key2 = (KeySelector<Object, Object>) key2;
        }

        @Override
        public Object getKey(TaggedUnion value) throws Exception {
            return value.isOne ? key1.getKey(value.one) : key2.getKey(value.two);
        }
    }

    /** Splits a window's tagged records by input and calls the co-group function. */
    static final class CoGroupWindowFunction<T1, T2, T, W extends Window>
            implements WindowFunction<TaggedUnion, T, Object, W> {
        private static final long serialVersionUID = 1L;
        private final CoGroupFunction<T1, T2, T> function;

        CoGroupWindowFunction(CoGroupFunction<T1, T2, T> function) {
            this.function = function;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void apply(Object key, W window, Iterable<TaggedUnion> input, Collector<T> out) throws Exception {
            List<T1> first = new ArrayList<>();
            List<T2> second = new ArrayList<>();
            for (TaggedUnion t : input) {
                if (t.isOne) {
                    first.add((T1) t.one);
                } else {
                    second.add((T2) t.two);
                }
            }
            function.coGroup(first, second, out);
        }
    }
}
