package io.sluice.connector.kafka.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.api.common.TaskInfo;
import io.sluice.api.common.serialization.SimpleStringSchema;
import io.sluice.connector.base.DeliveryGuarantee;
import io.sluice.connector.kafka.EmbeddedKafka;
import io.sluice.datastream.runtime.RecordBatches;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An exactly-once writer restored from a checkpoint older than the failed run's last snapshot: the failed run had
 * begun a transaction after a checkpoint that never completed, under an id the restored writer never uses again
 * (checkpoint ids keep growing across restarts). The restored writer must abort it, else {@code read_committed}
 * readers stop before its first record and miss everything written after it.
 */
class OpenTransactionAfterRestoreTest {
    static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = new EmbeddedKafka();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static final TaskInfo TASK = new TaskInfo() {
        @Override
        public String getTaskName() {
            return "Sink: Writer";
        }

        @Override
        public int getIndexOfThisSubtask() {
            return 0;
        }

        @Override
        public int getNumberOfParallelSubtasks() {
            return 1;
        }

        @Override
        public int getMaxNumberOfParallelSubtasks() {
            return 128;
        }

        @Override
        public int getAttemptNumber() {
            return 0;
        }
    };

    private static KafkaRecordWriter<String> writer(KafkaSink<String> sink) throws Exception {
        KafkaRecordWriter<String> w = new KafkaRecordWriter<>(sink, TASK, DeliveryGuarantee.EXACTLY_ONCE);
        w.open();
        return w;
    }

    private static void write(KafkaRecordWriter<String> w, String... values) throws Exception {
        for (String v : values) {
            w.write(v, RecordBatches.NO_TIMESTAMP, Long.MIN_VALUE);
        }
    }

    @Test
    void aTransactionBegunAfterAnIncompleteCheckpointIsAbortedOnRestore() throws Exception {
        kafka.createTopic("restored-open", 1);
        KafkaSink<String> sink = KafkaSink.<String>builder()
                .setBootstrapServers(kafka.bootstrap())
                .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                        .setTopic("restored-open")
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix("restored-open")
                .build();

        KafkaRecordWriter<String> failed = writer(sink);
        write(failed, "a", "b");
        byte[] checkpoint4 = failed.snapshotState(4);
        failed.notifyCheckpointComplete(4);
        write(failed, "lost-c");
        failed.snapshotState(5); // checkpoint 5 never completes
        write(failed, "lost-d"); // a transaction of id restored-open-0-6, open when the run fails
        failed.flush(false);
        failed.close();

        KafkaRecordWriter<String> restored = writer(sink);
        restored.restoreState(checkpoint4);
        write(restored, "c", "d");
        restored.snapshotState(6); // ids after a restart continue after the highest triggered one
        restored.notifyCheckpointComplete(6);
        write(restored, "e");
        restored.finish();
        restored.close();

        kafka.awaitTransactionMarkers("restored-open");
        List<String> got = new ArrayList<>(kafka.values("restored-open", "read_committed"));
        got.sort(null);
        assertEquals(List.of("a", "b", "c", "d", "e"), got);
    }
}
