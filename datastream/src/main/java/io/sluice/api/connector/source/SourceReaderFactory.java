package io.sluice.api.connector.source;

/** Creates the reader of each parallel instance of a source. */
public interface SourceReaderFactory<T, SplitT extends SourceSplit> extends java.io.Serializable {
    SourceReader<T, SplitT> createReader(SourceReaderContext readerContext) throws Exception;
}
