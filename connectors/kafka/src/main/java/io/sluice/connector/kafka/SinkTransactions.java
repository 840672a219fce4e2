package io.sluice.connector.kafka;

import io.sluice.table.api.TableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka transactions of one exactly-once sink writer (of a table's {@code kafka} sink, and of the DataStream
 * API's {@code KafkaSink}): the records between two checkpoints go into one
 * transaction (transactional id {@code <prefix>-<subtask>-<n>}, a new id after every checkpoint, each id used for
 * one transaction), committed when that checkpoint completes.
 *
 * <p>A process killed after a checkpoint completed but before the commit leaves that transaction open on the
 * broker, and no public API of the Kafka client (4.4) lets another producer commit it: the two-phase commit
 * methods of KIP-939 are not part of the client's public API yet. So the checkpoint keeps the records of every
 * transaction not committed yet ({@link SinkTransactionState}), and a restore asks the broker (Admin
 * {@code describeTransactions}) what became of each: committed, it is left alone; otherwise it is aborted (a producer
 * with its id fences it) and its records are written again in a transaction under the same id, committed at once.
 * The broker may also have aborted it for exceeding {@code transaction.timeout.ms}, which loses nothing either. When
 * the broker no longer knows the transactional id (unused for {@code transactional.id.expiration.ms}, e.g. a
 * savepoint restored weeks later), the transaction's first record tells: a {@code read_committed} reader sees it
 * only if the transaction was committed ({@link CommittedRecordCheck}).
 * Then every transaction of that writer still open (begun after the checkpoint) is aborted, so that
 * {@code read_committed} readers do not wait for it.
 */
public final class SinkTransactions implements AutoCloseable {
    private final String tableName;
    private final Properties properties;
    private final String prefix;
    private final int subtaskIndex;
    /** Transactions prepared by a checkpoint and not committed yet, by checkpoint id. */
    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    private KafkaProducer<byte[], byte[]> current;
    private String currentId;
    /** The records sent in the current transaction, kept for the next checkpoint. */
    private List<ProducerRecord<byte[], byte[]>> currentRecords = new ArrayList<>();
    /** Where the first acknowledged record of the current transaction landed, or null. */
    private final AtomicReference<RecordMetadata> currentFirst = new AtomicReference<>();
    private long transactionNumber;

    /** A prepared transaction's producer, and what a checkpoint keeps of it. */
    private record Pending(KafkaProducer<byte[], byte[]> producer, SinkTransactionState.Prepared prepared) {
    }

    /**
     * @param properties the producer's properties (bootstrap servers and the user's {@code properties.*})
     * @param prefix the transactional id prefix; null only for a writer that merely restores (no transactions)
     * @param subtaskIndex the writer's subtask, -1 for a writer that merely restores
     */
    public SinkTransactions(String tableName, Properties properties, String prefix, int subtaskIndex) {
        this.tableName = tableName;
        this.properties = properties;
        this.prefix = prefix;
        this.subtaskIndex = subtaskIndex;
    }

    /** The producer of the current transaction, begun on first use. */
    public KafkaProducer<byte[], byte[]> producer() {
        if (current == null) {
            currentId = transactionalId(subtaskIndex, transactionNumber);
            current = transactionalProducer(currentId);
            current.beginTransaction();
        }
        return current;
    }

    /** Sends a record in the current transaction and keeps it for the next checkpoint. */
    public void send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        AtomicReference<RecordMetadata> first = currentFirst;
        producer().send(record, (meta, e) -> {
            if (e == null) {
                first.compareAndSet(null, meta);
            }
            callback.onCompletion(meta, e);
        });
        currentRecords.add(record);
    }

    /** Flushes the current transaction's records to the broker (they stay uncommitted). */
    public void flush() {
        if (current != null) {
            current.flush();
        }
    }

    /**
     * Checkpoint {@code checkpointId} (after {@link #flush} succeeded): the current transaction becomes pending until
     * the checkpoint completes, and the state returned holds it.
     */
    public byte[] prepare(long checkpointId) {
        if (current != null) {
            RecordMetadata first = currentFirst.getAndSet(null);
            pending.put(checkpointId, new Pending(current, first == null
                    ? new SinkTransactionState.Prepared(currentId, currentRecords)
                    : new SinkTransactionState.Prepared(currentId, currentRecords, first.topic(), first.partition(),
                            first.offset())));
            current = null;
            currentRecords = new ArrayList<>();
        }
        transactionNumber = checkpointId + 1;
        List<SinkTransactionState.Prepared> open = new ArrayList<>();
        for (Pending p : pending.values()) {
            open.add(p.prepared());
        }
        return new SinkTransactionState(checkpointId, subtaskIndex, open).encode();
    }

    /** Commits the transactions of checkpoints up to {@code checkpointId}, oldest first. */
    public void commitUpTo(long checkpointId) {
        while (!pending.isEmpty() && pending.firstKey() <= checkpointId) {
            KafkaProducer<byte[], byte[]> p = pending.pollFirstEntry().getValue().producer();
            p.commitTransaction();
            p.close(Duration.ofSeconds(5));
        }
    }

    /** The input ended: commits every pending transaction, then the current one. */
    public void commitAll() {
        commitUpTo(Long.MAX_VALUE);
        if (current != null) {
            current.commitTransaction();
            current.close(Duration.ofSeconds(5));
            current = null;
            currentRecords = new ArrayList<>();
            currentFirst.set(null);
        }
    }

    /**
     * Restores a checkpoint's state (of this writer or, after a change of parallelism, of a writer it takes over):
     * makes the transactions it kept committed, and aborts that writer's transactions begun after the checkpoint.
     */
    public void restore(byte[] bytes) {
        SinkTransactionState state = SinkTransactionState.decode(bytes);
        if (current != null) {
            current.close(Duration.ZERO);
            current = null;
            currentRecords = new ArrayList<>();
            currentFirst.set(null);
        }
        transactionNumber = state.checkpointId() + 1;
        try (Admin admin = Admin.create(properties)) {
            for (SinkTransactionState.Prepared t : state.transactions()) {
                completeCommit(admin, t, state.checkpointId());
            }
            if (state.subtaskIndex() >= 0 && prefix != null) {
                abortOpen(admin, state.subtaskIndex());
            }
        }
    }

    private void completeCommit(Admin admin, SinkTransactionState.Prepared t, long checkpointId) {
        String id = t.transactionalId();
        TransactionState found = describe(admin, t, checkpointId);
        if (found == null) {
            // the broker forgot the id (unused for transactional.id.expiration.ms): ask the transaction's first record
            if (t.firstTopic() == null || CommittedRecordCheck.isCommitted(properties, t.firstTopic(),
                    t.firstPartition(), t.firstOffset(), tableName)) {
                return;
            }
        } else if (found == TransactionState.COMPLETE_COMMIT || found == TransactionState.PREPARE_COMMIT) {
            return; // committed before the failure (a commit once prepared always completes)
        }
        if (found == TransactionState.UNKNOWN) {
            throw new TableException("Cannot restore the Kafka sink of table " + tableName + ": the broker reports"
                    + " an unknown state for transaction " + id + " of checkpoint " + checkpointId + ".");
        }
        // open (the process died before committing it) or aborted: fence it, then write its records again
        try (KafkaProducer<byte[], byte[]> p = transactionalProducer(id)) {
            p.beginTransaction();
            for (ProducerRecord<byte[], byte[]> r : t.records()) {
                p.send(r);
            }
            p.commitTransaction();
        }
    }

    /** Aborts the open transactions of writer {@code writer} (begun after the restored checkpoint). */
    private void abortOpen(Admin admin, int writer) {
        Pattern ids = Pattern.compile(Pattern.quote(prefix + "-" + writer + "-") + "\\d+");
        Collection<TransactionListing> open;
        try {
            // filtered here rather than by the broker: a transactional id pattern needs a Kafka 4.1 broker
            open = admin.listTransactions(new ListTransactionsOptions().filterStates(List.of(TransactionState.ONGOING,
                    TransactionState.PREPARE_EPOCH_FENCE))).all().get();
        } catch (ExecutionException e) {
            throw new TableException("Cannot restore the Kafka sink of table " + tableName + ": listing the open"
                    + " transactions failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TableException("Interrupted while restoring the Kafka sink of table " + tableName, e);
        }
        for (TransactionListing t : open) {
            if (ids.matcher(t.transactionalId()).matches()) {
                transactionalProducer(t.transactionalId()).close(Duration.ofSeconds(5));
            }
        }
    }

    /** The state of the transaction on the broker, or null when the broker no longer knows its id. */
    private TransactionState describe(Admin admin, SinkTransactionState.Prepared t, long checkpointId) {
        String id = t.transactionalId();
        try {
            return admin.describeTransactions(List.of(id)).description(id).get().state();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TransactionalIdNotFoundException) {
                return null;
            }
            throw new TableException("Cannot restore the Kafka sink of table " + tableName + ": describing"
                    + " transaction " + id + " of checkpoint " + checkpointId + " failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TableException("Interrupted while restoring the Kafka sink of table " + tableName, e);
        }
    }

    private String transactionalId(int subtask, long number) {
        return prefix + "-" + subtask + "-" + number;
    }

    /** A producer with transactional id {@code id}, initialized: whatever was open under the id is aborted. */
    private KafkaProducer<byte[], byte[]> transactionalProducer(String id) {
        Properties p = new Properties();
        p.putAll(properties);
        p.put("transactional.id", id);
        p.put("enable.idempotence", "true");
        p.put("acks", "all");
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer());
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        return producer;
    }

    /**
     * Closes every producer without committing (a failed or cancelled job): what was open stays open until a restored
     * writer fences it or the broker aborts it after {@code transaction.timeout.ms}.
     */
    @Override
    public void close() {
        for (Pending p : pending.values()) {
            p.producer().close(Duration.ZERO);
        }
        pending.clear();
        if (current != null) {
            current.close(Duration.ZERO);
            current = null;
        }
    }
}
