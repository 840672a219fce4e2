package io.sluice.runtime.connector;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.Output;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Hands the records a source reader's format cannot decode to the reader's
 * {@link BadRecords#SIDE_OUTPUT bad-records side output}, when the job routes the table's bad records to a table: the
 * reader {@link #add adds} each bad record with its position and error, then {@link #flush flushes} before
 * {@code pollNext} returns (so the records are emitted before the checkpoint that covers the position past them),
 * which emits them as one batch of {@link BadRecords#SIDE_OUTPUT_TYPE} and counts them as routed
 * ({@link OperatorMetrics#badRecordsRouted}).
 *
 * <p>Until {@link #flush} the records are held as Java values (bad records are few). One instance per reader; not
 * thread-safe.
 */
public final class BadRecordCollector {
    private final Output sideOutput;
    private final BufferAllocator allocator;
    private final OperatorMetrics metrics;
    private final int batchSize;
    private final List<Entry> pending = new ArrayList<>();

    private record Entry(String source, Integer partition, long offset, String error, byte[] raw, long foundAt) {
    }

    private BadRecordCollector(ReaderContext context, Output sideOutput) {
        this.sideOutput = sideOutput;
        this.allocator = context.allocator();
        this.metrics = context.metrics();
        this.batchSize = Math.max(1, context.batchSize());
    }

    /**
     * A collector for the reader of {@code context}, or null when the job does not route the table's bad records (the
     * reader then fails on them, or skips them with {@code ignore-parse-errors}, as before).
     */
    public static BadRecordCollector open(ReaderContext context) {
        Output side = context.sideOutput(BadRecords.SIDE_OUTPUT);
        return side == null ? null : new BadRecordCollector(context, side);
    }

    /**
     * Adds a bad record.
     *
     * @param source the file path or Kafka topic
     * @param partition the Kafka partition, or null for a file
     * @param offset the line where the record starts (1-based) or the Kafka offset; negative when unknown
     * @param error why the record could not be decoded
     * @param raw the record's bytes as read (not copied: the caller does not change them afterwards)
     */
    public void add(String source, Integer partition, long offset, String error, byte[] raw) throws Exception {
        pending.add(new Entry(source, partition, offset, error, raw == null ? new byte[0] : raw,
                System.currentTimeMillis()));
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    /** Emits the records added since the last flush, if any, and counts them as routed. */
    public void flush() throws Exception {
        if (pending.isEmpty()) {
            return;
        }
        int n = pending.size();
        RowBatch out = RowBatch.allocate(BadRecords.SIDE_OUTPUT_TYPE, allocator, n);
        try {
            VarCharVector source = (VarCharVector) out.vector(0);
            IntVector partition = (IntVector) out.vector(1);
            BigIntVector offset = (BigIntVector) out.vector(2);
            VarCharVector error = (VarCharVector) out.vector(3);
            VarCharVector text = (VarCharVector) out.vector(4);
            VarBinaryVector bytes = (VarBinaryVector) out.vector(5);
            TimeStampMilliTZVector foundAt = (TimeStampMilliTZVector) out.vector(6);
            for (int i = 0; i < n; i++) {
                Entry e = pending.get(i);
                source.setSafe(i, e.source().getBytes(StandardCharsets.UTF_8));
                if (e.partition() == null) {
                    partition.setNull(i);
                } else {
                    partition.setSafe(i, e.partition());
                }
                if (e.offset() < 0) {
                    offset.setNull(i);
                } else {
                    offset.setSafe(i, e.offset());
                }
                error.setSafe(i, String.valueOf(e.error()).getBytes(StandardCharsets.UTF_8));
                text.setSafe(i, utf8(e.raw()).getBytes(StandardCharsets.UTF_8));
                bytes.setSafe(i, e.raw());
                foundAt.setSafe(i, e.foundAt());
            }
            out.setRowCount(n);
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        pending.clear();
        metrics.badRecordsRouted(n);
        sideOutput.emit(out);
    }

    /** The bytes as UTF-8 text, malformed sequences replaced with U+FFFD. */
    static String utf8(byte[] raw) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(raw)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(raw, StandardCharsets.UTF_8);
        }
    }
}
