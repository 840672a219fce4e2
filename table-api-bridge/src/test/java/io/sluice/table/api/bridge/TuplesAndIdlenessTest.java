package io.sluice.table.api.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.api.java.tuple.Tuple3;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import io.sluice.table.api.Table;
import io.sluice.table.api.bridge.java.StreamTableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink tuples nested in columns (a POJO field or a Row field holding a tuple is a {@code ROW<f0, f1, ...>} column,
 * converted back into the tuple), and {@code WatermarkStrategy.withIdleness} on a stream converted from a table.
 */
class TuplesAndIdlenessTest {

    /** A POJO with tuple fields. */
    public static class Trade {
        public String id;
        public Tuple2<String, Integer> pair;
        public Tuple3<Long, Double, String> extra;

        public Trade() {
        }

        Trade(String id, Tuple2<String, Integer> pair, Tuple3<Long, Double, String> extra) {
            this.id = id;
            this.pair = pair;
            this.extra = extra;
        }
    }

    private static List<String> rows(Table table) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = table.execute().collect()) {
            it.forEachRemaining(r -> out.add(r.toString()));
        }
        return out;
    }

    @Test
    void tupleFieldsOfPojosAreRowColumnsAndComeBackAsTuples() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<Trade> trades = env.fromElements(
                new Trade("t1", Tuple2.of("EUR", 3), Tuple3.of(7L, 1.5, "x")),
                new Trade("t2", Tuple2.of("USD", 4), null));
        Table table = tableEnv.fromDataStream(trades);
        assertEquals("ROW<`f0` STRING, `f1` INT>",
                table.getResolvedSchema().getColumns().get(1).getDataType().toString());
        tableEnv.createTemporaryView("trades", table);
        assertEquals(List.of("+I[t1, EUR, 6, x]", "+I[t2, USD, 8, null]"),
                rows(tableEnv.sqlQuery("SELECT id, pair.f0, pair.f1 * 2, extra.f2 FROM trades")));

        List<Trade> back = tableEnv.toDataStream(table, Trade.class).executeAndCollect(10);
        Trade t1 = back.get(0).id.equals("t1") ? back.get(0) : back.get(1);
        Trade t2 = back.get(0).id.equals("t1") ? back.get(1) : back.get(0);
        assertEquals(Tuple2.of("EUR", 3), t1.pair);
        assertEquals(Tuple3.of(7L, 1.5, "x"), t1.extra);
        assertEquals(Tuple2.of("USD", 4), t2.pair);
        assertEquals(null, t2.extra);
    }

    @Test
    void tuplesInRowsAndTuplesOfTuples() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<Row> rows = env.fromElements(Row.of("a", Tuple2.of(1, "one")), Row.of("b", Tuple2.of(2, "two")))
                .returns(Types.ROW_NAMED(new String[] {"name", "t"}, Types.STRING,
                        Types.TUPLE(Types.INT, Types.STRING)));
        assertEquals(List.of("+I[a, one, 2]", "+I[b, two, 4]"),
                rows(tableEnv.sqlQuery("SELECT name, t.f1, t.f0 * 2 FROM " + tableEnv.fromDataStream(rows))));

        DataStream<Tuple2<String, Tuple2<Integer, Integer>>> nested = env.fromElements(
                Tuple2.of("p", Tuple2.of(1, 2)), Tuple2.of("q", Tuple2.of(3, 4)))
                .returns(Types.TUPLE(Types.STRING, Types.TUPLE(Types.INT, Types.INT)));
        assertEquals(List.of("+I[p, 3]", "+I[q, 7]"),
                rows(tableEnv.sqlQuery("SELECT f0, f1.f0 + f1.f1 FROM " + tableEnv.fromDataStream(nested))));
    }

    @Test
    @Timeout(30)
    void withIdlenessOnAStreamConvertedFromATable(@TempDir Path dir) throws Exception {
        // one file: one of the two readers of the (unbounded, monitored) filesystem table reads it, the other stays
        // idle; without idleness it would hold back the windows' watermark forever
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            csv.append(i).append('\n');
        }
        Files.writeString(dir.resolve("numbers.csv"), csv);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        tableEnv.executeSql("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
                + dir + "', 'format' = 'csv', 'source.monitor-interval' = '1 h')");
        List<Long> sums = tableEnv.toDataStream(tableEnv.from("numbers"))
                .map(r -> (Long) r.getField(0))
                .returns(Types.LONG)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((n, ts) -> n * 10)
                        .withIdleness(Duration.ofMillis(200)))
                .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(50)))
                .reduce(Long::sum)
                .executeAndCollect(3);
        // windows [0,50), [50,100), [100,150); the watermark (189) does not reach the end of [150,200)
        assertEquals(List.of(10L, 35L, 60L), sums);
    }
}
