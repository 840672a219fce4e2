package io.sluice.streaming.api.datastream;

import io.sluice.api.common.functions.CoGroupFunction;
import io.sluice.api.common.functions.FlatJoinFunction;
import io.sluice.api.common.functions.JoinFunction;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.datastream.runtime.operators.TaggedUnion;
import io.sluice.datastream.types.TypeExtractor;
import io.sluice.streaming.api.windowing.assigners.WindowAssigner;
import io.sluice.streaming.api.windowing.triggers.Trigger;
import io.sluice.streaming.api.windowing.windows.Window;
import io.sluice.util.Collector;
import java.time.Duration;

/**
 * A window join: {@code input1.join(input2).where(k1).equalTo(k2).window(w).apply(f)} calls {@code f} for every
 * pair of records of both inputs with equal keys in the same window (an inner join).
 */
public class JoinedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
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
                return new WithWindow<>(new CoGroupedStreams.WithWindow<>(input1, input2, key1, key2, assigner));
            }
        }
    }

    /** Both inputs keyed and windowed; {@link #apply} sets the join function. */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup;

        WithWindow(CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup) {
            this.coGroup = coGroup;
        }

        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion, ? super W> trigger) {
            coGroup.trigger(trigger);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
            coGroup.allowedLateness(lateness);
            return this;
        }

        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function) {
            return apply(function, DataStream.cast(TypeExtractor.typeArgument(function, JoinFunction.class, 2)));
        }

        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function, TypeInformation<T> resultType) {
            return coGroup.apply(new JoinCoGroup<>(function, null), resultType);
        }

        public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function) {
            return apply(function, DataStream.cast(TypeExtractor.typeArgument(function, FlatJoinFunction.class, 2)));
        }

        public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function,
                TypeInformation<T> resultType) {
            return coGroup.apply(new JoinCoGroup<>(null, function), resultType);
        }
    }

    /** The cross product of a key's records of both inputs in one window. */
    static final class JoinCoGroup<T1, T2, T> implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;
        private final JoinFunction<T1, T2, T> join;
        private final FlatJoinFunction<T1, T2, T> flatJoin;

        JoinCoGroup(JoinFunction<T1, T2, T> join, FlatJoinFunction<T1, T2, T> flatJoin) {
            this.join = join;
            this.flatJoin = flatJoin;
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 a : first) {
                for (T2 b : second) {
                    if (join != null) {
                        out.collect(join.join(a, b));
                    } else {
                        flatJoin.join(a, b, out);
                    }
                }
            }
        }
    }
}
