package io.sluice.connector.file.src;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.Source;
import io.sluice.connector.file.src.reader.StreamFormat;
import io.sluice.connector.file.src.reader.TextLineInputFormat;
import io.sluice.core.fs.Path;
import io.sluice.datastream.runtime.source.RecordSourceProvider;
import io.sluice.datastream.runtime.source.TextFileScanSource;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.time.Duration;
import java.util.List;

/**
 * Reads local files (a directory: its files in name order) with a record format; the files are split over the
 * parallel instances, and each instance's position (file and line) is checkpointed. Only
 * {@link TextLineInputFormat} is supported yet, and bounded reading (no directory monitoring).
 */
public final class FileSource<T> extends io.sluice.datastream.runtime.source.BuiltInSource<T> {
    private static final long serialVersionUID = 1L;
    private final StreamFormat<T> format;
    private final List<Path> paths;

    private FileSource(StreamFormat<T> format, List<Path> paths) {
        this.format = format;
        this.paths = List.copyOf(paths);
    }

    /** A builder of a source reading {@code paths} with a record-by-record format. */
    public static <T> FileSourceBuilder<T> forRecordStreamFormat(StreamFormat<T> format, Path... paths) {
        if (!(format instanceof TextLineInputFormat)) {
            throw new UnsupportedOperationException("not supported yet: stream formats other than "
                    + "TextLineInputFormat (" + format.getClass().getName() + ")");
        }
        if (paths.length == 0) {
            throw new IllegalArgumentException("At least one path is required");
        }
        return new FileSourceBuilder<>(format, List.of(paths));
    }

    /** Not supported yet. */
    public static <T> FileSourceBuilder<T> forBulkFileFormat(Object format, Path... paths) {
        throw new UnsupportedOperationException("not supported yet: FileSource.forBulkFileFormat");
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<T> getProducedType() {
        return (TypeInformation<T>) Types.STRING;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ScanTableSource scanSource(StateSerializer<T> serializer) {
        return new TextFileScanSource(paths, ((TextLineInputFormat) format).getCharsetName(),
                (StateSerializer<String>) serializer);
    }

    /** Builds a {@link FileSource}. */
    public static final class FileSourceBuilder<T> {
        private final StreamFormat<T> format;
        private final List<Path> paths;

        FileSourceBuilder(StreamFormat<T> format, List<Path> paths) {
            this.format = format;
            this.paths = paths;
        }

        /** Not supported yet: Sluice's file source reads what exists when the job starts. */
        public FileSourceBuilder<T> monitorContinuously(Duration discoveryInterval) {
            throw new UnsupportedOperationException("not supported yet: FileSource.monitorContinuously");
        }

        public FileSource<T> build() {
            return new FileSource<>(format, paths);
        }
    }
}
