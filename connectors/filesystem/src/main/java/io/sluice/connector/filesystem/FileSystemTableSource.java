package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.types.RowType;
import java.nio.file.Path;

/**
 * A bounded source over a file or a directory tree. Parallel readers split the sorted file list
 * round-robin (file {@code i} goes to subtask {@code i % parallelism}).
 */
public final class FileSystemTableSource implements ScanTableSource {
    private final Path path;
    private final String formatId;
    private final RecordDecoderFactory decoderFactory;
    private final RowType physicalType;

    public FileSystemTableSource(Path path, String formatId, RecordDecoderFactory decoderFactory, RowType physicalType) {
        this.path = path;
        this.formatId = formatId;
        this.decoderFactory = decoderFactory;
        this.physicalType = physicalType;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public FileSystemSourceReader createReader(ReaderContext context) {
        return new FileSystemSourceReader(path, decoderFactory, physicalType, context);
    }

    @Override
    public String describe() {
        return "filesystem(path=" + path + ", format=" + formatId + ")";
    }
}
