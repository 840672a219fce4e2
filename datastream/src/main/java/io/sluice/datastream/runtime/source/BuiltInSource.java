package io.sluice.datastream.runtime.source;

import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.SourceReader;
import io.sluice.api.connector.source.SourceReaderContext;
import io.sluice.api.connector.source.SourceSplit;
import io.sluice.api.connector.source.SplitEnumerator;
import io.sluice.api.connector.source.SplitEnumeratorContext;
import io.sluice.core.io.SimpleVersionedSerializer;

/**
 * A source Sluice runs as its own runtime source ({@link RecordSourceProvider}), not through enumerator and reader
 * objects: those methods of the Source API fail with "not supported yet".
 */
public abstract class BuiltInSource<T> implements Source<T, SourceSplit, Object>, RecordSourceProvider<T> {
    private static final long serialVersionUID = 1L;

    private UnsupportedOperationException notObjects() {
        return new UnsupportedOperationException("not supported yet: the enumerator, readers and serializers of "
                + getClass().getSimpleName() + " as objects (Sluice runs this source itself)");
    }

    @Override
    public SplitEnumerator<SourceSplit, Object> createEnumerator(SplitEnumeratorContext<SourceSplit> context) {
        throw notObjects();
    }

    @Override
    public SplitEnumerator<SourceSplit, Object> restoreEnumerator(SplitEnumeratorContext<SourceSplit> context,
            Object checkpoint) {
        throw notObjects();
    }

    @Override
    public SimpleVersionedSerializer<SourceSplit> getSplitSerializer() {
        throw notObjects();
    }

    @Override
    public SimpleVersionedSerializer<Object> getEnumeratorCheckpointSerializer() {
        throw notObjects();
    }

    @Override
    public SourceReader<T, SourceSplit> createReader(SourceReaderContext readerContext) {
        throw notObjects();
    }
}
