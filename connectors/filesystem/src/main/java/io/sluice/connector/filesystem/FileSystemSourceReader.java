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
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads this subtask's share of the files, one after the other, into batches of
 * {@link ReaderContext#batchSize()} rows of the projected columns. A batch may hold rows of several
 * files; the last batch may be smaller. Emits no watermarks. Its checkpoint position is the number
 * of rows emitted; a restored reader reads its files again and drops those rows.
 */
public final class FileSystemSourceReader implements SourceReader {
    private final Path root;
    private final RecordDecoderFactory decoderFactory;
    private final RowType physicalType;
    private final ReaderContext context;
    private final int batchSize;
    private List<Path> files;
    private int nextFile;
    private RecordDecoder decoder;
    private RowBatch batch;
    private long skipped;
    /** Rows emitted downstream so far: the reader's checkpoint position. */
    private long emittedRows;
    /** After a restore: rows to decode and drop before emitting again. */
    private long rowsToSkip;

    public FileSystemSourceReader(Path root, RecordDecoderFactory decoderFactory, RowType physicalType,
            ReaderContext context) {
        this.root = root;
        this.decoderFactory = decoderFactory;
        this.physicalType = physicalType;
        this.context = context;
        this.batchSize = context.batchSize();
    }

    @Override
    public void open() throws IOException {
        List<Path> all = FileLister.list(root);
        files = new ArrayList<>();
        for (int i = context.subtaskIndex(); i < all.size(); i += context.parallelism()) {
            files.add(all.get(i));
        }
    }

    @Override
    public ReadStatus pollNext(Output output) throws Exception {
        if (batch == null) {
            batch = RowBatch.allocate(context.producedType(), context.allocator(), batchSize);
        }
        while (true) {
            if (decoder == null) {
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
                Path file = files.get(nextFile++);
                decoder = decoderFactory.createDecoder(new FileInputStream(file.toFile()), file.toString(),
                        physicalType, context.projectedFields());
            }
            if (!decoder.decode(batch, batchSize)) {
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
                batch = RowBatch.allocate(context.producedType(), context.allocator(), batchSize);
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
            batch = RowBatch.allocate(context.producedType(), context.allocator(), batchSize);
            return;
        }
        int keep = (int) (rows - rowsToSkip);
        int[] picks = new int[keep];
        for (int i = 0; i < keep; i++) {
            picks[i] = (int) rowsToSkip + i;
        }
        RowBatch rest = RowBatch.allocate(context.producedType(), context.allocator(), batchSize);
        try {
            for (int c = 0; c < rest.columnCount(); c++) {
                io.sluice.runtime.operator.sort.VectorGather.gather(batch.vector(c), picks, 0, keep, rest.vector(c), 0);
            }
            rest.setRowCount(keep);
        } catch (RuntimeException e) {
            rest.close();
            throw e;
        }
        batch.close();
        batch = rest;
        rowsToSkip = 0;
    }

    /**
     * The number of rows emitted so far. A restored reader decodes its files again from the start and
     * drops that many rows, so the files must not change between the checkpoint and the restore.
     */
    @Override
    public byte[] snapshotPosition() {
        return java.nio.ByteBuffer.allocate(9).put((byte) 1).putLong(emittedRows).array();
    }

    @Override
    public void restorePosition(byte[] position) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(position);
        if (position.length != 9 || b.get() != 1) {
            throw new TableException("Cannot restore the filesystem source at " + root + ": unknown position format.");
        }
        rowsToSkip = b.getLong();
        emittedRows = rowsToSkip;
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
