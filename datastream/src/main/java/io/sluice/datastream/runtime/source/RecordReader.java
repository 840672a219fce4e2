package io.sluice.datastream.runtime.source;

import io.sluice.datastream.runtime.DeferredRecords;
import io.sluice.datastream.runtime.RecordBatches;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Reads serialized records {@code [next, end)} of a bounded source into {@link RecordBatches}, a batch at a time;
 * its position is the index of the next record and the end. Restored at another parallelism, the readers share the
 * ranges the earlier readers had left: their concatenation is cut into as many contiguous parts as there are
 * readers now, and a reader reads the ranges of its part one after the other.
 */
abstract class RecordReader implements SourceReader {
    /** The first long of a position that lists ranges. */
    private static final long RANGES_MARKER = Long.MIN_VALUE;

    private final ReaderContext context;
    protected long next;
    protected long end;
    /** Records emitted by this reader object (not counting those before a restore). */
    protected long emittedRecords;
    /** Ranges {@code {start, end}} to read after the current one (restored at another parallelism). */
    private final java.util.ArrayDeque<long[]> moreRanges = new java.util.ArrayDeque<>();

    RecordReader(ReaderContext context, long start, long end) {
        this.context = context;
        this.next = start;
        this.end = end;
    }

    /** The serialized record at {@code index}. */
    abstract byte[] record(long index) throws Exception;

    /**
     * The serializer of the records as {@link #object} returns them, when this reader emits its records as objects
     * that a batch carries in place of their bytes ({@link DeferredRecords}, serialized only if needed); null (the
     * default) when it emits bytes.
     */
    io.sluice.runtime.state.keyed.StateSerializer<?> objectSerializer() {
        return null;
    }

    /** The record at {@code index} as a new object (called only when {@link #objectSerializer} is not null). */
    Object object(long index) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void open() {
    }

    @Override
    public ReadStatus pollNext(Output output) throws Exception {
        return pollUpTo(output, end);
    }

    /** Emits the records from the position up to (not including) index {@code limit}, a batch at most. */
    ReadStatus pollUpTo(Output output, long limit) throws Exception {
        if (exhausted()) {
            return ReadStatus.END_OF_INPUT;
        }
        int n = (int) Math.min(context.batchSize(), Math.min(end, limit) - next);
        io.sluice.runtime.state.keyed.StateSerializer<?> serializer = objectSerializer();
        if (n > 0 && serializer != null) {
            DeferredRecords rows = new DeferredRecords(serializer, n);
            for (int i = 0; i < n; i++) {
                rows.add(serializer, object(next + i), RecordBatches.NO_TIMESTAMP, false, 0, 0);
            }
            next += n;
            emittedRecords += n;
            output.emit(rows.toBatch(context.allocator()));
            return exhausted() ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
        }
        List<byte[]> records = new ArrayList<>(Math.max(n, 0));
        for (int i = 0; i < n; i++) {
            records.add(record(next + i));
        }
        next += Math.max(n, 0);
        emittedRecords += Math.max(n, 0);
        emit(context, records, output);
        return exhausted() ? ReadStatus.END_OF_INPUT : ReadStatus.MORE_AVAILABLE;
    }

    /** Whether every range has been read; moves on to the next range when the current one is done. */
    boolean exhausted() {
        while (next >= end && !moreRanges.isEmpty()) {
            long[] r = moreRanges.poll();
            next = r[0];
            end = r[1];
        }
        return next >= end;
    }

    /** Emits serialized records as one batch (nothing when there are none). */
    static void emit(ReaderContext context, List<byte[]> records, Output output) throws Exception {
        io.sluice.datastream.runtime.RecordBatches.emit(context.allocator(), records, output);
    }

    @Override
    public byte[] snapshotPosition() {
        List<long[]> ranges = remaining();
        ByteBuffer buf = ByteBuffer.allocate(12 + 16 * ranges.size()).putLong(RANGES_MARKER).putInt(ranges.size());
        for (long[] r : ranges) {
            buf.putLong(r[0]).putLong(r[1]);
        }
        return buf.array();
    }

    /** The ranges not read yet, in reading order. */
    private List<long[]> remaining() {
        List<long[]> ranges = new ArrayList<>();
        if (next < end) {
            ranges.add(new long[] {next, end});
        }
        ranges.addAll(moreRanges);
        return ranges;
    }

    private static List<long[]> rangesOf(byte[] position) {
        ByteBuffer buf = ByteBuffer.wrap(position);
        if (position.length == 8 || buf.getLong() != RANGES_MARKER) {
            throw new io.sluice.table.api.UnsupportedFeatureException("restoring a source position without its"
                    + " end at another parallelism (a checkpoint of an older version)");
        }
        int n = buf.getInt();
        List<long[]> ranges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ranges.add(new long[] {buf.getLong(), buf.getLong()});
        }
        return ranges;
    }

    @Override
    public void restorePosition(byte[] position) {
        if (position.length == 8) {
            next = ByteBuffer.wrap(position).getLong();
            return;
        }
        setRanges(rangesOf(position));
    }

    @Override
    public void restoreRescaledPositions(List<byte[]> positions) {
        List<long[]> all = new ArrayList<>();
        long total = 0;
        for (byte[] p : positions) {
            for (long[] r : rangesOf(p)) {
                all.add(r);
                total += r[1] - r[0];
            }
        }
        int readers = context.parallelism();
        int me = context.subtaskIndex();
        long from = total * me / readers;
        long to = total * (me + 1) / readers;
        List<long[]> mine = new ArrayList<>();
        long offset = 0;
        for (long[] r : all) {
            long length = r[1] - r[0];
            long a = Math.max(from, offset);
            long b = Math.min(to, offset + length);
            if (a < b) {
                mine.add(new long[] {r[0] + a - offset, r[0] + b - offset});
            }
            offset += length;
        }
        setRanges(mine);
    }

    private void setRanges(List<long[]> ranges) {
        moreRanges.clear();
        next = 0;
        end = 0;
        moreRanges.addAll(ranges);
        exhausted();
    }

    @Override
    public void close() {
    }
}
