package io.sluice.connector.kafka;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Buffers the records of an upsert sink and keeps only the latest per key ({@code sink.buffer-flush.max-rows},
 * {@code sink.buffer-flush.interval}); the writer drains it when it holds max-rows keys, when the interval has
 * passed since its first record (checked as rows arrive), at checkpoints and at the end of input.
 */
final class UpsertBuffer {
    private final int maxRows;
    private final long intervalMillis;
    private final LinkedHashMap<ByteBuffer, ProducerRecord<byte[], byte[]>> byKey = new LinkedHashMap<>();
    private long firstAt;

    UpsertBuffer(int maxRows, long intervalMillis) {
        this.maxRows = maxRows;
        this.intervalMillis = intervalMillis;
    }

    void add(ProducerRecord<byte[], byte[]> record) {
        if (byKey.isEmpty()) {
            firstAt = System.currentTimeMillis();
        }
        ByteBuffer key = ByteBuffer.wrap(record.key());
        byKey.remove(key); // the latest record of a key moves to the end: per key, order is kept
        byKey.put(key, record);
    }

    boolean isFull() {
        return byKey.size() >= maxRows || (!byKey.isEmpty() && System.currentTimeMillis() - firstAt >= intervalMillis);
    }

    /** The buffered records in arrival order of their latest version; the buffer is empty afterwards. */
    List<ProducerRecord<byte[], byte[]>> drain() {
        List<ProducerRecord<byte[], byte[]>> all = new ArrayList<>(byKey.values());
        byKey.clear();
        return all;
    }
}
