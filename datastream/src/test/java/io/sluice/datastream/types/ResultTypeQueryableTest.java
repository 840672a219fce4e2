package io.sluice.datastream.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.api.java.typeutils.ResultTypeQueryable;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A function implementing {@code ResultTypeQueryable} states its output type. */
class ResultTypeQueryableTest {
    /** Pairs a value with itself; its output type is a type variable, stated by {@link #getProducedType}. */
    static final class Twice<T> implements MapFunction<T, Tuple2<T, T>>, ResultTypeQueryable<Tuple2<T, T>> {
        private final TypeInformation<T> type;

        Twice(TypeInformation<T> type) {
            this.type = type;
        }

        @Override
        public Tuple2<T, T> map(T value) {
            return Tuple2.of(value, value);
        }

        @Override
        public TypeInformation<Tuple2<T, T>> getProducedType() {
            return Types.TUPLE(type, type);
        }
    }

    @Test
    void theStatedTypeIsTheOutputType() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<Tuple2<Long, Long>> pairs = env.fromSequence(1, 3).map(new Twice<>(Types.LONG));
        assertEquals(Types.TUPLE(Types.LONG, Types.LONG), pairs.getType());
        List<Tuple2<Long, Long>> out = pairs.keyBy(t -> t.f0).map(t -> t).returns(pairs.getType())
                .executeAndCollect(10);
        out.sort((a, b) -> Long.compare(a.f0, b.f0));
        assertEquals(List.of(Tuple2.of(1L, 1L), Tuple2.of(2L, 2L), Tuple2.of(3L, 3L)), out);
    }
}
