package io.sluice.connector.file.src;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.Source;
import io.sluice.connector.file.src.reader.BulkFormat;
import io.sluice.connector.file.src.reader.StreamFormat;
import io.sluice.connector.file.src.reader.TextLineInputFormat;
import io.sluice.core.fs.Path;
import io.sluice.datastream.runtime.source.RecordSourceProvider;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.time.Duration;
import java.util.List;

/**
 * Reads local files (a directory: its files in name order) with a record format; the files are split over the
 * parallel instances, and each instance's position (file and line) is checkpointed. Bounded by default; with
 * {@link FileSourceBuilder#monitorContinuously} an unbounded source that also reads the files appearing later (with
 * {@link TextLineInputFormat}; other stream formats and bulk formats read a static file set).
 */
public final class FileSource<T> extends io.sluice.datastream.runtime.source.BuiltInSource<T> {
    private static final long serialVersionUID = 1L;
    /** The record-by-record format, or null for a bulk format. */
    private final StreamFormat<T> format;
    /** The bulk format, or null for a record-by-record format. */
    private final BulkFormat<T, FileSourceSplit> bulkFormat;
    private final List<Path> paths;
    /** How often the paths are listed again for new files; null for a bounded source. */
    private final Duration discoveryInterval;

    private FileSource(StreamFormat<T> format, BulkFormat<T, FileSourceSplit> bulkFormat, List<Path> paths,
            Duration discoveryInterval) {
        this.format = format;
        this.bulkFormat = bulkFormat;
        this.paths = List.copyOf(paths);
        this.discoveryInterval = discoveryInterval;
    }

    /** A builder of a source reading {@code paths} with a record-by-record format. */
    public static <T> FileSourceBuilder<T> forRecordStreamFormat(StreamFormat<T> format, Path... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("At least one path is required");
        }
        return new FileSourceBuilder<>(format, null, List.of(paths));
    }

    /** A builder of a source reading {@code paths} with a format that reads batches of records (a file per split). */
    public static <T> FileSourceBuilder<T> forBulkFileFormat(BulkFormat<T, FileSourceSplit> bulkFormat,
            Path... paths) {
        if (paths.length == 0) {
            throw new IllegalArgumentException("At least one path is required");
        }
        return new FileSourceBuilder<>(null, java.util.Objects.requireNonNull(bulkFormat, "bulkFormat"),
                List.of(paths));
    }

    @Override
    public Boundedness getBoundedness() {
        return discoveryInterval == null ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<T> getProducedType() {
        if (bulkFormat != null) {
            return bulkFormat.getProducedType();
        }
        return format instanceof TextLineInputFormat ? (TypeInformation<T>) Types.STRING : format.getProducedType();
    }

    @Override
    @SuppressWarnings("unchecked")
    public ScanTableSource scanSource(StateSerializer<T> serializer) {
        if (bulkFormat != null) {
            return io.sluice.datastream.runtime.source.FormatScanSource.of(paths, bulkFormat, serializer);
        }
        if (!(format instanceof TextLineInputFormat)) {
            return io.sluice.datastream.runtime.source.FormatScanSource.of(paths, format, serializer);
        }
        if (discoveryInterval != null) {
            return new io.sluice.datastream.runtime.source.MonitoredTextFileScanSource(paths,
                    ((TextLineInputFormat) format).getCharsetName(), (StateSerializer<String>) serializer,
                    discoveryInterval);
        }
        return io.sluice.datastream.runtime.source.FormatScanSource.lines(paths,
                ((TextLineInputFormat) format).getCharsetName(), (StateSerializer<String>) serializer);
    }

    /** Builds a {@link FileSource}. */
    public static final class FileSourceBuilder<T> {
        private final StreamFormat<T> format;
        private final BulkFormat<T, FileSourceSplit> bulkFormat;
        private final List<Path> paths;
        private Duration discoveryInterval;

        FileSourceBuilder(StreamFormat<T> format, BulkFormat<T, FileSourceSplit> bulkFormat, List<Path> paths) {
            this.format = format;
            this.bulkFormat = bulkFormat;
            this.paths = paths;
        }

        /**
         * Makes the source unbounded: it reads the files under its paths at the start and then lists the paths again
         * every {@code discoveryInterval}, reading each new file once (files whose names start with {@code .} are
         * left out, so a file can be written under a hidden name and renamed when complete).
         */
        public FileSourceBuilder<T> monitorContinuously(Duration discoveryInterval) {
            if (discoveryInterval == null || discoveryInterval.isNegative() || discoveryInterval.isZero()) {
                throw new IllegalArgumentException("The discovery interval must be positive, not "
                        + discoveryInterval);
            }
            this.discoveryInterval = discoveryInterval;
            return this;
        }

        /** Makes the source bounded again (the default): it reads the files that exist when the job starts. */
        public FileSourceBuilder<T> processStaticFileSet() {
            this.discoveryInterval = null;
            return this;
        }

        public FileSource<T> build() {
            if (discoveryInterval != null && !(format instanceof TextLineInputFormat)) {
                throw new UnsupportedOperationException("not supported yet: monitorContinuously with formats other"
                        + " than TextLineInputFormat (" + (format != null ? format : bulkFormat).getClass().getName()
                        + ")");
            }
            return new FileSource<>(format, bulkFormat, paths, discoveryInterval);
        }
    }
}
