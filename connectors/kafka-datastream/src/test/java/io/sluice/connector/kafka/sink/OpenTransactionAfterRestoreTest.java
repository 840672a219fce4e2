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
 * readers stop before its first record and miss everything written after it. And a writer whose process was killed
 * after a checkpoint completed but before its transaction was committed: the writer restored in this process
 * publishes that checkpoint's records once.
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

    private static KafkaSink<String> sink(String bootstrap, String topic) {
        return KafkaSink.<String>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                        .setTopic(topic)
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(topic)
                .build();
    }

    /**
     * The killed process: writes "a", "b", takes checkpoint 1 (its state goes to a file, so checkpoint 1 is
     * complete) without committing, writes "x", takes checkpoint 2 (never completed), writes "y", flushes, says
     * "ready" and waits to be killed. Arguments: bootstrap servers, topic, state file.
     */
    public static void main(String[] args) throws Exception {
        KafkaRecordWriter<String> w = writer(sink(args[0], args[1]));
        write(w, "a", "b");
        byte[] checkpoint1 = w.snapshotState(1);
        java.nio.file.Files.write(java.nio.file.Path.of(args[2]), checkpoint1);
        write(w, "x");
        w.snapshotState(2);
        write(w, "y");
        w.flush(false);
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(120_000);
    }

    @Test
    @org.junit.jupiter.api.Timeout(90)
    void aCheckpointsTransactionIsPublishedOnceAfterItsProcessWasKilled(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path tmp) throws Exception {
        kafka.createTopic("killed-writer", 2);
        java.nio.file.Path stateFile = tmp.resolve("checkpoint-1");
        List<String> command = List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                OpenTransactionAfterRestoreTest.class.getName(), kafka.bootstrap(), "killed-writer",
                stateFile.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                child.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                output.add(line);
            }
            assertEquals("ready", line, () -> "the child process ended early:\n" + String.join("\n", output));
            child.destroyForcibly(); // SIGKILL: nothing committed, nothing closed
            org.junit.jupiter.api.Assertions.assertTrue(child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(List.of(), kafka.values("killed-writer", "read_committed"), "nothing was committed");

        KafkaRecordWriter<String> restored = writer(sink(kafka.bootstrap(), "killed-writer"));
        restored.restoreState(java.nio.file.Files.readAllBytes(stateFile));
        write(restored, "c");
        restored.finish();
        restored.close();
        kafka.awaitTransactionMarkers("killed-writer");
        List<String> got = new ArrayList<>(kafka.values("killed-writer", "read_committed"));
        got.sort(null);
        assertEquals(List.of("a", "b", "c"), got);
    }
}
