package io.sluice.datastream.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Flink's fraud detection walkthrough: keyed state, and timers in processing and event time. */
class FraudDetectionTest {

    /**
     * Account 3: small then large (alert); account 1: large only; account 2: small, small, large (alert); account 4:
     * small, then large more than a minute later in event time; account 5: small then large (alert).
     */
    static List<Transaction> transactions() {
        List<Transaction> t = new ArrayList<>();
        t.add(new Transaction(1, 0, 188.23));
        t.add(new Transaction(2, 1_000, 0.50));
        t.add(new Transaction(3, 2_000, 0.10));
        t.add(new Transaction(1, 3_000, 890.00));
        t.add(new Transaction(3, 4_000, 980.99));
        t.add(new Transaction(2, 5_000, 0.20));
        t.add(new Transaction(2, 6_000, 770.00));
        t.add(new Transaction(4, 7_000, 0.01));
        t.add(new Transaction(6, 100_000, 10.00)); // its watermark passes account 4's timer (at 67 s)
        t.add(new Transaction(4, 200_000, 990.00)); // too late for account 4 in event time
        t.add(new Transaction(5, 200_001, 0.99));
        t.add(new Transaction(5, 200_002, 501.00));
        return t;
    }

    static List<Long> ids(List<Alert> alerts) {
        List<Long> ids = new ArrayList<>();
        for (Alert a : alerts) {
            ids.add(a.getId());
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void processingTimeDetector(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DataStream<Transaction> transactions = env.fromData(transactions()).name("transactions");
        DataStream<Alert> alerts = transactions
                .keyBy(Transaction::getAccountId)
                .process(new FraudDetector())
                .name("fraud-detector");
        List<Alert> out = new ArrayList<>();
        alerts.executeAndCollect().forEachRemaining(out::add);
        // within a minute of processing time every small transaction is still remembered: 4 is also flagged
        assertEquals(List.of(2L, 3L, 4L, 5L), ids(out));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void eventTimeDetector(int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.getConfiguration().setString("table.exec.batch-size", "1");
        DataStream<Alert> alerts = env.fromData(transactions())
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Transaction>forBoundedOutOfOrderness(Duration.ZERO)
                        .withTimestampAssigner((t, ts) -> t.getTimestamp()))
                .keyBy(Transaction::getAccountId)
                .process(new EventTimeFraudDetector());
        List<Alert> out = new ArrayList<>();
        alerts.executeAndCollect().forEachRemaining(out::add);
        assertEquals(List.of(2L, 3L, 5L), ids(out));
    }
}
