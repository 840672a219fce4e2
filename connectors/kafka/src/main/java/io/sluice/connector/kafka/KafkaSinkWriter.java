package io.sluice.connector.kafka;

import io.sluice.connector.kafka.KafkaOptions.DeliveryGuarantee;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;
import io.sluice.table.api.TableException;
import io.sluice.types.RowKind;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes one parallel instance's rows to a topic. {@code none} sends and forgets; {@code at-least-once} also
 * flushes at every checkpoint; {@code exactly-once} writes the rows between two checkpoints in one Kafka
 * transaction committed when that checkpoint completes (or when the input ends, after the transactions of
 * checkpoints still pending), see {@link SinkTransactions}: a restored writer commits the restored checkpoint's
 * transaction if the failed run did not, also when that run's process was killed.
 */
final class KafkaSinkWriter implements SinkWriter {
    private final String tableName;
    private final String topic;
    private final Properties properties;
    private final String transactionalIdPrefix;
    private final RecordEncoding encoding;
    private final SinkPartitioner partitioner;
    private final DeliveryGuarantee guarantee;
    private final AtomicReference<Exception> sendError = new AtomicReference<>();
    /** The producer of {@code none} and {@code at-least-once}. */
    private KafkaProducer<byte[], byte[]> producer;
    /** The transactions of {@code exactly-once}, else null. */
    private final SinkTransactions transactions;
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
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.encoding = encoding;
        this.partitioner = partitioner;
        this.guarantee = guarantee;
        this.transactions = guarantee == DeliveryGuarantee.EXACTLY_ONCE
                ? new SinkTransactions(tableName, properties, transactionalIdPrefix, subtaskIndex) : null;
    }

    @Override
    public void open() {
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (transactions != null) {
            return transactions.producer();
        }
        if (producer == null) {
            Properties p = new Properties();
            p.putAll(properties);
            if (guarantee == DeliveryGuarantee.AT_LEAST_ONCE) {
                p.putIfAbsent("acks", "all");
            }
            producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
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
                send(record);
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
                send(r);
            }
        }
    }

    private void send(ProducerRecord<byte[], byte[]> record) {
        Callback callback = (meta, e) -> {
            if (e != null) {
                sendError.compareAndSet(null, e);
            }
        };
        if (transactions != null) {
            transactions.send(record, callback);
        } else {
            producer().send(record, callback);
        }
    }

    private void checkError() {
        Exception e = sendError.get();
        if (e != null) {
            throw new TableException("Writing to topic " + topic + " of table " + tableName + " failed: "
                    + e.getMessage(), e);
        }
    }

    private void flush() {
        if (transactions != null) {
            transactions.flush();
        } else if (producer != null) {
            producer.flush();
        }
        checkError();
    }

    @Override
    public byte[] snapshotState(long checkpointId) throws Exception {
        drainBuffer();
        if (guarantee == DeliveryGuarantee.NONE) {
            return null;
        }
        flush();
        return transactions == null ? null : transactions.prepare(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (transactions != null) {
            transactions.commitUpTo(checkpointId);
        }
    }

    @Override
    public void restoreState(byte[] state) {
        if (transactions != null) {
            transactions.restore(state);
        } else {
            // the job ran exactly-once before: commit what its checkpoint prepared, then go on without transactions
            try (SinkTransactions earlier = new SinkTransactions(tableName, properties,
                    transactionalIdPrefix, -1)) {
                earlier.restore(state);
            }
        }
    }

    @Override
    public void finish() throws Exception {
        drainBuffer();
        flush();
        if (transactions != null) {
            // the input ended: transactions of checkpoints that had not completed yet are final too, and go first
            transactions.commitAll();
        } else if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    @Override
    public void close() {
        if (transactions != null) {
            transactions.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
