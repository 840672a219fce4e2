package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.metrics.JobMetrics;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.internal.JobClientImpl;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Kafka source reports its consumer lag as the source's {@code pendingRecords} metric. */
class KafkaSourceLagTest extends KafkaTestBase {
    private static final int RECORDS = 20_000;

    @Test
    @Timeout(60)
    void pendingRecordsIsTheConsumerLag() throws Exception {
        kafka.createTopic("lagging", 1);
        String[] values = new String[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            values[i] = String.valueOf(i);
        }
        kafka.produceValues("lagging", values);
        TableEnvironment env = streamingEnv();
        env.executeSql("CREATE TABLE lagging (v INT)" + with("lagging",
                "'format' = 'csv', 'scan.startup.mode' = 'earliest-offset'"));
        TableResult result = env.executeSql("SELECT v FROM lagging");
        JobMetrics metrics = ((JobClientImpl) result.getJobClient().orElseThrow()).execution().metrics();
        try (CloseableIterator<Row> it = result.collect()) {
            // nobody reads the result yet: the result queue (8192 rows) fills and the source stops behind the end
            long deadline = System.currentTimeMillis() + 30_000;
            while (metrics.operators(0).isEmpty()) { // the job is still opening its operators
                assertTrue(System.currentTimeMillis() < deadline);
                Thread.sleep(20);
            }
            OperatorMetrics source = metrics.operators(0).get(0);
            // once blocked, the source has read (emitted) part of the topic and lags by the rest
            while (source.pendingRecords() <= 0 || source.pendingRecords() + source.numRecordsOut() != RECORDS) {
                assertTrue(System.currentTimeMillis() < deadline, "lag " + source.pendingRecords() + ", read "
                        + source.numRecordsOut());
                Thread.sleep(20);
            }
            assertTrue(source.numRecordsOut() > 0 && source.numRecordsOut() < RECORDS);
            for (int i = 0; i < RECORDS; i++) {
                it.next();
            }
            while (source.pendingRecords() != 0) {
                assertTrue(System.currentTimeMillis() < deadline, "lag " + source.pendingRecords());
                Thread.sleep(20);
            }
        }
    }
}
