package io.sluice.connector.kafka;

import io.sluice.table.api.TableException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Tells whether the record at a given offset was committed, by reading it with a {@code read_committed} consumer:
 * a committed record is returned, an aborted one is skipped. Used when the broker no longer knows a transaction
 * (its transactional id expired) to learn from the transaction's first record whether it was committed.
 */
final class CommittedRecordCheck {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private CommittedRecordCheck() {
    }

    /**
     * True when the record at {@code offset} of the partition is committed, or no longer in the log (deleted by
     * retention, so older than anything a reader can still see); false when it was aborted.
     *
     * @throws TableException when the answer does not come within 30 s (a transaction still open before it)
     */
    static boolean isCommitted(Properties clientProperties, String topic, int partition, long offset,
            String tableName) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put("isolation.level", "read_committed");
        p.put("enable.auto.commit", "false");
        p.remove("group.id");
        TopicPartition tp = new TopicPartition(topic, partition);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(tp));
            if (consumer.beginningOffsets(List.of(tp)).get(tp) > offset) {
                return true;
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                    return r.offset() == offset;
                }
                if (consumer.position(tp) > offset) {
                    return false; // read past it without returning it: aborted
                }
            }
        }
        throw new TableException("Cannot restore the Kafka sink of table " + tableName + ": whether the record at"
                + " offset " + offset + " of " + topic + "-" + partition + " was committed is still unknown after "
                + WAIT.toSeconds() + " s (a transaction open before it holds back read_committed readers).");
    }
}
