package io.sluice.table.api.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.eventtime.Watermark;
import io.sluice.api.common.eventtime.WatermarkGenerator;
import io.sluice.api.common.eventtime.WatermarkOutput;
import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.ProcessFunction;
import io.sluice.table.api.Schema;
import io.sluice.table.api.Table;
import io.sluice.table.api.bridge.java.StreamTableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.Collector;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Event time across the boundary: a stream's record timestamps as the {@code rowtime} metadata column, its watermarks
 * as the table's ({@code SOURCE_WATERMARK()}), and a table's rowtime as the records' timestamps.
 */
class EventTimeTest {

    /** The POJO of Flink's page. */
    public static class User {
        public String name;
        public Integer score;
        public Instant event_time;

        public User() {
        }

        public User(String name, Integer score, Instant event_time) {
            this.name = name;
            this.score = score;
            this.event_time = event_time;
        }
    }

    /** A watermark right after every event, one millisecond behind the largest timestamp. */
    public static class PerEvent implements WatermarkGenerator<User> {
        private long max = Long.MIN_VALUE + 1;

        @Override
        public void onEvent(User event, long timestamp, WatermarkOutput output) {
            max = Math.max(max, timestamp);
            output.emitWatermark(new Watermark(max - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    private static DataStream<User> users(StreamExecutionEnvironment env) {
        return env.fromElements(
                        new User("Alice", 4, Instant.ofEpochMilli(1000)),
                        new User("Bob", 6, Instant.ofEpochMilli(1001)),
                        new User("Alice", 10, Instant.ofEpochMilli(1002)),
                        new User("Alice", 7, Instant.ofEpochMilli(2500)),
                        // late: the watermark is 2499 when it arrives, its window [1000, 2000) has fired
                        new User("Bob", 100, Instant.ofEpochMilli(1500)),
                        new User("Bob", 1, Instant.ofEpochMilli(3100)))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<User>forGenerator(ctx -> new PerEvent())
                        .withTimestampAssigner((u, ts) -> u.event_time.toEpochMilli()));
    }

    private static final String WINDOWS = "SELECT name, SUM(score) AS total, window_start, window_time"
            + " FROM TABLE(TUMBLE(TABLE Users, DESCRIPTOR(rowtime), INTERVAL '1' SECOND))"
            + " GROUP BY name, window_start, window_end, window_time";

    @Test
    void sourceWatermarksDriveATumblingWindowAndLateRowsAreDropped() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table table = tableEnv.fromDataStream(users(env), Schema.newBuilder()
                .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
                .watermark("rowtime", "SOURCE_WATERMARK()")
                .build());
        tableEnv.createTemporaryView("Users", table);
        // the record's timestamp is the window's rowtime (window_time), as a single rowtime column
        DataStream<String> out = tableEnv.toDataStream(tableEnv.sqlQuery(WINDOWS))
                .process(new ProcessFunction<Row, String>() {
                    @Override
                    public void processElement(Row row, Context ctx, Collector<String> collector) {
                        collector.collect(row.getField(0) + " " + row.getField(1) + " " + row.getField(2) + " @"
                                + ctx.timestamp());
                    }
                });
        assertEquals(List.of(
                "Alice 14 1970-01-01T00:00:01 @1999",
                "Bob 6 1970-01-01T00:00:01 @1999",
                "Alice 7 1970-01-01T00:00:02 @2999",
                "Bob 1 1970-01-01T00:00:03 @3999"), out.executeAndCollect(10));
    }

    @Test
    void computedRowtimeWithAWatermarkExpression() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table table = tableEnv.fromDataStream(users(env), Schema.newBuilder()
                .columnByExpression("rowtime", "CAST(event_time AS TIMESTAMP_LTZ(3))")
                .watermark("rowtime", "rowtime - INTERVAL '10' SECOND")
                .build());
        tableEnv.createTemporaryView("Users", table);
        // with ten seconds of allowed lateness nothing is late
        assertEquals(List.of(
                "+I[Alice, 14]", "+I[Bob, 106]", "+I[Alice, 7]", "+I[Bob, 1]"),
                tableEnv.toDataStream(tableEnv.sqlQuery("SELECT name, total FROM (" + WINDOWS + ")"))
                        .map(Row::toString).executeAndCollect(10));
    }

    @Test
    void derivedColumnsOfAPojo() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table table = tableEnv.fromDataStream(users(env));
        assertEquals(List.of("name", "score", "event_time"), table.getResolvedSchema().getColumnNames());
        assertEquals("TIMESTAMP_LTZ(9)",
                table.getResolvedSchema().getColumns().get(2).getDataType().toString());
    }
}
