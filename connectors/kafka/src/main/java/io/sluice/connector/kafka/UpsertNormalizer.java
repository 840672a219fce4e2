package io.sluice.connector.kafka;

import io.sluice.table.api.TableException;
import io.sluice.types.RowKind;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * Turns the records of a compacted topic into a changelog, as Flink normalizes an upsert source: the first record
 * of a key is {@code +I}, a later one {@code -U} (the previous row) then {@code +U}, and a tombstone {@code -D}
 * (the previous row); a tombstone of an unknown key produces nothing. Keeps the latest record of every key seen by
 * this reader; that state is part of the reader's checkpointed position (restored at another parallelism, a reader
 * keeps the records of the partitions it reads now). Used by one thread.
 */
final class UpsertNormalizer {
    private final String tableName;
    private final Map<ByteBuffer, ConsumerRecord<byte[], byte[]>> latest = new HashMap<>();

    UpsertNormalizer(String tableName) {
        this.tableName = tableName;
    }

    /** The records to decode and their row kinds, appended to {@code out} and {@code kinds}. */
    void apply(List<ConsumerRecord<byte[], byte[]>> records, List<ConsumerRecord<byte[], byte[]>> out,
            List<RowKind> kinds) {
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (r.key() == null) {
                throw new TableException("The record at table " + tableName + ", topic " + r.topic() + ", partition "
                        + r.partition() + ", offset " + r.offset() + " has no key; an upsert-kafka table needs"
                        + " keyed records.");
            }
            ByteBuffer key = ByteBuffer.wrap(r.key());
            if (r.value() == null) {
                ConsumerRecord<byte[], byte[]> previous = latest.remove(key);
                if (previous != null) {
                    out.add(previous);
                    kinds.add(RowKind.DELETE);
                }
                continue;
            }
            ConsumerRecord<byte[], byte[]> previous = latest.put(key, r);
            if (previous == null) {
                out.add(r);
                kinds.add(RowKind.INSERT);
            } else {
                out.add(previous);
                kinds.add(RowKind.UPDATE_BEFORE);
                out.add(r);
                kinds.add(RowKind.UPDATE_AFTER);
            }
        }
    }

    void snapshot(DataOutputStream out) throws IOException {
        out.writeInt(latest.size());
        for (ConsumerRecord<byte[], byte[]> r : latest.values()) {
            out.writeUTF(r.topic());
            out.writeInt(r.partition());
            out.writeLong(r.offset());
            out.writeLong(r.timestamp());
            out.writeUTF(r.timestampType().name());
            out.writeInt(r.leaderEpoch().orElse(-1));
            writeBytes(out, r.key());
            writeBytes(out, r.value());
        }
    }

    void restore(DataInputStream in) throws IOException {
        latest.clear();
        restoreOwned(in, r -> true);
    }

    /**
     * Adds the latest records of another reader's snapshot (restored at another parallelism) that {@code owned}
     * accepts: those of the partitions this reader reads now.
     */
    void restoreOwned(DataInputStream in, java.util.function.Predicate<ConsumerRecord<byte[], byte[]>> owned)
            throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String topic = in.readUTF();
            int partition = in.readInt();
            long offset = in.readLong();
            long timestamp = in.readLong();
            TimestampType type = TimestampType.valueOf(in.readUTF());
            int epoch = in.readInt();
            byte[] key = readBytes(in);
            byte[] value = readBytes(in);
            ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>(topic, partition, offset, timestamp, type,
                    key.length, value.length, key, value, new RecordHeaders(),
                    epoch < 0 ? Optional.empty() : Optional.of(epoch));
            if (owned.test(r)) {
                latest.put(ByteBuffer.wrap(key), r);
            }
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }
}
