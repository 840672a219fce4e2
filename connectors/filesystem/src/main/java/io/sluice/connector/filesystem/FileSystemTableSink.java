package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.format.RecordEncoderFactory;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.SupportsOverwrite;
import io.sluice.runtime.connector.WriterContext;
import java.nio.file.Path;

/**
 * A sink writing part files into the {@code path} directory; accepts insert-only input. With
 * {@link #applyOverwrite} the job's files replace the directory's visible files when the job finishes.
 */
public final class FileSystemTableSink implements DynamicTableSink, SupportsOverwrite {
    private final Path directory;
    private final String formatId;
    private final RecordEncoderFactory encoderFactory;
    /** Set by {@link #applyOverwrite}: the commit shared by the job's writers. */
    private OverwriteCommitter overwrite;

    public FileSystemTableSink(Path directory, String formatId, RecordEncoderFactory encoderFactory) {
        this.directory = directory;
        this.formatId = formatId;
        this.encoderFactory = encoderFactory;
    }

    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        return ChangelogMode.insertOnly();
    }

    @Override
    public FileSystemSinkWriter createWriter(WriterContext context) {
        return new FileSystemSinkWriter(directory, encoderFactory, context.subtaskIndex(), overwrite,
                context.parallelism());
    }

    @Override
    public void applyOverwrite(boolean overwrite) {
        this.overwrite = overwrite ? new OverwriteCommitter(directory) : null;
    }

    @Override
    public String describe() {
        return "filesystem(path=" + directory + ", format=" + formatId + (overwrite != null ? ", overwrite" : "") + ")";
    }
}
