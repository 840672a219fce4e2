package io.sluice.connector.filesystem;

import io.sluice.table.api.TableException;
import io.sluice.connector.filesystem.format.RecordDecoder;
import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.RowType;
import io.sluice.connector.filesystem.partition.ConstantColumn;
import io.sluice.connector.filesystem.partition.PartitionPaths;
import io.sluice.connector.filesystem.partition.PartitionedFileLister;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads this subtask's share of the files, one after the other, into batches of
 * {@link ReaderContext#batchSize()} rows of the projected columns. A batch may hold rows of several
 * files; the last batch may be smaller. Emits no watermarks. Its checkpoint position is the number
 * of rows emitted; a restored reader reads its files again and drops those rows.
 *
 * <p>Restored at another parallelism, each earlier reader's share of the files (every p-th file from its index) and
 * its emitted-row count (and, when bad records are routed to a table, the number it routed, which the new reader
 * does not route again) form a <em>sequence</em>; the new readers take the sequences round-robin and read each the
 * way its earlier reader would have gone on (a reader taking over several reads them one after the other; with more
 * readers than sequences some readers have nothing left to read). The position of such a reader lists its
 * unfinished sequences.
 *
 * <p>For a partitioned table or with metadata columns, the format decodes only the data columns, straight into
 * their vectors of the output batch (through a view holding just those vectors), and the reader fills the
 * partition and metadata columns, which are constant per file, for the rows each file added.
 *
 * <p><b>Monitoring.</b> With a monitor interval ({@code source.monitor-interval} in streaming mode) the reader never
 * ends: a {@link FileMonitor} lists the path again once per interval and hands out each new file of this subtask
 * once. A batch then holds rows of one file only (the last batch of a file is emitted when the file ends, so rows
 * are not held back while no new file arrives), and the checkpoint position is the set of files fully emitted plus
 * the files started and not finished (the one being read, and those a restore handed over that it has not reached
 * yet) with how many of their rows were emitted. A restored reader skips the files of that set and drops the
 * emitted rows of the files started: each file is read exactly once across restarts. Restored at
 * another parallelism, every reader skips the files any earlier reader had emitted, and the reader that owns a file
 * an earlier reader was part way through now drops that reader's emitted rows of it.
 */
public final class FileSystemSourceReader implements SourceReader {
    private final Path root;
    private final RecordDecoderFactory decoderFactory;
    private final ReaderContext context;
    private final int batchSize;
    private final SourceColumns columns;
    private final List<String> partitionKeys;
    private final String defaultPartitionName;
    /** The partitions to read (values in key order), or null for all. */
    private final Set<List<String>> partitions;
    private List<PartitionedFileLister.PartitionedFile> files;
    private int nextFile;
    private RecordDecoder decoder;
    private RowBatch batch;
    /** The data columns of {@link #batch} (the batch itself when every column is a data column). */
    private RowBatch dataView;
    /** Rows of {@link #batch} whose constant columns are filled. */
    private int filledRows;
    /** The constant columns of the file being decoded. */
    private ConstantColumn[] constants;
    private long skipped;
    /** Rows emitted downstream so far: the reader's checkpoint position. */
    private long emittedRows;
    /** After a restore: rows to decode and drop before emitting again. */
    private long rowsToSkip;
    /** Watches for new files when monitoring; null for a bounded read. */
    private final FileMonitor monitor;
    /** Monitoring: the files whose rows were all emitted (absolute path text). */
    private final Set<String> done = new java.util.LinkedHashSet<>();
    /** Monitoring: the file being read, or null. */
    private String current;
    /** Monitoring: rows of {@link #current} emitted so far. */
    private long currentEmitted;
    /** Monitoring, after a restore: the file that was being read and how many of its rows were emitted. */
    private final java.util.Map<String, Long> resume = new java.util.HashMap<>();
    /** The share of the files being read: that of reader {@code sequenceSubtask} of {@code sequenceReaders}. */
    private int sequenceSubtask = -1;
    private int sequenceReaders;
    /**
     * Taken over at another parallelism: the sequences {subtask, readers, emitted rows, bad records routed} to read
     * after this one.
     */
    private final java.util.ArrayDeque<long[]> moreSequences = new java.util.ArrayDeque<>();
    /** Whether this reader has no share of its own (it reads only sequences it took over). */
    private boolean takenOver;
    /** Routes the records the format cannot decode to the bad-records table; null when the job does not. */
    private final io.sluice.runtime.connector.BadRecordCollector badRecords;
    /** With {@link #badRecords}: the csv quote and escape characters that keep a line break inside a record. */
    private final int quote;
    private final int escape;
    /** With {@link #badRecords}: whether records are lines (else the format's decoders tell them apart). */
    private final boolean lineRecords;
    /**
     * Bad records found so far (monitoring: in the file being read), routed or, right after a restore, dropped as
     * routed before the checkpoint: part of the checkpoint position.
     */
    private long badSeen;
    /** After a restore: bad records to find and drop before routing again. */
    private long badToSkip;
    /** Monitoring, after a restore: the bad records of the file that was being read. */
    private final java.util.Map<String, Long> resumeBad = new java.util.HashMap<>();

    /** A reader of a non-partitioned table without metadata columns. */
    public FileSystemSourceReader(Path root, RecordDecoderFactory decoderFactory, RowType physicalType,
            ReaderContext context) {
        this(root, decoderFactory, new SourceColumns(physicalType, List.of(), List.of(), List.of(),
                context.projectedFields()), List.of(), PartitionPaths.DEFAULT_PARTITION_NAME, null, context, 0);
    }

    /**
     * @param monitorIntervalMillis positive to keep watching the path for new files (a streaming read), else 0
     */
    FileSystemSourceReader(Path root, RecordDecoderFactory decoderFactory, SourceColumns columns,
            List<String> partitionKeys, String defaultPartitionName, Set<List<String>> partitions,
            ReaderContext context, long monitorIntervalMillis) {
        this(root, decoderFactory, columns, partitionKeys, defaultPartitionName, partitions, context,
                monitorIntervalMillis, null);
    }

    /**
     * @param recordSplitting with bad-record routing: {quote, escape} of a line format's records (-1 for none), or an
     *     empty array for a format whose decoders tell records apart (avro, parquet); null without routing
     */
    FileSystemSourceReader(Path root, RecordDecoderFactory decoderFactory, SourceColumns columns,
            List<String> partitionKeys, String defaultPartitionName, Set<List<String>> partitions,
            ReaderContext context, long monitorIntervalMillis, int[] recordSplitting) {
        this.badRecords = recordSplitting == null ? null
                : io.sluice.runtime.connector.BadRecordCollector.open(context);
        this.lineRecords = recordSplitting != null && recordSplitting.length == 2;
        this.quote = lineRecords ? recordSplitting[0] : -1;
        this.escape = lineRecords ? recordSplitting[1] : -1;
        this.monitor = monitorIntervalMillis <= 0 ? null : new FileMonitor(root, partitionKeys, defaultPartitionName,
                monitorIntervalMillis, context.subtaskIndex(), context.parallelism());
        this.root = root;
        this.decoderFactory = decoderFactory;
        this.columns = columns;
        this.partitionKeys = partitionKeys;
        this.defaultPartitionName = defaultPartitionName;
        this.partitions = partitions;
        this.context = context;
        this.batchSize = context.batchSize();
    }

    /** Nothing to do: the files are listed by the first {@link #pollNext}, so a missing path fails the read. */
    @Override
    public void open() {
    }

    /** This subtask's share of the files (every {@code parallelism}-th from its index). */
    private void listFiles() throws IOException {
        if (sequenceSubtask < 0) {
            if (takenOver) {
                if (!nextSequence()) {
                    files = new ArrayList<>();
                    return;
                }
            } else {
                sequenceSubtask = context.subtaskIndex();
                sequenceReaders = context.parallelism();
            }
        }
        List<PartitionedFileLister.PartitionedFile> all =
                PartitionedFileLister.list(root, partitionKeys, defaultPartitionName, partitions);
        files = new ArrayList<>();
        nextFile = 0;
        for (int i = sequenceSubtask; i < all.size(); i += sequenceReaders) {
            files.add(all.get(i));
        }
    }

    /** Moves on to the next sequence taken over, if any: its share of the files, skipping what it had emitted. */
    private boolean nextSequence() {
        long[] next = moreSequences.poll();
        if (next == null) {
            return false;
        }
        sequenceSubtask = (int) next[0];
        sequenceReaders = (int) next[1];
        rowsToSkip = next[2];
        emittedRows = next[2];
        badToSkip = next[3];
        badSeen = 0;
        return true;
    }

    /** Allocates the next output batch and its view of the data columns. */
    private RowBatch newBatch() {
        RowBatch b = RowBatch.allocate(context.producedType(), context.allocator(), batchSize);
        filledRows = 0;
        if (columns.dataOnly()) {
            dataView = b;
        } else {
            int[] outputs = columns.dataOutputs();
            List<FieldVector> vectors = new ArrayList<>(outputs.length);
            for (int out : outputs) {
                vectors.add(b.vector(out));
            }
            dataView = new RowBatch(columns.dataType().project(columns.dataFields()), new VectorSchemaRoot(vectors),
                    null);
        }
        return b;
    }

    /** Fills the constant columns of the rows the current file added and syncs the batch's row count. */
    private void fillConstants() {
        if (columns.dataOnly()) {
            return;
        }
        int rows = dataView.rowCount();
        if (rows > filledRows) {
            int[] outputs = columns.constantOutputs();
            for (int i = 0; i < outputs.length; i++) {
                constants[i].fill(batch.vector(outputs[i]), filledRows, rows);
            }
            filledRows = rows;
            batch.setRowCount(rows);
        }
    }

    /** A decoder of {@code file}: the format's own, or with bad-record routing one that routes bad records. */
    private RecordDecoder openDecoder(Path file) throws IOException {
        if (badRecords == null) {
            return decoderFactory.createDecoder(file, columns.dataType(), columns.dataFields());
        }
        String name = file.toString();
        if (!lineRecords) {
            return FileRoutingDecoder.open(file, decoderFactory, columns.dataType(), columns.dataFields(),
                    (position, error, raw) -> route(name, position, error, raw));
        }
        return new BadRecordRoutingDecoder(new java.io.FileInputStream(file.toFile()), name, decoderFactory,
                columns.dataType(), columns.dataFields(), quote, escape, context.allocator(), (line, error, raw) -> {
                    badSeen++;
                    if (badSeen > badToSkip) {
                        badRecords.add(name, null, line, error, raw);
                    }
                });
    }

    /** Routes a bad record of file {@code name}, unless a restored checkpoint had routed it already. */
    private void route(String name, long position, String error, byte[] raw) throws IOException {
        badSeen++;
        if (badSeen > badToSkip) {
            try {
                badRecords.add(name, null, position, error, raw);
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    @Override
    public ReadStatus pollNext(Output output) throws Exception {
        ReadStatus status = monitor != null ? pollMonitored(output) : pollFiles(output);
        if (badRecords != null) {
            badRecords.flush(); // before the checkpoint that covers the position past them
        }
        return status;
    }

    private ReadStatus pollFiles(Output output) throws Exception {
        if (files == null) {
            listFiles();
        }
        if (batch == null) {
            batch = newBatch();
        }
        while (true) {
            if (decoder == null) {
                if (nextFile >= files.size() && !moreSequences.isEmpty()) {
                    if (rowsToSkip > 0) {
                        throw new TableException("Cannot restore the filesystem source at " + root + ": the checkpoint"
                                + " position is " + rowsToSkip + " rows past the end of its files (did they change?).");
                    }
                    RowBatch last = batch; // the rows of this sequence go out before the next one skips its rows
                    nextSequence();
                    listFiles();
                    batch = newBatch();
                    if (last.rowCount() > 0) {
                        output.emit(last);
                        return ReadStatus.MORE_AVAILABLE;
                    }
                    last.close();
                    continue;
                }
                if (nextFile >= files.size()) {
                    RowBatch last = batch;
                    batch = null;
                    if (rowsToSkip > 0) {
                        throw new TableException("Cannot restore the filesystem source at " + root + ": the checkpoint"
                                + " position is " + rowsToSkip + " rows past the end of its files (did they change?).");
                    }
                    emittedRows += last.rowCount();
                    if (last.rowCount() > 0) {
                        output.emit(last);
                    } else {
                        last.close();
                    }
                    return ReadStatus.END_OF_INPUT;
                }
                PartitionedFileLister.PartitionedFile next = files.get(nextFile++);
                Path file = next.file();
                constants = columns.constantsOf(file, next.partitionValues());
                decoder = openDecoder(file);
            }
            boolean more = decoder.decode(dataView, batchSize);
            fillConstants();
            if (!more) {
                closeDecoder();
            }
            if (rowsToSkip > 0 && batch.rowCount() > 0) {
                dropRestoredRows();
            }
            if (batch.rowCount() >= batchSize) {
                RowBatch full = batch;
                emittedRows += full.rowCount();
                // allocate the next batch before the full one can be released downstream: the allocator then
                // keeps its memory pooled instead of freeing and re-zeroing it for every batch
                batch = newBatch();
                output.emit(full);
                return ReadStatus.MORE_AVAILABLE;
            }
        }
    }

    /** Monitoring: reads new files as they appear; never ends. */
    private ReadStatus pollMonitored(Output output) throws Exception {
        if (batch == null) {
            batch = newBatch();
        }
        while (true) {
            if (decoder == null) {
                PartitionedFileLister.PartitionedFile next = monitor.poll(System.currentTimeMillis());
                if (next == null) {
                    return ReadStatus.NOTHING_AVAILABLE;
                }
                Path file = next.file();
                current = FileMonitor.key(file);
                Long skip = resume.remove(current);
                rowsToSkip = skip == null ? 0 : skip;
                currentEmitted = rowsToSkip;
                Long bad = resumeBad.remove(current);
                badToSkip = bad == null ? 0 : bad;
                badSeen = 0;
                constants = columns.constantsOf(file, next.partitionValues());
                decoder = openDecoder(file);
            }
            boolean more = decoder.decode(dataView, batchSize);
            fillConstants();
            if (!more) {
                closeDecoder();
            }
            if (rowsToSkip > 0 && batch.rowCount() > 0) {
                dropRestoredRows();
            }
            if (!more) {
                if (rowsToSkip > 0) {
                    throw new TableException("Cannot restore the filesystem source at " + root + ": the checkpoint"
                            + " position is " + rowsToSkip + " rows past the end of file " + current
                            + " (did it change?).");
                }
                done.add(current);
                current = null;
                currentEmitted = 0;
                if (batch.rowCount() > 0) {
                    RowBatch last = batch;
                    batch = newBatch();
                    output.emit(last);
                    return ReadStatus.MORE_AVAILABLE;
                }
            } else if (batch.rowCount() >= batchSize) {
                RowBatch full = batch;
                currentEmitted += full.rowCount();
                batch = newBatch();
                output.emit(full);
                return ReadStatus.MORE_AVAILABLE;
            }
        }
    }

    /** Drops rows a restored reader had already emitted before the checkpoint. */
    private void dropRestoredRows() {
        int rows = batch.rowCount();
        if (rows <= rowsToSkip) {
            rowsToSkip -= rows;
            batch.close();
            batch = newBatch();
            return;
        }
        int keep = (int) (rows - rowsToSkip);
        int[] picks = new int[keep];
        for (int i = 0; i < keep; i++) {
            picks[i] = (int) rowsToSkip + i;
        }
        RowBatch old = batch;
        RowBatch rest = newBatch();
        try {
            for (int c = 0; c < rest.columnCount(); c++) {
                io.sluice.runtime.operator.sort.VectorGather.gather(old.vector(c), picks, 0, keep, rest.vector(c), 0);
            }
            if (old.rowKinds() != null) { // a changelog format: the kept rows keep their kinds
                for (int i = 0; i < keep; i++) {
                    io.sluice.connector.filesystem.format.RowKinds.set(rest, i, old.rowKind(picks[i]));
                }
                rest.rowKinds().setValueCount(keep);
            }
            rest.setRowCount(keep);
            if (dataView != rest) {
                dataView.root().setRowCount(keep);
            }
            filledRows = keep;
        } catch (RuntimeException e) {
            rest.close();
            throw e;
        }
        old.close();
        batch = rest;
        rowsToSkip = 0;
    }

    /**
     * The number of rows emitted so far. A restored reader decodes its files again from the start and
     * drops that many rows, so the files must not change between the checkpoint and the restore.
     */
    @Override
    public byte[] snapshotPosition() throws IOException {
        if (monitor != null) {
            return snapshotMonitored();
        }
        if (!takenOver) {
            if (badRecords != null) { // and the bad records routed so far
                return java.nio.ByteBuffer.allocate(17).put((byte) 1).putLong(emittedRows).putLong(badSeen).array();
            }
            return java.nio.ByteBuffer.allocate(9).put((byte) 1).putLong(emittedRows).array();
        }
        List<long[]> sequences = new ArrayList<>();
        boolean currentDone = sequenceSubtask < 0 || files != null && nextFile >= files.size() && decoder == null
                && (batch == null || batch.rowCount() == 0);
        if (sequenceSubtask >= 0 && !currentDone) {
            sequences.add(new long[] {sequenceSubtask, sequenceReaders, emittedRows, badSeen});
        }
        sequences.addAll(moreSequences);
        boolean withBad = badRecords != null; // version 4: each sequence with the bad records routed so far
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(5 + (withBad ? 24 : 16) * sequences.size())
                .put((byte) (withBad ? 4 : 2)).putInt(sequences.size());
        for (long[] q : sequences) {
            b.putInt((int) q[0]).putInt((int) q[1]).putLong(q[2]);
            if (withBad) {
                b.putLong(q[3]);
            }
        }
        return b.array();
    }

    /**
     * The sequences {subtask, readers, emitted rows, bad records routed} a position describes ({@code index} of
     * {@code readers}).
     */
    private List<long[]> sequencesOf(byte[] position, int index, int readers) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(position);
        byte version = b.get();
        List<long[]> result = new ArrayList<>();
        if (version == 1 && (position.length == 9 || position.length == 17)) {
            result.add(new long[] {index, readers, b.getLong(), position.length == 17 ? b.getLong() : 0});
        } else if (version == 2 || version == 4) {
            int n = b.getInt();
            for (int i = 0; i < n; i++) {
                result.add(new long[] {b.getInt(), b.getInt(), b.getLong(), version == 4 ? b.getLong() : 0});
            }
        } else {
            throw new TableException("Cannot restore the filesystem source at " + root + ": unknown position format.");
        }
        return result;
    }

    /**
     * Takes over, at another parallelism, the sequences of the earlier readers whose index among them is this
     * reader's index modulo the reader count now.
     */
    @Override
    public void restoreRescaledPositions(List<byte[]> positions) throws IOException {
        if (monitor != null) {
            // every file any earlier reader emitted is done; a file one was reading goes on where it stopped with
            // the reader that owns it now; the others are new to whichever reader owns them now
            for (byte[] position : positions) {
                restoreMonitored(position);
            }
            return;
        }
        List<long[]> all = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            all.addAll(sequencesOf(positions.get(i), i, positions.size()));
        }
        takenOver = true;
        moreSequences.clear();
        for (int i = context.subtaskIndex(); i < all.size(); i += context.parallelism()) {
            moreSequences.add(all.get(i));
        }
    }

    /**
     * Version 3: the files fully emitted, then the files started and not finished, each with its rows emitted (and
     * bad records seen): the file being read, and files a restore handed this reader to go on with that it has not
     * reached yet.
     */
    private byte[] snapshotMonitored() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeByte(3);
        out.writeInt(done.size());
        for (String f : done) {
            out.writeUTF(f);
        }
        List<String> started = new ArrayList<>();
        for (String f : resume.keySet()) {
            if (monitor.ownsKey(f)) {
                started.add(f);
            }
        }
        out.writeInt(started.size() + (current == null ? 0 : 1));
        if (current != null) {
            out.writeUTF(current);
            out.writeLong(currentEmitted);
            out.writeLong(badRecords == null ? 0 : badSeen);
        }
        for (String f : started) {
            out.writeUTF(f);
            out.writeLong(resume.get(f));
            out.writeLong(resumeBad.getOrDefault(f, 0L));
        }
        out.flush();
        return bytes.toByteArray();
    }

    @Override
    public void restorePosition(byte[] position) throws IOException {
        if (monitor != null) {
            restoreMonitored(position);
            return;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(position);
        if (position.length > 0 && (position[0] == 2 || position[0] == 4)) {
            takenOver = true;
            moreSequences.clear();
            moreSequences.addAll(sequencesOf(position, context.subtaskIndex(), context.parallelism()));
            return;
        }
        if ((position.length != 9 && position.length != 17) || b.get() != 1) {
            throw new TableException("Cannot restore the filesystem source at " + root + ": unknown position format.");
        }
        rowsToSkip = b.getLong();
        emittedRows = rowsToSkip;
        if (position.length == 17) {
            badToSkip = b.getLong();
            badSeen = 0;
        }
    }

    /** Adds what {@link #snapshotMonitored} wrote (version 3, or version 2 of earlier runs). */
    private void restoreMonitored(byte[] position) throws IOException {
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(position));
        int version = position.length < 1 ? -1 : in.readByte();
        if (version != 2 && version != 3) {
            throw new TableException("Cannot restore the filesystem source at " + root + ": the checkpoint was taken"
                    + " without 'source.monitor-interval' (or in another format).");
        }
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            done.add(in.readUTF());
        }
        monitor.markSeen(done);
        if (version == 2) {
            String reading = in.readUTF();
            long emitted = in.readLong();
            long bad = in.available() >= 8 ? in.readLong() : 0;
            if (!reading.isEmpty()) {
                resume.put(reading, emitted);
                resumeBad.put(reading, bad);
            }
            return;
        }
        int started = in.readInt();
        for (int i = 0; i < started; i++) {
            String file = in.readUTF();
            resume.put(file, in.readLong());
            resumeBad.put(file, in.readLong());
        }
    }

    private void closeDecoder() throws IOException {
        skipped += decoder.skippedRecords();
        RecordDecoder d = decoder;
        decoder = null;
        d.close();
    }

    /** Malformed records skipped so far (with the format's ignore-parse-errors option). */
    public long skippedRecords() {
        return skipped + (decoder == null ? 0 : decoder.skippedRecords());
    }

    @Override
    public long skippedBadRecords() {
        return skippedRecords();
    }

    @Override
    public void close() throws IOException {
        try {
            if (decoder != null) {
                closeDecoder();
            }
        } finally {
            if (batch != null) {
                batch.close();
                batch = null;
            }
        }
    }
}
