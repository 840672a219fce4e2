package io.sluice.connector.kafka;

import io.sluice.connector.kafka.KafkaOptions.DeliveryGuarantee;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;
import io.sluice.table.api.TableException;
import io.sluice.types.RowKind;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes one parallel instance's rows to a topic. {@code none} sends and forgets; {@code at-least-once} also
 * flushes at every checkpoint; {@code exactly-once} writes the rows between two checkpoints in one Kafka
 * transaction (transactional id {@code <prefix>-<subtask>-<n>}, a new one after every checkpoint) and commits it
 * when that checkpoint completes (or when the input ends, after the transactions of checkpoints still pending).
 * A restored writer continues with the id after the restored checkpoint's, whose initialization aborts what a
 * failed run left open there.
 */
final class KafkaSinkWriter implements SinkWriter {
    private final String tableName;
    private final String topic;
    private final Properties properties;
    private final RecordEncoding encoding;
    private final SinkPartitioner partitioner;
    private final DeliveryGuarantee guarantee;
    private final String transactionalIdPrefix;
    private final int subtaskIndex;
    private final AtomicReference<Exception> sendError = new AtomicReference<>();
    /** Transactions prepared by a checkpoint and not committed yet, by checkpoint id. */
    private final TreeMap<Long, KafkaProducer<byte[], byte[]>> pending = new TreeMap<>();
    private KafkaProducer<byte[], byte[]> producer;
    private long transactionNumber;
    private int partitionCount = -1;
    /** True when the value format encodes row kinds: every row is a message with a value. */
    private boolean changelogValues;
    /** Null unless an upsert sink buffers its records. */
    private UpsertBuffer buffer;
    private final WritableMetadata metadata;

    KafkaSinkWriter(String tableName, String topic, Properties properties, RecordEncoding encoding,
            SinkPartitioner partitioner, DeliveryGuarantee guarantee, String transactionalIdPrefix, int subtaskIndex,
            WritableMetadata metadata) {
        this.metadata = metadata;
        this.tableName = tableName;
        this.topic = topic;
        this.properties = properties;
        this.encoding = encoding;
        this.partitioner = partitioner;
        this.guarantee = guarantee;
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.subtaskIndex = subtaskIndex;
    }

    @Override
    public void open() {
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.putAll(properties);
            if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
                p.put("transactional.id", transactionalIdPrefix + "-" + subtaskIndex + "-" + transactionNumber);
                p.put("enable.idempotence", "true");
                p.put("acks", "all");
            } else if (guarantee == DeliveryGuarantee.AT_LEAST_ONCE) {
                p.putIfAbsent("acks", "all");
            }
            producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
            if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
                producer.initTransactions();
                producer.beginTransaction();
            }
        }
        return producer;
    }

    @Override
    public void write(RowBatch batch) throws Exception {
        checkError();
        KafkaProducer<byte[], byte[]> p = producer();
        byte[][] keys = encoding.keys(batch);
        byte[][] values = encoding.values(batch);
        if (partitionCount < 0) {
            partitionCount = p.partitionsFor(topic).size();
        }
        for (int i = 0; i < values.length; i++) {
            RowKind kind = batch.rowKind(i);
            if (kind == RowKind.UPDATE_BEFORE && !changelogValues) {
                continue; // an upsert sink: the +U of the key follows
            }
            Integer partition = partitioner.partition(partitionCount);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition,
                    metadata.timestamp(batch, i), keys == null ? null : keys[i],
                    kind == RowKind.DELETE && !changelogValues ? null : values[i],
                    metadata.headers(batch, i, tableName));
            if (buffer != null) {
                buffer.add(record);
            } else {
                send(p, record);
            }
        }
        if (buffer != null && buffer.isFull()) {
            drainBuffer();
        }
    }

    /** Writes every row, whatever its kind, as a message whose value (a change event) carries the kind. */
    KafkaSinkWriter withChangelogValues() {
        this.changelogValues = true;
        return this;
    }

    /** Buffers an upsert sink's records per key ({@link UpsertBuffer}). */
    KafkaSinkWriter withBuffer(UpsertBuffer buffer) {
        this.buffer = buffer;
        return this;
    }

    private void drainBuffer() {
        if (buffer != null) {
            for (ProducerRecord<byte[], byte[]> r : buffer.drain()) {
                send(producer(), r);
            }
        }
    }

    private void send(KafkaProducer<byte[], byte[]> p, ProducerRecord<byte[], byte[]> record) {
        p.send(record, (meta, e) -> {
            if (e != null) {
                sendError.compareAndSet(null, e);
            }
        });
    }

    private void checkError() {
        Exception e = sendError.get();
        if (e != null) {
            throw new TableException("Writing to topic " + topic + " of table " + tableName + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public byte[] snapshotState(long checkpointId) throws Exception {
        drainBuffer();
        if (guarantee == DeliveryGuarantee.NONE) {
            return null;
        }
        if (producer != null) {
            producer.flush();
            checkError();
        }
        if (guarantee != DeliveryGuarantee.EXACTLY_ONCE) {
            return null;
        }
        if (producer != null) {
            pending.put(checkpointId, producer);
            producer = null;
        }
        transactionNumber = checkpointId + 1;
        return ByteBuffer.allocate(Long.BYTES).putLong(checkpointId).array();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        while (!pending.isEmpty() && pending.firstKey() <= checkpointId) {
            Map.Entry<Long, KafkaProducer<byte[], byte[]>> e = pending.pollFirstEntry();
            e.getValue().commitTransaction();
            e.getValue().close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void restoreState(byte[] state) {
        long checkpointId = ByteBuffer.wrap(state).getLong();
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
        transactionNumber = checkpointId + 1;
    }

    @Override
    public void finish() throws Exception {
        drainBuffer();
        // the input ended: transactions of checkpoints that had not completed yet are final too, and go first
        notifyCheckpointComplete(Long.MAX_VALUE);
        if (producer == null) {
            return;
        }
        producer.flush();
        checkError();
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            producer.commitTransaction();
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    @Override
    public void close() {
        for (KafkaProducer<byte[], byte[]> p : pending.values()) {
            p.close(Duration.ZERO);
        }
        pending.clear();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
