package io.sluice.datastream.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.windowing.assigners.GlobalWindows;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GlobalWindows.createWithEndOfStreamTrigger()}: each key's window fires once, with all its records. */
class EndOfStreamGlobalWindowTest {
    @Test
    void eachKeysWindowFiresOnceAtTheEnd() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<Tuple2<Long, Long>> out = env.fromSequence(1, 1000)
                .map(i -> Tuple2.of(i % 3, 1L)).returns(Types.TUPLE(Types.LONG, Types.LONG))
                .keyBy(t -> t.f0)
                .window(GlobalWindows.createWithEndOfStreamTrigger())
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
                .executeAndCollect(100);
        out.sort((a, b) -> Long.compare(a.f0, b.f0));
        assertEquals(List.of(Tuple2.of(0L, 333L), Tuple2.of(1L, 334L), Tuple2.of(2L, 333L)), out);
    }
}
