package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.api.java.tuple.Tuple3;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code DataStream.project}: tuples of selected fields, as in Flink's operators page. */
class ProjectTest {
    @Test
    void projectsTupleFieldsInTheGivenOrder() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DataStream<Tuple3<Integer, Double, String>> in = env.fromData(Types.TUPLE(Types.INT, Types.DOUBLE,
                Types.STRING), Tuple3.of(1, 0.5, "a"), Tuple3.of(2, 1.5, "b"));
        DataStream<Tuple2<String, Integer>> out = in.<Tuple2<String, Integer>>project(2, 0);
        assertEquals(Types.TUPLE(Types.STRING, Types.INT), out.getType());
        List<Tuple2<String, Integer>> rows = out.keyBy(t -> t.f0).map(t -> t).returns(out.getType())
                .executeAndCollect(10);
        rows.sort((x, y) -> x.f0.compareTo(y.f0));
        assertEquals(List.of(Tuple2.of("a", 1), Tuple2.of("b", 2)), rows);
        assertThrows(IndexOutOfBoundsException.class, () -> in.project(3));
        assertThrows(IllegalArgumentException.class, () -> env.fromData(1, 2).project(0));
    }
}
