package io.sluice.connector.kafka.sink;

import io.sluice.api.common.TaskInfo;
import io.sluice.api.common.serialization.SerializationSchema;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.connector.base.DeliveryGuarantee;
import io.sluice.connector.kafka.SinkTransactions;
import io.sluice.datastream.runtime.FunctionCopies;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.datastream.runtime.sink.RecordSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One parallel writer of a {@link KafkaSink}. Exactly-once: the records between two checkpoints go into one
 * transaction (id {@code <prefix>-<subtask>-<n>}), committed when that checkpoint completes, or when the input ends
 * (after those of checkpoints still pending). {@link TransactionNamingStrategy#INCREMENTING}: a new id after every
 * checkpoint; a restored writer continues with the id after the restored checkpoint's.
 * {@link TransactionNamingStrategy#POOLING}: the smallest {@code n} no pending transaction uses. With either strategy a
 * writer first aborts every open transaction of the ids it owns (left by a failed run, or by an earlier run of a job
 * with the same prefix): checkpoint ids keep growing across restarts, so a transaction a failed run began after a
 * checkpoint that never completed has an id no restored writer uses again, and until aborted it would hold back
 * every {@code read_committed} reader of its partitions (they stop before its first record) until the broker's
 * transaction timeout.
 *
 * <p>With {@link TransactionNamingStrategy#INCREMENTING} the transactions are the table connector's
 * {@link SinkTransactions}: a checkpoint keeps the records of every transaction not committed yet, and a restored
 * writer (also in a new process, after the one that wrote was killed between a checkpoint's completion and its
 * commit) asks the broker what became of each and writes again, committed at once, what was not committed.
 */
final class KafkaRecordWriter<IN> implements RecordSink.Writer, SinkWriter<IN>,
        KafkaRecordSerializationSchema.KafkaSinkContext {
    private final KafkaSink<IN> sink;
    private final TaskInfo task;
    private final DeliveryGuarantee guarantee;
    private final KafkaRecordSerializationSchema<IN> serializer;
    private final AtomicReference<Exception> sendError = new AtomicReference<>();
    /** Transactions prepared by a checkpoint and not committed yet, by checkpoint id. */
    private final TreeMap<Long, Transaction> pending = new TreeMap<>();
    private final Map<String, int[]> partitionsByTopic = new HashMap<>();
    private KafkaProducer<byte[], byte[]> producer;
    private String transactionalId;
    private long transactionNumber;
    /** Exactly-once: abort the open transactions of the ids this writer owns before its first transaction. */
    private boolean abortOpenTransactions;
    /** Exactly-once with incrementing ids: the transactions and the records they keep; else null. */
    private SinkTransactions transactions;

    /** A prepared transaction. */
    private record Transaction(String id, KafkaProducer<byte[], byte[]> producer) {
    }

    KafkaRecordWriter(KafkaSink<IN> sink, TaskInfo task, DeliveryGuarantee guarantee) {
        this.sink = sink;
        this.task = task;
        this.guarantee = guarantee;
        this.serializer = FunctionCopies.copy(sink.serializer);
        this.abortOpenTransactions = guarantee == DeliveryGuarantee.EXACTLY_ONCE;
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && sink.namingStrategy != TransactionNamingStrategy.POOLING) {
            transactions = new SinkTransactions(task.getTaskName(), sink.properties, sink.transactionalIdPrefix,
                    task.getIndexOfThisSubtask());
        }
    }

    /** The producer of the current transaction (exactly-once with incrementing ids). */
    private KafkaProducer<byte[], byte[]> transactionProducer() {
        if (abortOpenTransactions) {
            abortOpenTransactions = false;
            OpenTransactions.abort(sink.properties, sink.transactionalIdPrefix, task.getIndexOfThisSubtask(),
                    task.getNumberOfParallelSubtasks());
        }
        return transactions.producer();
    }

    void open() throws IOException {
        try {
            serializer.open(new SerializationSchema.InitializationContext() { }, this);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.putAll(sink.properties);
            if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
                if (abortOpenTransactions) {
                    abortOpenTransactions = false;
                    OpenTransactions.abort(sink.properties, sink.transactionalIdPrefix, task.getIndexOfThisSubtask(),
                            task.getNumberOfParallelSubtasks());
                }
                transactionalId = nextTransactionalId();
                p.put("transactional.id", transactionalId);
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

    /** {@code <prefix>-<subtask>-<n>}: n follows the checkpoints, or is the smallest one free (pooling). */
    private String nextTransactionalId() {
        String base = sink.transactionalIdPrefix + "-" + task.getIndexOfThisSubtask() + "-";
        if (sink.namingStrategy != TransactionNamingStrategy.POOLING) {
            return base + transactionNumber;
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        pending.values().forEach(t -> used.add(t.id()));
        for (long n = 0; ; n++) {
            if (!used.contains(base + n)) {
                return base + n;
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(Object record, long timestamp, long watermark) throws Exception {
        send((IN) record, timestamp == RecordBatches.NO_TIMESTAMP ? null : timestamp);
    }

    @Override
    public void write(IN element, SinkWriter.Context context) throws IOException {
        send(element, context.timestamp());
    }

    private void send(IN element, Long timestamp) throws IOException {
        checkError();
        ProducerRecord<byte[], byte[]> record = serializer.serialize(element, this, timestamp);
        if (record == null) {
            return;
        }
        org.apache.kafka.clients.producer.Callback callback = (meta, e) -> {
            if (e != null) {
                sendError.compareAndSet(null, e);
            }
        };
        if (transactions != null) {
            transactionProducer();
            transactions.send(record, callback);
            return;
        }
        producer().send(record, callback);
    }

    private void checkError() throws IOException {
        Exception e = sendError.get();
        if (e != null) {
            throw new IOException("Writing to Kafka failed (sink " + task.getTaskName() + ", subtask "
                    + task.getIndexOfThisSubtask() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (transactions != null) {
            transactions.flush();
        }
        if (producer != null) {
            producer.flush();
        }
        checkError();
    }

    @Override
    public byte[] snapshotState(long checkpointId) throws Exception {
        if (guarantee == DeliveryGuarantee.NONE) {
            return null;
        }
        flush(false);
        if (guarantee != DeliveryGuarantee.EXACTLY_ONCE) {
            return null;
        }
        if (transactions != null) {
            partitionsByTopic.clear();
            return transactions.prepare(checkpointId);
        }
        if (producer != null) {
            pending.put(checkpointId, new Transaction(transactionalId, producer));
            producer = null;
        }
        transactionNumber = checkpointId + 1;
        partitionsByTopic.clear();
        return ByteBuffer.allocate(Long.BYTES).putLong(checkpointId).array();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (transactions != null) {
            transactions.commitUpTo(checkpointId);
            return;
        }
        while (!pending.isEmpty() && pending.firstKey() <= checkpointId) {
            KafkaProducer<byte[], byte[]> p = pending.pollFirstEntry().getValue().producer();
            p.commitTransaction();
            p.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void restoreState(byte[] state) {
        if (transactions != null) {
            // commits (or writes again and commits) what the checkpoint kept, aborts what its writer began after it
            transactions.restore(state);
            abortOpenTransactions = false;
            return;
        }
        long checkpointId = ByteBuffer.wrap(state).getLong();
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
        transactionNumber = Math.max(transactionNumber, checkpointId + 1);
        abortOpenTransactions = guarantee == DeliveryGuarantee.EXACTLY_ONCE;
    }

    @Override
    public void finish() throws Exception {
        if (transactions != null) {
            flush(true);
            transactions.commitAll();
            return;
        }
        notifyCheckpointComplete(Long.MAX_VALUE);
        if (producer == null) {
            return;
        }
        flush(true);
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            producer.commitTransaction();
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    @Override
    public void close() {
        if (transactions != null) {
            transactions.close();
        }
        for (Transaction t : pending.values()) {
            t.producer().close(Duration.ZERO);
        }
        pending.clear();
        if (producer != null) {
            producer.close(guarantee == DeliveryGuarantee.EXACTLY_ONCE ? Duration.ZERO : Duration.ofSeconds(5));
            producer = null;
        }
    }

    // ---- KafkaSinkContext

    @Override
    public int getParallelInstanceId() {
        return task.getIndexOfThisSubtask();
    }

    @Override
    public int getNumberOfParallelInstances() {
        return task.getNumberOfParallelSubtasks();
    }

    @Override
    public int[] getPartitionsForTopic(String topic) {
        return partitionsByTopic.computeIfAbsent(topic, t -> (transactions != null ? transactionProducer()
                : producer()).partitionsFor(t).stream()
                .mapToInt(PartitionInfo::partition).sorted().toArray());
    }
}
