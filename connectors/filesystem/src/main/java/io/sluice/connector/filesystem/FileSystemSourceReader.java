package io.sluice.connector.filesystem;

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
 * files; the last batch may be smaller. Emits no watermarks.
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
            if (batch.rowCount() >= batchSize) {
                RowBatch full = batch;
                // allocate the next batch before the full one can be released downstream: the allocator then
                // keeps its memory pooled instead of freeing and re-zeroing it for every batch
                batch = RowBatch.allocate(context.producedType(), context.allocator(), batchSize);
                output.emit(full);
                return ReadStatus.MORE_AVAILABLE;
            }
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
