package io.sluice.connector.kafka;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What an exactly-once Kafka sink writer keeps in a checkpoint: the checkpoint's id, the writer's subtask, and every
 * transaction prepared up to that checkpoint and not known to be committed (the one the checkpoint prepared, and
 * those of earlier checkpoints whose completion had not reached the writer yet), oldest first, each with its
 * transactional id and every record written in it. A restore uses the records to rewrite a transaction the failed
 * process did not commit ({@link SinkTransactions#restore}).
 *
 * <p>Encoding: the checkpoint id (8 bytes, all an older state held), then a version, the subtask index and the
 * transactions. Records keep topic, partition (or none), timestamp (or none), key, value and headers.
 */
record SinkTransactionState(long checkpointId, int subtaskIndex, List<Prepared> transactions) {
    private static final int VERSION = 1;
    private static final int NONE = -1;

    /**
     * A transaction prepared by a checkpoint: its transactional id, its records in the order sent, and where its first
     * record landed ({@code firstTopic} null when none was acknowledged), to tell later whether it was committed.
     */
    record Prepared(String transactionalId, List<ProducerRecord<byte[], byte[]>> records, String firstTopic,
            int firstPartition, long firstOffset) {
        Prepared(String transactionalId, List<ProducerRecord<byte[], byte[]>> records) {
            this(transactionalId, records, null, NONE, NONE);
        }
    }

    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(checkpointId);
            out.writeInt(VERSION);
            out.writeInt(subtaskIndex);
            out.writeInt(transactions.size());
            for (Prepared t : transactions) {
                out.writeUTF(t.transactionalId());
                out.writeBoolean(t.firstTopic() != null);
                if (t.firstTopic() != null) {
                    out.writeUTF(t.firstTopic());
                    out.writeInt(t.firstPartition());
                    out.writeLong(t.firstOffset());
                }
                out.writeInt(t.records().size());
                for (ProducerRecord<byte[], byte[]> r : t.records()) {
                    writeRecord(out, r);
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SinkTransactionState decode(byte[] state) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            long checkpointId = in.readLong();
            if (state.length == Long.BYTES) {
                return new SinkTransactionState(checkpointId, NONE, List.of()); // written before records were kept
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalStateException("Unknown Kafka sink state version " + version);
            }
            int subtask = in.readInt();
            int count = in.readInt();
            List<Prepared> transactions = new ArrayList<>(count);
            for (int t = 0; t < count; t++) {
                String id = in.readUTF();
                boolean landed = in.readBoolean();
                String firstTopic = landed ? in.readUTF() : null;
                int firstPartition = landed ? in.readInt() : NONE;
                long firstOffset = landed ? in.readLong() : NONE;
                int n = in.readInt();
                List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    records.add(readRecord(in));
                }
                transactions.add(new Prepared(id, records, firstTopic, firstPartition, firstOffset));
            }
            return new SinkTransactionState(checkpointId, subtask, transactions);
        } catch (IOException e) {
            throw new UncheckedIOException("A Kafka sink's checkpoint state is corrupt", e);
        }
    }

    private static void writeRecord(DataOutputStream out, ProducerRecord<byte[], byte[]> r) throws IOException {
        out.writeUTF(r.topic());
        out.writeInt(r.partition() == null ? NONE : r.partition());
        out.writeBoolean(r.timestamp() != null);
        if (r.timestamp() != null) {
            out.writeLong(r.timestamp());
        }
        writeBytes(out, r.key());
        writeBytes(out, r.value());
        Header[] headers = r.headers().toArray();
        out.writeInt(headers.length);
        for (Header h : headers) {
            out.writeUTF(h.key());
            writeBytes(out, h.value());
        }
    }

    private static ProducerRecord<byte[], byte[]> readRecord(DataInputStream in) throws IOException {
        String topic = in.readUTF();
        int partition = in.readInt();
        Long timestamp = in.readBoolean() ? in.readLong() : null;
        byte[] key = readBytes(in);
        byte[] value = readBytes(in);
        int headerCount = in.readInt();
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < headerCount; i++) {
            headers.add(in.readUTF(), readBytes(in));
        }
        return new ProducerRecord<>(topic, partition == NONE ? null : partition, timestamp, key, value, headers);
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? NONE : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == NONE) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
